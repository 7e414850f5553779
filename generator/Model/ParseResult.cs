using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>
/// The result of parsing one document: the client to emit (null when it cannot be built) and the diagnostics. The
/// pipeline splits it at once into the two, so that a diagnostic that only moved does not re-run emission.
/// </summary>
internal sealed record ParseResult(string SpecPath, ClientSpec? Client, EquatableArray<DiagnosticInfo> Diagnostics);

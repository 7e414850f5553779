using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>A diagnostic to report: the descriptor id, its message arguments and where it points.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, SourceSpan? Span);

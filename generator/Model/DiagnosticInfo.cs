using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>A place in a spec file, kept as plain values so that pipeline steps stay equatable.</summary>
internal sealed record SourceSpan(
    string Path,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);

/// <summary>A diagnostic to report: the descriptor id, its message arguments and where it points.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, SourceSpan? Span);

/// <summary>The result of parsing one document: the client to emit (null when it cannot be built) and the diagnostics.</summary>
internal sealed record ParseResult(string SpecPath, ClientSpec? Client, EquatableArray<DiagnosticInfo> Diagnostics);

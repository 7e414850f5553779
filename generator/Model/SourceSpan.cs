namespace AutoSend.Gen.Model;

/// <summary>
/// A place in a spec file, kept as plain values so that pipeline steps stay equatable. Only diagnostics carry spans:
/// the <see cref="ClientSpec"/> holds none, so an edit that only moves lines leaves it equal and the sources cached.
/// </summary>
internal sealed record SourceSpan(
    string Path,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);

namespace AutoSend.Gen.Model;

/// <summary>
/// The client one document builds, with the document's path: what the emit side of the pipeline sees. It holds no
/// positions (those stay with the diagnostics), so an edit that only moves lines in the spec leaves it equal.
/// </summary>
/// <param name="SpecPath">The spec file's full path: the key of the document and the name in its sources' headers.</param>
/// <param name="Client">The client to emit.</param>
internal sealed record DocumentClient(string SpecPath, ClientSpec Client);

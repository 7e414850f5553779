namespace AutoSend.Gen.Parsing;

/// <summary>
/// One <c>&lt;OpenApiClient&gt;</c> item as the pipeline sees it: the spec text and the item's settings. Plain
/// strings only, so that an unchanged spec compares equal and the parse step is skipped.
/// </summary>
/// <param name="Path">The spec file's full path, used in diagnostics and as the stable key.</param>
/// <param name="Text">The spec file's content.</param>
/// <param name="Namespace">The <c>Namespace</c> metadata, or empty.</param>
/// <param name="ClientName">The <c>ClientName</c> metadata, or empty.</param>
/// <param name="RootNamespace">The project's root namespace, or empty.</param>
/// <param name="Filter">Which operations to generate (<c>Operations</c>, <c>Tags</c>, <c>ExcludeTags</c>, <c>ExcludeDeprecated</c>).</param>
internal sealed record ClientInput(string Path, string Text, string Namespace, string ClientName, string RootNamespace, ClientFilter Filter);

using System;
using System.Linq;
using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Which operations of a document to generate, from the <c>&lt;OpenApiClient&gt;</c> item's <c>Operations</c>,
/// <c>Tags</c>, <c>ExcludeTags</c> and <c>ExcludeDeprecated</c> metadata (lists separated by <c>;</c> or <c>,</c>).
/// </summary>
/// <param name="Operations">Operation ids to keep, whatever their tags or deprecation.</param>
/// <param name="Tags">Tags whose operations to keep.</param>
/// <param name="ExcludeTags">Tags whose operations to drop (unless named in <paramref name="Operations"/>).</param>
/// <param name="ExcludeDeprecated">Drop deprecated operations (unless named in <paramref name="Operations"/>).</param>
internal sealed record ClientFilter(EquatableArray<string> Operations, EquatableArray<string> Tags, EquatableArray<string> ExcludeTags, bool ExcludeDeprecated)
{
    /// <summary>No filter: every operation and every component schema.</summary>
    public static ClientFilter None { get; } = new(EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, false);

    public bool SelectsEverything => Operations.IsEmpty && Tags.IsEmpty && ExcludeTags.IsEmpty && !ExcludeDeprecated;

    public static ClientFilter Parse(string? operations, string? tags, string? excludeTags, string? excludeDeprecated) => new(
        List(operations), List(tags), List(excludeTags), string.Equals(excludeDeprecated?.Trim(), "true", StringComparison.OrdinalIgnoreCase));

    private static EquatableArray<string> List(string? value) =>
        (value ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal).ToEquatableArray();
}

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Reads the vendor extensions the generator understands (docs/extensions.md): <c>x-csharp-name</c>,
/// <c>x-pagination</c>, <c>x-retry-after</c>, <c>x-alias-of</c>, <c>x-idempotent</c>, <c>x-enum-varnames</c>.
/// </summary>
internal static class VendorExtensions
{
    public const string CSharpName = "x-csharp-name";
    public const string Pagination = "x-pagination";
    public const string RetryAfter = "x-retry-after";
    public const string AliasOf = "x-alias-of";
    public const string Idempotent = "x-idempotent";
    public const string EnumVarNames = "x-enum-varnames";

    public static JsonNode? Get(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions is not null && extensions.TryGetValue(name, out IOpenApiExtension? extension) && extension is JsonNodeExtension node ? node.Node : null;

    public static string? GetString(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        Get(extensions, name) is JsonValue value && value.TryGetValue(out string? text) && text.Trim().Length > 0 ? text.Trim() : null;

    public static bool GetBool(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        Get(extensions, name) is JsonValue value && value.TryGetValue(out bool flag) && flag;

    /// <summary>
    /// The text of a scalar: a string as it is, a number or boolean as written (YAML reads <c>items: 2</c> as a
    /// number where the extension expects a name); null for anything else.
    /// </summary>
    public static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
            System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.ToJsonString(),
            _ => null,
        }
        : null;

    /// <summary>A string or an array of strings.</summary>
    public static IEnumerable<string> GetStrings(IDictionary<string, IOpenApiExtension>? extensions, string name) => Get(extensions, name) switch
    {
        JsonValue value when value.TryGetValue(out string? text) => [text],
        JsonArray array => array.OfType<JsonValue>().Select(v => v.TryGetValue(out string? text) ? text : null).Where(t => t is not null).Select(t => t!),
        _ => [],
    };
}

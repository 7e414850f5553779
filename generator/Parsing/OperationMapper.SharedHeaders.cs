using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;
using OpenApiParameterLocation = Microsoft.OpenApi.ParameterLocation;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Headers that (nearly) every operation declares, such as AutoSend's <c>x-project-id</c>: they become a property of
/// the client's options as well (README, "Shared headers").
/// </summary>
internal sealed partial class OperationMapper
{
    /// <summary>The share of operations that must declare a header (same name ignoring case, same schema) for it to be shared.</summary>
    public const double SharedHeaderShare = 0.8;

    private Dictionary<string, SharedHeaderSpec> _sharedHeaders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The shared headers found by <see cref="FindSharedHeaders"/>, in document order.</summary>
    public EquatableArray<SharedHeaderSpec> SharedHeaders => _sharedHeaders.Values.ToEquatableArray();

    /// <summary>Counts the header parameters of every operation and keeps those declared by at least 80 % of them (at least two).</summary>
    private void FindSharedHeaders(OpenApiDocument document)
    {
        int operations = 0;
        var counts = new Dictionary<(string Name, string Schema), (int Count, IOpenApiParameter First)>();
        var order = new List<(string Name, string Schema)>();
        foreach (KeyValuePair<string, IOpenApiPathItem> path in document.Paths ?? new OpenApiPaths())
        {
            foreach (KeyValuePair<System.Net.Http.HttpMethod, OpenApiOperation> entry in path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                operations++;
                var seen = new HashSet<(string, string)>();
                foreach ((IOpenApiParameter parameter, _) in MergeParameters(path.Value, entry.Value, "#/paths/x/get"))
                {
                    if (parameter.In != OpenApiParameterLocation.Header || parameter.Name is null || s_ignoredHeaders.Contains(parameter.Name.ToLowerInvariant())
                        || SchemaKey(parameter.Schema) is not { } schemaKey)
                    {
                        continue;
                    }

                    var key = (parameter.Name.ToLowerInvariant(), schemaKey);
                    if (!seen.Add(key))
                    {
                        continue;
                    }

                    if (counts.TryGetValue(key, out var found))
                    {
                        counts[key] = (found.Count + 1, found.First);
                    }
                    else
                    {
                        counts[key] = (1, parameter);
                        order.Add(key);
                    }
                }
            }
        }

        NameScope names = OptionNames;
        _sharedHeaders = new Dictionary<string, SharedHeaderSpec>(StringComparer.OrdinalIgnoreCase);
        foreach ((string Name, string Schema) key in order)
        {
            (int count, IOpenApiParameter first) = counts[key];
            if (count < 2 || count < SharedHeaderShare * operations || _sharedHeaders.ContainsKey(key.Name))
            {
                continue;
            }

            string pascal = Identifier.ToPascalCase(StripXPrefix(first.Name!), "_", "Header");
            string property = names.IsTaken(pascal) ? names.Allocate(pascal + "Header") : names.Allocate(pascal);
            _sharedHeaders.Add(key.Name, new SharedHeaderSpec(property, first.Name!, key.Schema, first.Description));
        }
    }

    /// <summary>The options property that supplies a header parameter, when the header is shared and has the shared schema.</summary>
    private string? SharedOption(IOpenApiParameter parameter) =>
        parameter.In == OpenApiParameterLocation.Header && parameter.Name is not null
        && _sharedHeaders.TryGetValue(parameter.Name, out SharedHeaderSpec? shared) && SchemaKey(parameter.Schema) == shared.Schema
            ? shared.PropertyName
            : null;

    // Only string headers are shared (the option is a string?); anything else stays per call. A reference that loops
    // throws when read: such a header is not shared (the schema mapper reports the loop).
    private static string? SchemaKey(IOpenApiSchema? schema)
    {
        try
        {
            return StringKey(schema);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? StringKey(IOpenApiSchema? schema) =>
        schema is not null && (schema.Type ?? 0).HasFlag(JsonSchemaType.String) && schema.Format is null && schema.Enum is not { Count: > 0 } ? "string" : null;

    private static string StripXPrefix(string name) =>
        name.StartsWith("x-", StringComparison.OrdinalIgnoreCase) && name.Length > 2 ? name.Substring(2) : name;
}

using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Diagnostics;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Cuts a document down to the operations an <c>&lt;OpenApiClient&gt;</c> item asks for (<c>Operations</c>, <c>Tags</c>,
/// <c>ExcludeTags</c>, <c>ExcludeDeprecated</c>) and the component schemas those operations reach, before anything is
/// mapped: what is cut never becomes a type, a JSON metadata entry or a method. An id or tag the document does not
/// declare is reported (AG0013) with the nearest one it does declare.
/// </summary>
internal static class OperationFilter
{
    /// <summary>Applies <paramref name="filter"/> to <paramref name="document"/> in place; does nothing when it selects everything.</summary>
    public static void Apply(OpenApiDocument document, ClientFilter filter, DiagnosticBag diagnostics)
    {
        if (filter.SelectsEverything)
        {
            return;
        }

        var operations = new List<(string Path, IOpenApiPathItem Item, System.Net.Http.HttpMethod Method, OpenApiOperation Operation)>();
        foreach (KeyValuePair<string, IOpenApiPathItem> path in document.Paths ?? new OpenApiPaths())
        {
            foreach (KeyValuePair<System.Net.Http.HttpMethod, OpenApiOperation> entry in path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                operations.Add((path.Key, path.Value, entry.Key, entry.Value));
            }
        }

        var ids = new HashSet<string>(operations.Select(o => o.Operation.OperationId).Where(id => id is not null).Select(id => id!), StringComparer.Ordinal);
        var tags = new HashSet<string>(operations.SelectMany(o => TagsOf(o.Operation)), StringComparer.Ordinal);
        foreach (OpenApiTag tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is not null)
            {
                tags.Add(tag.Name);
            }
        }

        string tagsPointer = document.Tags is { Count: > 0 } ? "#/tags" : "#/paths";
        Report(diagnostics, "Operations", "operation id", filter.Operations, ids, "#/paths");
        Report(diagnostics, "Tags", "tag", filter.Tags, tags, tagsPointer);
        Report(diagnostics, "ExcludeTags", "tag", filter.ExcludeTags, tags, tagsPointer);

        var named = new HashSet<string>(filter.Operations, StringComparer.Ordinal);
        var wantedTags = new HashSet<string>(filter.Tags, StringComparer.Ordinal);
        var excludedTags = new HashSet<string>(filter.ExcludeTags, StringComparer.Ordinal);
        bool selectAll = named.Count == 0 && wantedTags.Count == 0;
        var kept = new List<OpenApiOperation>();
        foreach ((string path, IOpenApiPathItem item, System.Net.Http.HttpMethod method, OpenApiOperation operation) in operations)
        {
            // A name in Operations always wins; the exclusions narrow what the tags (or "everything") select.
            bool keep = (operation.OperationId is { } id && named.Contains(id))
                || ((selectAll || TagsOf(operation).Any(wantedTags.Contains))
                    && !TagsOf(operation).Any(excludedTags.Contains)
                    && !(filter.ExcludeDeprecated && operation.Deprecated));
            if (keep)
            {
                kept.Add(operation);
            }
            else
            {
                item.Operations!.Remove(method);
            }
        }

        foreach (string path in operations.Select(o => o.Path).Distinct().Where(p => document.Paths![p].Operations is not { Count: > 0 }).ToList())
        {
            document.Paths!.Remove(path);
        }

        RemoveUnreachedSchemas(document, kept, operations);
    }

    private static IEnumerable<string> TagsOf(OpenApiOperation operation) =>
        (operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).Where(n => n is not null).Select(n => n!);

    private static void Report(DiagnosticBag diagnostics, string setting, string what, IEnumerable<string> requested, HashSet<string> known, string pointer)
    {
        foreach (string name in requested.Where(n => !known.Contains(n)))
        {
            string? nearest = known.OrderBy(k => Distance(name, k)).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
            string hint = nearest is not null && Distance(name, nearest) <= Math.Max(2, name.Length / 3)
                ? $"did you mean '{nearest}'?"
                : known.Count == 0 ? $"it declares no {what}s" : $"it declares {known.Count} {what}s, such as '{known.OrderBy(k => k, StringComparer.Ordinal).First()}'";
            diagnostics.AddAtPointer(DiagnosticDescriptors.UnknownFilterName, pointer, setting, name, what, hint);
        }
    }

    // The component schemas the kept operations reach, through every place a schema can refer to another, plus the
    // children of a reached discriminated base (a payload of the base type may be any of them).
    private static void RemoveUnreachedSchemas(OpenApiDocument document, List<OpenApiOperation> kept,
        List<(string Path, IOpenApiPathItem Item, System.Net.Http.HttpMethod Method, OpenApiOperation Operation)> all)
    {
        IDictionary<string, IOpenApiSchema>? components = document.Components?.Schemas;
        if (components is not { Count: > 0 })
        {
            return;
        }

        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, IOpenApiSchema> entry in components)
        {
            foreach (IOpenApiSchema part in entry.Value.AllOf ?? [])
            {
                if (part is OpenApiSchemaReference { Reference.Id: { } baseId })
                {
                    if (!children.TryGetValue(baseId, out List<string>? list))
                    {
                        children[baseId] = list = [];
                    }

                    list.Add(entry.Key);
                }
            }
        }

        var walker = new SchemaWalker(components, children);
        var keptSet = new HashSet<OpenApiOperation>(kept);
        foreach ((string _, IOpenApiPathItem item, System.Net.Http.HttpMethod _, OpenApiOperation operation) in all)
        {
            if (!keptSet.Contains(operation))
            {
                continue;
            }

            foreach (IOpenApiParameter parameter in (item.Parameters ?? []).Concat(operation.Parameters ?? []))
            {
                walker.Walk(parameter.Schema);
                walker.WalkContent(parameter.Content);
            }

            walker.WalkContent(operation.RequestBody?.Content);
            foreach (KeyValuePair<string, IOpenApiResponse> response in operation.Responses ?? new OpenApiResponses())
            {
                walker.WalkContent(response.Value.Content);
                foreach (KeyValuePair<string, IOpenApiHeader> header in response.Value.Headers ?? new Dictionary<string, IOpenApiHeader>())
                {
                    walker.Walk(header.Value.Schema);
                    walker.WalkContent(header.Value.Content);
                }
            }
        }

        foreach (string id in components.Keys.Where(id => !walker.Reached.Contains(id)).ToList())
        {
            components.Remove(id);
        }
    }

    /// <summary>Marks the component schemas reachable from the schemas it walks.</summary>
    private sealed class SchemaWalker(IDictionary<string, IOpenApiSchema> components, Dictionary<string, List<string>> children)
    {
        private readonly HashSet<IOpenApiSchema> _visited = new(SameInstance.Comparer);

        public HashSet<string> Reached { get; } = new(StringComparer.Ordinal);

        public void WalkContent(IDictionary<string, IOpenApiMediaType>? content)
        {
            foreach (KeyValuePair<string, IOpenApiMediaType> media in content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                Walk(media.Value.Schema);
                foreach (KeyValuePair<string, OpenApiEncoding> encoding in media.Value.Encoding ?? new Dictionary<string, OpenApiEncoding>())
                {
                    foreach (KeyValuePair<string, IOpenApiHeader> header in encoding.Value.Headers ?? new Dictionary<string, IOpenApiHeader>())
                    {
                        Walk(header.Value.Schema);
                    }
                }
            }
        }

        public void Walk(IOpenApiSchema? schema)
        {
            // An explicit stack: real documents nest deeply enough to make recursion a risk.
            var pending = new Stack<IOpenApiSchema>();
            if (schema is not null)
            {
                pending.Push(schema);
            }

            while (pending.Count > 0)
            {
                IOpenApiSchema current = pending.Pop();
                if (current is OpenApiSchemaReference reference)
                {
                    string? id = reference.Reference.Id;
                    if (id is null || !Reached.Add(id))
                    {
                        continue;
                    }

                    if (components.TryGetValue(id, out IOpenApiSchema? target))
                    {
                        pending.Push(target);
                    }

                    if (children.TryGetValue(id, out List<string>? derived) && components.TryGetValue(id, out IOpenApiSchema? based) && based.Discriminator is not null)
                    {
                        foreach (string child in derived)
                        {
                            if (components.TryGetValue(child, out IOpenApiSchema? childSchema) && Reached.Add(child))
                            {
                                pending.Push(childSchema);
                            }
                        }
                    }

                    continue;
                }

                if (!_visited.Add(current))
                {
                    continue;
                }

                Push(pending, current.AllOf);
                Push(pending, current.AnyOf);
                Push(pending, current.OneOf);
                Push(pending, current.Properties?.Values);
                Push(pending, current.PatternProperties?.Values);
                Push(pending, current.Definitions?.Values);
                Push(pending, current.Discriminator?.Mapping?.Values);
                Push(pending, [current.Items, current.AdditionalProperties, current.Not]);
            }
        }

        private static void Push(Stack<IOpenApiSchema> pending, IEnumerable<IOpenApiSchema?>? schemas)
        {
            foreach (IOpenApiSchema? schema in schemas ?? [])
            {
                if (schema is not null)
                {
                    pending.Push(schema);
                }
            }
        }
    }

    /// <summary>Schemas by identity: two equal-looking inline schemas are still two places to walk.</summary>
    private sealed class SameInstance : IEqualityComparer<IOpenApiSchema>
    {
        public static readonly SameInstance Comparer = new();

        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    // Levenshtein distance, for "did you mean".
    private static int Distance(string a, string b)
    {
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int[] current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

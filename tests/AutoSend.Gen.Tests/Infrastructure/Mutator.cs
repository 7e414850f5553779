using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SharpYaml.Serialization;

namespace AutoSend.Gen.Tests.Infrastructure;

/// <summary>One mutated document: what it was made from and what was done to it, enough to make it again.</summary>
/// <param name="Seed">The seed that makes this mutant (with the same seed documents).</param>
/// <param name="Source">The seed document it was made from.</param>
/// <param name="Mutations">What was done, one line per mutation, with the JSON pointer it was done at.</param>
/// <param name="Text">The mutated document (JSON, or JSON read as YAML when it starts with a comment).</param>
/// <param name="Path">The path it is handed to the generator under.</param>
public sealed record Mutant(int Seed, string Source, IReadOnlyList<string> Mutations, string Text, string Path);

/// <summary>
/// A seeded mutation fuzzer for OpenAPI documents. Each seed document is read into a JSON tree once; a mutant is the
/// tree with one to three mutations applied: a node deleted, retyped (object to boolean, null, number, string or
/// array), a <c>$ref</c> broken or made to loop, a member renamed to an odd name (a C# keyword, a member of
/// <c>object</c>, unicode, empty, <c>200.0</c>), a number made odd (<c>1e308</c>, <c>-1</c>, <c>0.5</c>), a media type
/// or security scheme made odd, a schema made a boolean schema. The same seed always gives the same mutant.
/// </summary>
public sealed class Mutator
{
    private static readonly string[] s_oddNames =
    [
        "class", "ToString", "Equals", "GetHashCode", "Type", "Value", "_", "", " ", "200.0", "2XX", "default", "1abc", "a b", "@x", "x-y",
        "Ünïcödé", "日本語", "😀", "System", "global", "AutoSend", "Task", "JsonNode", "value", "__", "A", "a", "Item", "Kind", "Is",
    ];

    private static readonly string[] s_oddNumbers = ["1e308", "-1", "0.5", "0", "1e400", "-0", "9223372036854775808", "2147483648", "1E+2", "-1e308", "123456789012345678901234567890"];

    private static readonly string[] s_mediaTypes =
    [
        "application/json", "application/json; charset=utf-8", "*/*", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
        "application/octet-stream", "application/vnd.api+json", "text/event-stream", "application/x-ndjson", "", "foo", "application/*", "image/png",
        "application/xml", "application/problem+json",
    ];

    private static readonly string[] s_schemaKeywords =
    [
        "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minimum", "maximum", "multipleOf",
        "exclusiveMinimum", "exclusiveMaximum", "default", "format", "type", "enum", "const", "nullable", "readOnly", "writeOnly", "deprecated",
    ];

    private readonly IReadOnlyList<(string Name, JsonNode Tree)> _seeds;

    public Mutator(IReadOnlyList<(string Name, JsonNode Tree)> seeds) => _seeds = seeds;

    /// <summary>Reads a YAML or JSON document into a JSON tree, typing YAML scalars the way the OpenAPI reader does.</summary>
    public static JsonNode ReadTree(string text)
    {
        if (text.TrimStart().StartsWith('{'))
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 1000 })!;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return Convert(stream.Documents[0].RootNode)!;
    }

    /// <summary>
    /// A part of the AutoSend spec: a few of its paths and the component schemas they reach, so a mutant compiles fast.
    /// </summary>
    public static JsonNode Cut(JsonNode spec, int seed, int pathCount)
    {
        var random = new Random(seed);
        JsonObject root = spec.DeepClone().AsObject();
        JsonObject paths = root["paths"]!.AsObject();
        List<string> keep = paths.Select(p => p.Key).OrderBy(_ => random.Next()).Take(pathCount).ToList();
        foreach (string key in paths.Select(p => p.Key).Except(keep).ToList())
        {
            paths.Remove(key);
        }

        root.Remove("webhooks");
        if (root["components"]?["schemas"] is JsonObject schemas)
        {
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<JsonNode?>([root["paths"], root["components"]!["responses"], root["components"]!["parameters"], root["components"]!["requestBodies"]]);
            while (pending.Count > 0)
            {
                foreach (string reference in References(pending.Pop()))
                {
                    const string prefix = "#/components/schemas/";
                    if (reference.StartsWith(prefix, StringComparison.Ordinal) && reached.Add(reference.Substring(prefix.Length)))
                    {
                        pending.Push(schemas[reference.Substring(prefix.Length)]);
                    }
                }
            }

            foreach (string name in schemas.Select(s => s.Key).Where(n => !reached.Contains(n)).ToList())
            {
                schemas.Remove(name);
            }
        }

        return root;
    }

    /// <summary>Makes the mutant of one seed number.</summary>
    public Mutant Make(int seed)
    {
        var random = new Random(seed);
        (string name, JsonNode tree) = _seeds[random.Next(_seeds.Count)];
        JsonNode root = tree.DeepClone();
        var mutations = new List<string>();
        int count = random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            if (Mutate(root, random) is { } done)
            {
                mutations.Add(done);
            }
        }

        bool yaml = random.Next(2) == 0;
        string json = root.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });
        string text = yaml ? "# a mutant read as YAML (JSON is YAML's flow style)\n" + json : json;
        return new Mutant(seed, name, mutations, text, "/fuzz/" + Path.GetFileNameWithoutExtension(name) + "-" + seed.ToString(CultureInfo.InvariantCulture) + (yaml ? ".yaml" : ".json"));
    }

    private static string? Mutate(JsonNode root, Random random)
    {
        List<Slot> slots = Slots(root);
        if (slots.Count == 0)
        {
            return null;
        }

        switch (random.Next(11))
        {
            case 0:
            {
                Slot slot = Pick(slots, random);
                slot.Remove();
                return $"delete {slot.Pointer}";
            }

            case 1:
            {
                Slot slot = Pick(slots.Where(s => s.Node is JsonObject or JsonArray).ToList(), random, slots);
                JsonNode? value = random.Next(6) switch
                {
                    0 => JsonValue.Create(true),
                    1 => null,
                    2 => JsonValue.Create(42),
                    3 => JsonValue.Create("text"),
                    4 => new JsonArray(JsonValue.Create(1)),
                    _ => new JsonObject(),
                };
                slot.Set(value);
                return $"retype {slot.Pointer} to {Show(value)}";
            }

            case 2:
            {
                List<Slot> references = slots.Where(s => s.Key == "$ref").ToList();
                Slot slot = Pick(references, random, slots);
                string[] targets = ["", "#", "#/components/schemas/Nowhere", "#/components/schemas/", "#/paths", "other.yaml#/x", "#/components/schemas/a~1b", "%%", "#/components/schemas/" + Pick(ComponentNames(root), random, ["X"])];
                JsonNode? value = random.Next(5) == 0 ? JsonValue.Create(5) : JsonValue.Create(Pick(targets, random));
                slot.Set(value);
                return $"ref {slot.Pointer} to {Show(value)}";
            }

            case 3:
            {
                // A loop: a component schema made to reach itself, through a plain $ref, a repeated allOf, or a property.
                List<string> names = ComponentNames(root);
                if (names.Count == 0 || root["components"]!["schemas"] is not JsonObject schemas)
                {
                    return null;
                }

                string a = Pick(names, random, names), b = Pick(names, random, names);
                string refA = "#/components/schemas/" + a, refB = "#/components/schemas/" + b;
                JsonNode value = random.Next(4) switch
                {
                    0 => new JsonObject { ["$ref"] = refB },
                    1 => new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = refB }, new JsonObject { ["$ref"] = refB }) },
                    2 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["next"] = new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = refB }, new JsonObject { ["$ref"] = refB }) } } },
                    _ => new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = refB }, new JsonObject { ["$ref"] = refA }), ["discriminator"] = new JsonObject { ["propertyName"] = "kind" } },
                };
                if (schemas[b] is JsonObject target && random.Next(2) == 0)
                {
                    target["allOf"] = new JsonArray(new JsonObject { ["$ref"] = refA }, new JsonObject { ["$ref"] = refA });
                }

                schemas[a] = value;
                return $"loop {a} -> {b} as {Show(value)}";
            }

            case 4:
            {
                Slot slot = Pick(slots.Where(s => s.Key is not null).ToList(), random, slots);
                string name = Pick(s_oddNames, random);
                return slot.Rename(name) ? $"rename {slot.Pointer} to '{name}'" : null;
            }

            case 5:
            {
                Slot slot = Pick(slots.Where(s => s.Node is JsonObject o && (o.ContainsKey("type") || o.ContainsKey("properties"))).ToList(), random, slots);
                string number = Pick(s_oddNumbers, random);
                string keyword = Pick(s_schemaKeywords, random);
                if (slot.Node is JsonObject schema)
                {
                    schema[keyword] = JsonNode.Parse(number);
                    return $"number {slot.Pointer}/{keyword} = {number}";
                }

                slot.Set(JsonNode.Parse(number));
                return $"number {slot.Pointer} = {number}";
            }

            case 6:
            {
                Slot slot = Pick(slots.Where(s => s.ParentKey == "content").ToList(), random, slots);
                string media = Pick(s_mediaTypes, random);
                return slot.Rename(media) ? $"media {slot.Pointer} to '{media}'" : null;
            }

            case 7:
            {
                Slot slot = Pick(slots.Where(s => s.ParentKey == "securitySchemes" || s.ParentKey == "securityDefinitions").ToList(), random, slots);
                JsonNode?[] schemes =
                [
                    JsonNode.Parse("""{"type": "oauth2"}"""), JsonNode.Parse("""{"type": "apiKey"}"""), JsonNode.Parse("""{"type": "apiKey", "in": "cookie", "name": ""}"""),
                    JsonNode.Parse("""{"type": "http", "scheme": "digest"}"""), JsonNode.Parse("""{"type": "http"}"""), JsonNode.Parse("""{"type": "openIdConnect"}"""),
                    JsonNode.Parse("""{"type": "mutualTLS"}"""), JsonNode.Parse("""{"type": "nonsense"}"""), JsonValue.Create("value"), null,
                    JsonNode.Parse("""{"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "", "scopes": 5}}}"""),
                ];
                JsonNode? value = Pick(schemes, random)?.DeepClone();
                slot.Set(value);
                return $"scheme {slot.Pointer} to {Show(value)}";
            }

            case 8:
            {
                Slot slot = Pick(slots.Where(s => s.Key == "schema" || s.ParentKey is "properties" or "schemas" or "items" or "allOf" or "oneOf" or "anyOf" or "additionalProperties").ToList(), random, slots);
                JsonNode value = JsonValue.Create(random.Next(2) == 0);
                slot.Set(value);
                return $"boolean schema {slot.Pointer} = {Show(value)}";
            }

            case 9:
            {
                // A subtree copied over another node: shapes meet places they were not written for.
                Slot from = Pick(slots, random), to = Pick(slots, random);
                if (to.Pointer.StartsWith(from.Pointer, StringComparison.Ordinal))
                {
                    return null;
                }

                to.Set(from.Node?.DeepClone());
                return $"copy {from.Pointer} over {to.Pointer}";
            }

            default:
            {
                // A scalar made odd: a string value where a number or boolean belongs, and the reverse.
                Slot slot = Pick(slots.Where(s => s.Node is JsonValue).ToList(), random, slots);
                JsonNode? value = random.Next(5) switch
                {
                    0 => JsonValue.Create(""),
                    1 => JsonValue.Create(Pick(s_oddNames, random)),
                    2 => JsonNode.Parse(Pick(s_oddNumbers, random)),
                    3 => JsonValue.Create(false),
                    _ => JsonValue.Create("{id}/../{id}"),
                };
                slot.Set(value);
                return $"scalar {slot.Pointer} = {Show(value)}";
            }
        }
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static T Pick<T>(IReadOnlyList<T> items, Random random, IReadOnlyList<T> fallback) => items.Count > 0 ? Pick(items, random) : Pick(fallback, random);

    private static string Show(JsonNode? value)
    {
        string text = value?.ToJsonString() ?? "null";
        return text.Length > 120 ? text.Substring(0, 120) + "..." : text;
    }

    private static List<string> ComponentNames(JsonNode root) =>
        (root as JsonObject)?["components"] is JsonObject components && components["schemas"] is JsonObject schemas ? schemas.Select(s => s.Key).ToList() : [];

    private static IEnumerable<string> References(JsonNode? node)
    {
        var stack = new Stack<JsonNode?>([node]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject o:
                    foreach (KeyValuePair<string, JsonNode?> member in o)
                    {
                        if (member.Key == "$ref" && member.Value is JsonValue v && v.TryGetValue(out string? reference))
                        {
                            yield return reference;
                        }
                        else
                        {
                            stack.Push(member.Value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (JsonNode? item in a)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }
    }

    private static List<Slot> Slots(JsonNode root)
    {
        var slots = new List<Slot>();
        var stack = new Stack<(JsonNode Node, string Pointer, string? Key)>([(root, "", null)]);
        while (stack.Count > 0)
        {
            (JsonNode node, string pointer, string? key) = stack.Pop();
            if (node is JsonObject o)
            {
                foreach (KeyValuePair<string, JsonNode?> member in o)
                {
                    string at = pointer + "/" + member.Key.Replace("~", "~0").Replace("/", "~1");
                    slots.Add(new Slot(o, member.Key, -1, at, key));
                    if (member.Value is not null)
                    {
                        stack.Push((member.Value, at, member.Key));
                    }
                }
            }
            else if (node is JsonArray a)
            {
                for (int i = 0; i < a.Count; i++)
                {
                    string at = pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
                    slots.Add(new Slot(a, null, i, at, key));
                    if (a[i] is { } item)
                    {
                        stack.Push((item, at, key));
                    }
                }
            }
        }

        return slots;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children
            .GroupBy(c => ((YamlScalarNode)c.Key).Value ?? string.Empty)
            .Select(g => KeyValuePair.Create(g.Key, Convert(g.Last().Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? string.Empty;
        if (scalar.Style != SharpYaml.ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null")
        {
            return null;
        }

        if (value is "true" or "false")
        {
            return JsonValue.Create(value == "true");
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (char.IsDigit(value[0]) || value[0] == '-') && !value.EndsWith('.'))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
                return JsonValue.Create(value);
            }
        }

        return JsonValue.Create(value);
    }

    /// <summary>A place in the tree: a member of an object or an item of an array.</summary>
    private sealed class Slot(JsonNode container, string? name, int index, string pointer, string? parentKey)
    {
        public string? Key { get; } = name;

        public string Pointer { get; } = pointer;

        /// <summary>The key of the member that holds this node's container (e.g. <c>properties</c>, <c>content</c>).</summary>
        public string? ParentKey { get; } = parentKey;

        private JsonObject? Owner => container as JsonObject;

        private JsonArray? Array => container as JsonArray;

        public JsonNode? Node => Owner is { } owner ? owner[Key!] : Array![index];

        public void Remove()
        {
            if (Owner is { } owner)
            {
                owner.Remove(Key!);
            }
            else if (index < Array!.Count)
            {
                Array.RemoveAt(index);
            }
        }

        public void Set(JsonNode? value)
        {
            if (Owner is { } owner)
            {
                owner[Key!] = value;
            }
            else if (index < Array!.Count)
            {
                Array[index] = value;
            }
        }

        public bool Rename(string newName)
        {
            if (Owner is not { } owner || owner.ContainsKey(newName) || !owner.ContainsKey(Key!))
            {
                return false;
            }

            // Keep the member's place, so the document reads the same apart from the name.
            List<KeyValuePair<string, JsonNode?>> members = owner.ToList();
            owner.Clear();
            foreach (KeyValuePair<string, JsonNode?> member in members)
            {
                owner[member.Key == Key ? newName : member.Key] = member.Value;
            }

            return true;
        }
    }
}

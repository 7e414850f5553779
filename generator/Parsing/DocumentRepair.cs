using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoSend.Gen.Diagnostics;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Finds, in the JSON tree of a document, the nodes Microsoft.OpenApi cannot read (it throws, or hands back null, for
/// them) and repairs the tree so the rest of the document is read: boolean schemas become the schemas they stand for
/// (<c>true</c> is <c>{}</c>, any value; <c>false</c> is reported, AG0031, and typed loosely the same way), and a
/// value of the wrong kind where a schema, a media type, a security scheme or another object belongs, an empty or
/// non-text <c>$ref</c>, and a length or count that is no non-negative integer are left out, each with a located
/// AG0032 that names the construct and what to write instead. The walk knows where OpenAPI puts schemas and objects,
/// never looks inside examples, defaults or extensions, and visits each node once.
/// </summary>
internal static class DocumentRepair
{
    // Schema keywords the reader reads as an Int32.
    private static readonly HashSet<string> s_counts = new(StringComparer.Ordinal)
    {
        "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains",
    };

    // Schema keywords the reader reads as a decimal.
    private static readonly HashSet<string> s_numbers = new(StringComparer.Ordinal)
    {
        "minimum", "maximum", "multipleOf", "exclusiveMinimum", "exclusiveMaximum",
    };

    // Keywords the reader reads as a boolean (bool.Parse), in schemas and in parameters, headers and operations.
    private static readonly HashSet<string> s_booleans = new(StringComparer.Ordinal)
    {
        "readOnly", "writeOnly", "deprecated", "nullable", "uniqueItems", "explode", "allowReserved", "allowEmptyValue",
    };

    // Schema keywords that hold one schema, a map of schemas, or a list of schemas.
    private static readonly HashSet<string> s_subschema = new(StringComparer.Ordinal)
    {
        "items", "not", "contains", "if", "then", "else", "propertyNames", "contentSchema", "additionalItems",
    };

    private static readonly HashSet<string> s_schemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
    };

    private static readonly HashSet<string> s_schemaLists = new(StringComparer.Ordinal) { "allOf", "oneOf", "anyOf", "prefixItems" };

    // Keywords whose value may be a boolean or a schema.
    private static readonly HashSet<string> s_booleanOrSchema = new(StringComparer.Ordinal)
    {
        "additionalProperties", "unevaluatedProperties", "unevaluatedItems",
    };

    // Values that are data, not OpenAPI: never looked into.
    private static readonly HashSet<string> s_data = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const", "x-examples" };

    // Maps whose values must be objects (a media type, a security scheme, a response...).
    private static readonly Dictionary<string, string> s_objectMaps = new(StringComparer.Ordinal)
    {
        ["content"] = "a media type",
        ["securitySchemes"] = "a security scheme",
        ["securityDefinitions"] = "a security scheme",
        ["responses"] = "a response",
        ["headers"] = "a header",
        ["requestBodies"] = "a request body",
        ["pathItems"] = "a path item",
        ["paths"] = "a path item",
        ["webhooks"] = "a path item",
        ["callbacks"] = "a callback",
        ["links"] = "a link",
        ["encoding"] = "an encoding",
        ["mediaTypes"] = "a media type",
    };

    /// <summary>
    /// Whether a <c>$ref</c> can be resolved without the reader throwing: not empty, not ending in '/' (an empty
    /// name), and holding no character a URI cannot hold.
    /// </summary>
    public static bool IsUsableReference(string reference)
    {
        string trimmed = reference.Trim();
        if (trimmed.Length == 0 || trimmed.EndsWith("/", StringComparison.Ordinal) || trimmed.IndexOfAny(s_notInUri) >= 0)
        {
            return false;
        }

        // A '%' starts an escape of two hex digits.
        for (int i = trimmed.IndexOf('%'); i >= 0; i = trimmed.IndexOf('%', i + 1))
        {
            if (i + 2 >= trimmed.Length || !Uri.IsHexDigit(trimmed[i + 1]) || !Uri.IsHexDigit(trimmed[i + 2]))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly char[] s_notInUri = ['{', '}', '<', '>', '"', '\\', '^', '`', '|'];

    /// <summary>Whether the repair pass can read this text (it is then read from the repaired tree).</summary>
    public static JsonNode? Tree(string text, string format)
    {
        try
        {
            if (format == "json")
            {
                return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }

            var stream = new SharpYaml.Serialization.YamlStream();
            stream.Load(new System.IO.StringReader(text));
            return stream.Documents.Count == 0 ? null : Microsoft.OpenApi.YamlReader.YamlConverter.ToJsonNode(stream.Documents[0]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Repairs the tree in place, reporting what it changed; true when anything was changed.</summary>
    public static bool Repair(JsonNode root, DiagnosticBag diagnostics)
    {
        // In 3.1 and later exclusiveMinimum/exclusiveMaximum are numbers; before, booleans.
        bool numericExclusive = root is JsonObject o && o["openapi"] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && (v.GetValue<string>().StartsWith("3.1", StringComparison.Ordinal) || v.GetValue<string>().StartsWith("3.2", StringComparison.Ordinal));
        bool swagger2 = root is JsonObject r && r.ContainsKey("swagger");
        var walk = new Walk(diagnostics, numericExclusive, swagger2);
        walk.Generic(root, "#", depth: 0);
        return walk.Changed;
    }

    private sealed class Walk(DiagnosticBag diagnostics, bool numericExclusive, bool swagger2)
    {
        // Deeper than the reader reads: such a document fails on depth, with its own located error.
        private const int MaxDepth = 200;

        public bool Changed { get; private set; }

        public void Generic(JsonNode? node, string pointer, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    Generic(array[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), depth + 1);
                }

                return;
            }

            if (node is not JsonObject o)
            {
                return;
            }

            foreach (KeyValuePair<string, JsonNode?> member in o.ToList())
            {
                string key = member.Key;
                string at = pointer + "/" + SourceLocator.Escape(key);
                if (key.StartsWith("x-", StringComparison.Ordinal) || s_data.Contains(key))
                {
                    continue;
                }

                if (key == "$ref")
                {
                    CheckReference(o, member.Value, at);
                }
                else if (s_booleans.Contains(key) || key == "required")
                {
                    CheckBoolean(o, key, member.Value, at);
                }
                else if (s_counts.Contains(key) || s_numbers.Contains(key))
                {
                    CheckNumber(o, key, member.Value, at);
                }
                else if (key == "schema")
                {
                    Schema(o, key, member.Value, at, depth + 1);
                }
                else if (key == "parent" && member.Value is JsonValue parent && parent.GetValueKind() == JsonValueKind.String && parent.GetValue<string>().Trim().Length == 0)
                {
                    // An OpenAPI 3.2 tag's parent names another tag; the reader throws on an empty one.
                    LeaveOut(o, key, at, "'parent'", "is empty: name the parent tag");
                }
                else if (key == "schemes" && depth == 0 && member.Value is JsonArray schemes)
                {
                    for (int i = schemes.Count - 1; i >= 0; i--)
                    {
                        if (!(schemes[i] is JsonValue scheme && scheme.GetValueKind() == JsonValueKind.String && IsUriScheme(scheme.GetValue<string>())))
                        {
                            Report(at + "/" + i.ToString(CultureInfo.InvariantCulture), "A scheme", $"must be a URI scheme such as https, not {Kind(schemes[i])}");
                            schemes.RemoveAt(i);
                        }
                    }
                }
                else if (key == "security" && member.Value is JsonArray requirements)
                {
                    for (int i = requirements.Count - 1; i >= 0; i--)
                    {
                        string itemAt = at + "/" + i.ToString(CultureInfo.InvariantCulture);
                        if (requirements[i] is not JsonObject requirement)
                        {
                            Report(itemAt, "A security requirement", $"must be an object naming schemes, not {Kind(requirements[i])}");
                            requirements.RemoveAt(i);
                        }
                        else if (requirement.ContainsKey(string.Empty) || requirement.ContainsKey(" "))
                        {
                            Report(itemAt, "A security requirement", "names a scheme with an empty name");
                            requirement.Remove(string.Empty);
                            requirement.Remove(" ");
                        }
                    }
                }
                else if (key is "schemas" or "definitions")
                {
                    SchemaMap(o, key, member.Value, at, depth + 1);
                }
                else if (s_objectMaps.TryGetValue(key, out string? what) && member.Value is JsonObject map)
                {
                    foreach (KeyValuePair<string, JsonNode?> entry in map.ToList())
                    {
                        string entryAt = at + "/" + SourceLocator.Escape(entry.Key);
                        if (entry.Key.StartsWith("x-", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        if (entry.Value is JsonObject)
                        {
                            Generic(entry.Value, entryAt, depth + 2);
                        }
                        else
                        {
                            LeaveOut(map, entry.Key, entryAt, $"'{entry.Key}'", $"must be {what} (an object), not {Kind(entry.Value)}");
                        }
                    }
                }
                else if (key == "parameters" && member.Value is JsonArray parameters)
                {
                    for (int i = parameters.Count - 1; i >= 0; i--)
                    {
                        string itemAt = at + "/" + i.ToString(CultureInfo.InvariantCulture);
                        if (swagger2 && parameters[i] is JsonObject p && !p.ContainsKey("$ref") && !IsSwagger2Typed(p))
                        {
                            // Swagger 2.0's reader fails on a non-body parameter without a type.
                            Report(itemAt, "A parameter", "that is not 'in: body' must have a 'type' (string, number, integer, boolean, array or file)");
                            parameters.RemoveAt(i);
                        }
                        else if (parameters[i] is JsonObject)
                        {
                            Generic(parameters[i], itemAt, depth + 2);
                        }
                        else
                        {
                            Report(itemAt, "A parameter", $"must be an object, not {Kind(parameters[i])}");
                            parameters.RemoveAt(i);
                        }
                    }
                }
                else
                {
                    Generic(member.Value, at, depth + 1);
                }
            }
        }

        private void Schema(JsonObject owner, string key, JsonNode? value, string pointer, int depth)
        {
            switch (value)
            {
                case JsonObject schema:
                    SchemaObject(schema, pointer, depth);
                    break;
                case JsonValue boolean when boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    bool allows = boolean.GetValueKind() == JsonValueKind.True;
                    if (!allows)
                    {
                        diagnostics.AddAtPointer(DiagnosticDescriptors.FalseSchema, pointer);
                    }

                    owner[key] = new JsonObject();
                    Changed = true;
                    break;
                default:
                    LeaveOut(owner, key, pointer, "This schema", $"must be an object or a boolean, not {Kind(value)}");
                    break;
            }
        }

        private void SchemaInList(JsonArray list, int index, string pointer, int depth)
        {
            JsonNode? value = list[index];
            if (value is JsonObject schema)
            {
                SchemaObject(schema, pointer, depth);
            }
            else if (value is JsonValue boolean && boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                if (boolean.GetValueKind() == JsonValueKind.False)
                {
                    diagnostics.AddAtPointer(DiagnosticDescriptors.FalseSchema, pointer);
                }

                list[index] = new JsonObject();
                Changed = true;
            }
            else
            {
                Report(pointer, "This schema", $"must be an object or a boolean, not {Kind(value)}");
                list.RemoveAt(index);
            }
        }

        private void SchemaMap(JsonObject owner, string key, JsonNode? value, string pointer, int depth)
        {
            if (value is not JsonObject map)
            {
                if (value is not null)
                {
                    LeaveOut(owner, key, pointer, $"'{key}'", $"must be a map of schemas, not {Kind(value)}");
                }

                return;
            }

            foreach (KeyValuePair<string, JsonNode?> entry in map.ToList())
            {
                Schema(map, entry.Key, entry.Value, pointer + "/" + SourceLocator.Escape(entry.Key), depth + 1);
            }
        }

        private void SchemaObject(JsonObject schema, string pointer, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            foreach (KeyValuePair<string, JsonNode?> member in schema.ToList())
            {
                string key = member.Key;
                string at = pointer + "/" + SourceLocator.Escape(key);
                JsonNode? value = member.Value;
                if (key.StartsWith("x-", StringComparison.Ordinal) || s_data.Contains(key))
                {
                    continue;
                }

                if (key == "$ref")
                {
                    CheckReference(schema, value, at);
                }
                else if (key is "$dynamicRef" or "$recursiveRef" && !(value is JsonValue d && d.GetValueKind() == JsonValueKind.String && IsUsableReference(d.GetValue<string>())))
                {
                    LeaveOut(schema, key, at, $"'{key}'", $"must name an anchor, e.g. '#node', not {Shown(value)}");
                }
                else if (s_booleans.Contains(key))
                {
                    CheckBoolean(schema, key, value, at);
                }
                else if (s_counts.Contains(key) || s_numbers.Contains(key))
                {
                    CheckNumber(schema, key, value, at);
                }
                else if (key == "discriminator" && value is JsonObject { } discriminator && discriminator["mapping"] is JsonObject mapping)
                {
                    foreach (KeyValuePair<string, JsonNode?> entry in mapping.ToList())
                    {
                        if (!(entry.Value is JsonValue target && target.GetValueKind() == JsonValueKind.String && IsUsableReference(target.GetValue<string>())))
                        {
                            LeaveOut(mapping, entry.Key, at + "/mapping/" + SourceLocator.Escape(entry.Key), $"The mapping of '{entry.Key}'",
                                $"must name a schema, e.g. '#/components/schemas/Name', not {Kind(entry.Value)}");
                        }
                    }
                }
                else if (s_subschema.Contains(key))
                {
                    Schema(schema, key, value, at, depth + 1);
                }
                else if (s_booleanOrSchema.Contains(key))
                {
                    if (value is JsonObject inner)
                    {
                        SchemaObject(inner, at, depth + 1);
                    }
                    else if (!(value is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False))
                    {
                        LeaveOut(schema, key, at, $"'{key}'", $"must be a boolean or a schema, not {Kind(value)}");
                    }
                }
                else if (s_schemaMaps.Contains(key))
                {
                    SchemaMap(schema, key, value, at, depth + 1);
                }
                else if (s_schemaLists.Contains(key))
                {
                    if (value is JsonArray list)
                    {
                        for (int i = list.Count - 1; i >= 0; i--)
                        {
                            SchemaInList(list, i, at + "/" + i.ToString(CultureInfo.InvariantCulture), depth + 1);
                        }
                    }
                    else
                    {
                        LeaveOut(schema, key, at, $"'{key}'", $"must be a list of schemas, not {Kind(value)}");
                    }
                }
                else if (key == "required" && value is not JsonArray && value is not null && !(value is JsonValue r && r.GetValueKind() is JsonValueKind.True or JsonValueKind.False))
                {
                    LeaveOut(schema, key, at, "'required'", $"must be a list of property names, not {Kind(value)}");
                }
                else if (key == "discriminator" && value is not JsonObject)
                {
                    LeaveOut(schema, key, at, "'discriminator'", $"must be an object with a 'propertyName', not {Kind(value)}");
                }
            }
        }

        private void CheckReference(JsonObject owner, JsonNode? value, string pointer)
        {
            // Swagger 2.0's reader takes a bare word for a definition's name and fails on it: it needs '#/definitions/...'.
            if (swagger2 && value is JsonValue word && word.GetValueKind() == JsonValueKind.String && word.GetValue<string>().IndexOfAny(['#', '/', '.']) < 0)
            {
                LeaveOut(owner, "$ref", pointer, "'$ref'", $"is no reference the reader can follow ({Shown(value)}): write e.g. '#/definitions/Name'");
                return;
            }

            if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String)
            {
                string reference = text.GetValue<string>();
                if (reference.Trim().Length == 0)
                {
                    LeaveOut(owner, "$ref", pointer, "'$ref'", "is empty: write the reference to a component, e.g. '#/components/schemas/Name'");
                }
                else if (!IsUsableReference(reference))
                {
                    LeaveOut(owner, "$ref", pointer, "'$ref'", $"is no reference the reader can follow ({Shown(value)}): write e.g. '#/components/schemas/Name'");
                }

                return;
            }

            LeaveOut(owner, "$ref", pointer, "'$ref'", $"must be text naming a component, e.g. '#/components/schemas/Name', not {Kind(value)}");
        }

        private void CheckNumber(JsonObject owner, string key, JsonNode? value, string pointer)
        {
            if (s_counts.Contains(key))
            {
                if (!IsCount(value))
                {
                    LeaveOut(owner, key, pointer, $"'{key}'", $"must be a non-negative integer, not {Shown(value)}");
                }

                return;
            }

            bool flag = value is JsonValue b && (b.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                || (b.GetValueKind() == JsonValueKind.String && bool.TryParse(b.GetValue<string>(), out _)));
            if (key.StartsWith("exclusive", StringComparison.Ordinal) && !numericExclusive)
            {
                if (!flag)
                {
                    LeaveOut(owner, key, pointer, $"'{key}'", $"must be true or false before OpenAPI 3.1, not {Shown(value)}");
                }
            }
            else if (!(value is JsonValue v && IsDecimal(v)) && !(flag && key.StartsWith("exclusive", StringComparison.Ordinal)))
            {
                LeaveOut(owner, key, pointer, $"'{key}'", $"must be a number within ±7.9e28, not {Shown(value)}");
            }
        }

        private void CheckBoolean(JsonObject owner, string key, JsonNode? value, string pointer)
        {
            bool readable = value is JsonValue v && (v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                || (v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out _)));
            if (!readable && Kind(value) != "null")
            {
                LeaveOut(owner, key, pointer, $"'{key}'", $"must be true or false, not {Kind(value)}");
            }
        }

        private void LeaveOut(JsonObject owner, string key, string pointer, string construct, string problem)
        {
            Report(pointer, construct, problem);
            owner.Remove(key);
        }

        private void Report(string pointer, string construct, string problem)
        {
            diagnostics.AddAtPointer(DiagnosticDescriptors.UnreadableValue, pointer, construct, problem);
            Changed = true;
        }
    }

    // The YAML reader hands a number it cannot hold as a decimal over as text: both are read with int/decimal.Parse.
    private static string? Scalar(JsonNode? value) => value is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        }
        : null;

    private static bool IsSwagger2Typed(JsonObject parameter) =>
        (parameter["in"] is JsonValue location && location.GetValueKind() == JsonValueKind.String && location.GetValue<string>() == "body")
        || (parameter["type"] is JsonValue type && type.GetValueKind() == JsonValueKind.String
            && type.GetValue<string>() is "string" or "number" or "integer" or "boolean" or "array" or "file");

    private static bool IsUriScheme(string scheme) =>
        scheme.Length > 0 && char.IsLetter(scheme[0]) && scheme.All(c => c < 128 && (char.IsLetterOrDigit(c) || c is '+' or '-' or '.'));

    private static bool IsCount(JsonNode? value) =>
        Scalar(value) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsDecimal(JsonValue value) =>
        Scalar(value) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // How the YAML reader writes a null in its tree.
    private const string NullSentinel = "openapi-json-null-sentinel-value";

    private static string Kind(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().StartsWith(NullSentinel, StringComparison.Ordinal) => "null",
        JsonArray => "a list",
        JsonObject => "an object",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "text " + Shown(v),
            JsonValueKind.Number => "the number " + Shown(v),
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
        _ => "a value",
    };

    private static string Shown(JsonNode? value)
    {
        if (value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().StartsWith(NullSentinel, StringComparison.Ordinal)))
        {
            return "null";
        }

        string text = value?.ToJsonString() ?? "null";
        return text.Length > 40 ? text.Substring(0, 40) + "…" : text;
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>String and integer enums, generated as open enums; names from the values or <c>x-enum-varnames</c>.</summary>
internal sealed partial class SchemaMapper
{
    private static EnumSpec BuildEnum(string name, IOpenApiSchema schema)
    {
        bool integer = !SchemaShapes.IsStringEnum(schema);
        var members = new NameScope([name, .. ReservedNames.EnumMembers]);
        List<string> customNames = VendorExtensions.GetStrings(schema.Extensions, VendorExtensions.EnumVarNames).ToList();
        var values = new List<EnumMemberSpec>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        int index = 0;
        foreach (JsonNode? node in schema.Enum ?? [])
        {
            if (node is not JsonValue value)
            {
                continue;
            }

            string? wire = integer
                ? SchemaShapes.IntegerValue(value)?.ToString(CultureInfo.InvariantCulture)
                : value.TryGetValue(out string? text) ? text : null;
            string? custom = index < customNames.Count && Identifier.IsValid(customNames[index]) ? customNames[index] : null;
            index++;
            if (wire is null || !seen.Add(wire))
            {
                continue;
            }

            string preferred = custom ?? (integer
                ? "Value" + (wire.StartsWith("-", System.StringComparison.Ordinal) ? "Minus" + wire.Substring(1) : wire)
                : Identifier.ToPascalCase(wire, "Value", "Empty"));
            values.Add(new EnumMemberSpec(members.Allocate(preferred), wire));
        }

        return new EnumSpec(name, schema.Description ?? schema.Title, schema.Deprecated, values.ToEquatableArray(), integer);
    }
}

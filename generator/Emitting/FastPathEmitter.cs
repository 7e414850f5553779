using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes the fast-path serializers of the JSON context: one static method per generated class that writes the object
/// straight to a <c>Utf8JsonWriter</c>, set as <c>JsonObjectInfoValues&lt;T&gt;.SerializeHandler</c>. System.Text.Json
/// (9 and later) calls it instead of walking the property metadata when the type's whole metadata graph is compatible:
/// either the options are compatible with the context's <c>GeneratedSerializerOptions</c> (no converters, no encoder,
/// no special number or reference handling, same ignore and naming settings, no dictionary key policy, and a resolver
/// made of such contexts), or the metadata was not customized by a modifier and the context that made it accepts the
/// options by the same test. Otherwise it falls back to the metadata, so the output must be byte-identical to what the
/// metadata writes: same order, names, null handling, formats and escaping.
/// </summary>
/// <remarks>
/// Strings, booleans, numbers, <c>DateTimeOffset</c>, <c>Guid</c> and open enums are written inline, with the same
/// <c>Utf8JsonWriter</c> calls as their converters; classes that have a fast path are written by calling it, and lists
/// of any of these by a loop. Every other type (unions, maps, JSON nodes, dates, durations, bytes, polymorphic bases,
/// lists of those) is handed to its own metadata. Classes with extension data and polymorphic bases get no fast path.
/// </remarks>
internal static class FastPathEmitter
{
    // The inline primitives and the Utf8JsonWriter method their converter uses.
    private static readonly Dictionary<TypeKind, string> s_inline = new()
    {
        [TypeKind.String] = "WriteString",
        [TypeKind.Boolean] = "WriteBoolean",
        [TypeKind.Int32] = "WriteNumber",
        [TypeKind.Int64] = "WriteNumber",
        [TypeKind.Single] = "WriteNumber",
        [TypeKind.Double] = "WriteNumber",
        [TypeKind.Decimal] = "WriteNumber",
        [TypeKind.DateTimeOffset] = "WriteString",
        [TypeKind.Guid] = "WriteString",
    };

    /// <summary>
    /// Whether a class gets a fast path: a request can carry it (responses are only read, and the fast path only
    /// writes), it keeps no unknown properties and it chooses no derived class.
    /// </summary>
    public static bool Applies(EmitContext context, ObjectSpec model) =>
        model.Polymorphism is not { DerivedTypes.IsEmpty: false } && context.ExtensionDataName(model) is null && context.IsSent(model.Name);

    /// <summary>Writes the helper that hands a value to its own metadata, once per context.</summary>
    public static void WriteHelper(SourceWriter writer, EmitContext context)
    {
        // An unconstrained T? needs C# 9; with C# 8, T itself (inferred as a nullable type where the argument is one).
        DocComment.Summary(writer, null, "Writes a value through its metadata in <paramref name=\"options\"/>; the fast paths use it for types they do not write inline.");
        writer.Lines($$"""
            private static void WriteValue<T>({{Json.Utf8JsonWriter}} writer, {{(context.Features.CSharp9 ? "T?" : "T")}} value, {{Json.JsonSerializerOptions}} options) =>
                {{Json.JsonSerializer}}.Serialize(writer, value!, ({{Json.JsonTypeInfo}}<T>)options.GetTypeInfo(typeof(T)));
            """);
    }

    /// <summary>Writes the pre-encoded property names and the fast-path method of <paramref name="model"/>.</summary>
    public static void WriteMethod(SourceWriter writer, EmitContext context, ObjectSpec model, string infoName)
    {
        // A read-only property is never written (the metadata's ShouldSerialize is always false).
        List<PropertySpec> written = context.AllProperties(model).Where(p => !p.ReadOnly).ToList();
        foreach (PropertySpec property in written)
        {
            writer.Line("private static readonly " + Json.JsonEncodedText + " " + NameField(infoName, property) + " = " + Json.JsonEncodedText + ".Encode("
                + Literal.String(property.JsonName) + ");");
        }

        if (written.Count > 0)
        {
            writer.Line();
        }

        string modelType = context.TypeName(model.Name);
        DocComment.Summary(writer, null, "Writes one <see cref=\"" + modelType + "\"/> directly, exactly as its metadata would.");
        using (writer.Open("private static void Write_" + infoName + "(" + Json.Utf8JsonWriter + " writer, " + modelType + "? value, " + Json.JsonSerializerOptions + " options)"))
        {
            using (writer.Open("if (value is null)"))
            {
                writer.Line("writer.WriteNullValue();");
                writer.Line("return;");
            }

            writer.Line();
            writer.Line("writer.WriteStartObject();");
            bool afterBlock = false;
            foreach (PropertySpec property in written)
            {
                if (afterBlock)
                {
                    writer.Line();
                }

                afterBlock = WriteProperty(writer, context, infoName, property);
            }

            if (afterBlock)
            {
                writer.Line();
            }

            writer.Line("writer.WriteEndObject();");
        }
    }

    // Writes one property; returns whether it ended with a block (a blank line then follows).
    private static bool WriteProperty(SourceWriter writer, EmitContext context, string infoName, PropertySpec property)
    {
        string name = NameField(infoName, property);
        string value = "value." + property.Name;
        bool nullableValue = property.IsNullable && property.Type.IsValueType;

        // Required properties are always written, null as null. Optional ones (always nullable) are left out when null
        // (JsonIgnoreCondition.WhenWritingNull), except those that track assignment: written when assigned, null as null.
        string? guard = property.Assignment is { } assignment ? "value." + assignment.FlagName : null;
        bool writesNull = property.IsRequired || property.Assignment is not null;
        if (Scalar(context, property.Type) is { } scalar)
        {
            string call = "writer." + scalar.Method + "(" + name + ", ";
            if (!nullableValue)
            {
                // A null string is written as a JSON null by WriteString itself.
                return WriteGuarded(writer, writesNull ? guard : value + " is not null", call + value + scalar.Member + ");");
            }

            string present = call + value + ".GetValueOrDefault()" + scalar.Member + ");";
            if (!writesNull)
            {
                return WriteGuarded(writer, value + ".HasValue", present);
            }

            WriteGuarded(writer, guard, "if (" + value + ".HasValue)", "{", "    " + present, "}", "else", "{", "    writer.WriteNull(" + name + ");", "}");
            return true;
        }

        var statements = new List<string> { "writer.WritePropertyName(" + name + ");" };
        if (Composite(context, property.Type, value) is { } composite)
        {
            // A list that is written when null (required, or assigned null) is written as null, as its metadata would.
            statements.AddRange(property.Type.Kind == TypeKind.List && writesNull
                ? ["if (" + value + " is null)", "{", "    writer.WriteNullValue();", "}", "else", "{", .. composite.Select(c => c.Length == 0 ? c : "    " + c), "}"]
                : composite);
        }
        else
        {
            statements.Add("WriteValue<" + context.TypeName(property.Type, nullableValue) + ">(writer, " + value + ", options);");
        }

        return WriteGuarded(writer, writesNull ? guard : value + " is not null", statements.ToArray()) || statements.Count > 2;
    }

    // A value written with one Utf8JsonWriter call: the method (with a property name) and the member to pass.
    private static (string Method, string Member)? Scalar(EmitContext context, TypeRef type) => type.Kind switch
    {
        TypeKind.Enum => (context.IsIntegerEnum(type) ? "WriteNumber" : "WriteString", ".Value"),
        _ when s_inline.TryGetValue(type.Kind, out string? method) => (method, string.Empty),
        _ => null,
    };

    // The statements that write a non-null class or list value without metadata, or null when only metadata can.
    private static List<string>? Composite(EmitContext context, TypeRef type, string value)
    {
        if (type.Kind == TypeKind.Model)
        {
            return Applies(context, context.Object(type.Name!)) ? ["Write_" + type.InfoName + "(writer, " + value + ", options);"] : null;
        }

        if (type.Kind != TypeKind.List || type.Element is not { } element)
        {
            return null;
        }

        // Items are written as the list's metadata writes them: in enumeration order, null items as null.
        List<string> item;
        if (Scalar(context, element) is { } scalar)
        {
            string call = "writer." + scalar.Method + "Value(item";
            item = element.IsValueType && type.ElementIsNullable
                ? ["if (item.HasValue)", "{", "    " + call + ".GetValueOrDefault()" + scalar.Member + ");", "}", "else", "{", "    writer.WriteNullValue();", "}"]
                : [call + scalar.Member + ");"];
        }
        else if (element.Kind == TypeKind.Model && Composite(context, element, "item") is { } nested
            && !nested.Any(line => line.Contains("foreach (var item ")))
        {
            // (An item that holds a list of its own would declare a second 'item' (CS0136): its metadata writes it.)
            item = nested;
        }
        else
        {
            return null;
        }

        return ["writer.WriteStartArray();", "foreach (var item in " + value + ")", "{", .. item.Select(i => "    " + i), "}", "", "writer.WriteEndArray();"];
    }

    // Writes the statements, inside an if block when there is a condition; returns whether a block was written.
    private static bool WriteGuarded(SourceWriter writer, string? condition, params string[] statements)
    {
        if (condition is null)
        {
            foreach (string statement in statements)
            {
                writer.Line(statement);
            }

            return false;
        }

        using (writer.Open("if (" + condition + ")"))
        {
            foreach (string statement in statements)
            {
                writer.Line(statement);
            }
        }

        return true;
    }

    private static string NameField(string infoName, PropertySpec property) => "s_" + infoName + "_" + property.Name;
}

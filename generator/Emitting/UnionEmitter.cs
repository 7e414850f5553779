using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes a union (<c>oneOf</c>/<c>anyOf</c>): a class holding exactly one variant, with <c>Is…</c>/<c>As…</c>
/// members per variant. The converter picks the variant from the first JSON token, never by trial and error.
/// </summary>
internal static class UnionEmitter
{
    public static string Emit(EmitContext context, UnionSpec model)
    {
        string name = model.Name;
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, model.Description, "One of several shapes.");
            writer.Line("/// <remarks>");
            writer.Line("/// Holds exactly one of: " + string.Join(", ", model.Variants.Select(v => "<c>" + DocComment.Inline(v.Name) + "</c>")) + ".");
            writer.Line("/// </remarks>");
            Attributes.Obsolete(writer, model.Deprecated, "This schema is deprecated.");
            writer.Line(context.GeneratedCodeAttribute);
            writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + name + ".Converter))]");
            using (writer.Open("public sealed partial class " + name))
            {
                writer.Line("private readonly object _value;");
                foreach (UnionVariantSpec variant in model.Variants)
                {
                    writer.Line();
                    DocComment.Summary(writer, variant.Description, "Holds a <c>" + DocComment.Inline(variant.Name) + "</c>.");
                    DocComment.Param(writer, "value", null, "The value.");
                    using (writer.Open("public " + name + "(" + variant.Type.Name + " value)"))
                    {
                        if (!variant.Type.IsValueType)
                        {
                            writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
                        }

                        writer.Line("_value = value;");
                    }
                }

                writer.Line();
                DocComment.Summary(writer, null, "The value, whichever variant it is.");
                writer.Line("public object Value => _value;");
                foreach (UnionVariantSpec variant in model.Variants)
                {
                    writer.Line();
                    DocComment.Summary(writer, null, "Whether the value is a <c>" + DocComment.Inline(variant.Name) + "</c>.");
                    writer.Line("public bool Is" + variant.Name + " => _value is " + variant.Type.Name + ";");
                    writer.Line();
                    DocComment.Summary(writer, null, "The value as a <c>" + DocComment.Inline(variant.Name) + "</c>, or null when it is another variant.");
                    writer.Line("public " + variant.Type.NullableName + " As" + variant.Name + " => _value is " + variant.Type.Name + " value ? value : null;");
                }

                foreach (UnionVariantSpec variant in model.Variants)
                {
                    // C# has no user-defined conversions from interfaces (IReadOnlyList<T>); those use the constructor.
                    if (variant.Type.Kind is TypeKind.List or TypeKind.Map)
                    {
                        continue;
                    }

                    writer.Line();
                    DocComment.Summary(writer, null, "Wraps a <c>" + DocComment.Inline(variant.Name) + "</c>.");
                    writer.Line("public static implicit operator " + name + "(" + variant.Type.Name + " value) => new(value);");
                }

                writer.Line();
                DocComment.Summary(writer, null, "The value's own text.");
                writer.Line("public override string ToString() => _value.ToString() ?? string.Empty;");
                writer.Line();
                WriteConverter(writer, model);
            }
        }

        return writer.ToString();
    }

    private static void WriteConverter(SourceWriter writer, UnionSpec model)
    {
        string name = model.Name;
        DocComment.Summary(writer, null, "Reads the variant the first JSON token announces and writes whichever variant is held.");
        using (writer.Open("internal sealed class Converter : global::System.Text.Json.Serialization.JsonConverter<" + name + ">"))
        {
            writer.Line("/// <inheritdoc/>");
            List<UnionVariantSpec> objects = model.Variants.Where(v => v.Shape == JsonShape.Object).ToList();
            using (writer.Open("public override " + name + "? Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)"))
            {
                using (writer.Open("switch (reader.TokenType)"))
                {
                    foreach (UnionVariantSpec variant in model.Variants)
                    {
                        if (variant.Shape == JsonShape.Object && objects.Count > 1)
                        {
                            if (variant != objects[0])
                            {
                                continue;
                            }

                            writer.Line("case global::System.Text.Json.JsonTokenType.StartObject:");
                            writer.Indent();
                            writer.Line("return ReadObject(ref reader, options);");
                            writer.Unindent();
                            continue;
                        }

                        foreach (string token in Tokens(variant.Shape))
                        {
                            writer.Line("case global::System.Text.Json.JsonTokenType." + token + ":");
                        }

                        writer.Indent();
                        writer.Line("return new " + name + "(global::System.Text.Json.JsonSerializer.Deserialize(ref reader, " + TypeInfo(variant.Type) + ")!);");
                        writer.Unindent();
                    }

                    writer.Line("default:");
                    writer.Indent();
                    writer.Line("throw new global::System.Text.Json.JsonException(" + Literal.String("No variant of " + name + " starts with ") + " + reader.TokenType + \".\");");
                    writer.Unindent();
                }
            }

            if (objects.Count > 1)
            {
                writer.Line();
                WriteReadObject(writer, model, objects);
            }

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            using (writer.Open("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options)"))
            {
                using (writer.Open("switch (value._value)"))
                {
                    foreach (UnionVariantSpec variant in model.Variants)
                    {
                        writer.Line("case " + variant.Type.Name + " " + "variant" + ":");
                        writer.Indent();
                        writer.Line("global::System.Text.Json.JsonSerializer.Serialize(writer, variant, " + TypeInfo(variant.Type) + ");");
                        writer.Line("break;");
                        writer.Unindent();
                    }
                }
            }
        }
    }

    // Object variants: by discriminator value when the union has one, else by the properties each variant requires.
    private static void WriteReadObject(SourceWriter writer, UnionSpec model, List<UnionVariantSpec> objects)
    {
        writer.Line("private static readonly string[][] s_required =");
        writer.Line("[");
        foreach (UnionVariantSpec variant in objects)
        {
            writer.Line("    [" + string.Join(", ", variant.RequiredJsonNames.Select(Literal.String)) + "],");
        }

        writer.Line("];");
        writer.Line();
        writer.Line("private static readonly string[][] s_known =");
        writer.Line("[");
        foreach (UnionVariantSpec variant in objects)
        {
            writer.Line("    [" + string.Join(", ", variant.KnownJsonNames.Select(Literal.String)) + "],");
        }

        writer.Line("];");
        writer.Line();
        using (writer.Open("private static " + model.Name + " ReadObject(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonSerializerOptions options)"))
        {
            string pick = "global::AutoSend.Runtime.Primitives.ApiJsonUnion.PickByProperties(reader, s_required, s_known)";
            if (model.DiscriminatorJsonName is { } discriminator)
            {
                writer.Line("int variant = global::AutoSend.Runtime.Primitives.ApiJsonUnion.FindDiscriminator(reader, " + Literal.String(discriminator) + "u8) switch");
                writer.Line("{");
                writer.Indent();
                var used = new HashSet<string>(System.StringComparer.Ordinal);
                for (int i = 0; i < objects.Count; i++)
                {
                    List<string> values = objects[i].DiscriminatorValues.Where(used.Add).ToList();
                    if (values.Count > 0)
                    {
                        writer.Line(string.Join(" or ", values.Select(Literal.String)) + " => " + i + ",");
                    }
                }

                writer.Line("_ => " + pick + ",");
                writer.Unindent();
                writer.Line("};");
            }
            else
            {
                writer.Line("int variant = " + pick + ";");
            }

            writer.Line("return variant switch");
            writer.Line("{");
            writer.Indent();
            for (int i = 0; i < objects.Count; i++)
            {
                writer.Line((i == objects.Count - 1 ? "_" : i.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " => new " + model.Name
                    + "(global::System.Text.Json.JsonSerializer.Deserialize(ref reader, " + TypeInfo(objects[i].Type) + ")!),");
            }

            writer.Unindent();
            writer.Line("};");
        }
    }

    // Resolved through the options in use, so a caller who combines resolvers gets theirs; no reflection involved.
    private static string TypeInfo(TypeRef type) =>
        "(global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<" + type.Name + ">)options.GetTypeInfo(typeof(" + type.Name + "))";

    private static string[] Tokens(JsonShape shape) => shape switch
    {
        JsonShape.String => ["String"],
        JsonShape.Number => ["Number"],
        JsonShape.Boolean => ["True", "False"],
        JsonShape.Object => ["StartObject"],
        _ => ["StartArray"],
    };
}

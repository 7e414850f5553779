using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

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
        string type = context.TypeName(name);
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, model.Description, "One of several shapes.");
            writer.Line("/// <remarks>");
            writer.Line("/// Holds exactly one of: " + string.Join(", ", model.Variants.Select(v => "<c>" + DocComment.Inline(v.Name) + "</c>")) + ".");
            writer.Line("/// </remarks>");
            Attributes.Obsolete(writer, model.Deprecated, "This schema is deprecated.");
            writer.Line(context.GeneratedCodeAttribute);
            writer.Line("[" + Json.JsonConverter + "(typeof(" + type + ".Converter))]");
            using (writer.Open("public sealed partial class " + name))
            {
                writer.Line("private readonly object _value;");
                foreach (UnionVariantSpec variant in model.Variants)
                {
                    writer.Line();
                    DocComment.Summary(writer, variant.Description, "Holds a <c>" + DocComment.Inline(variant.Name) + "</c>.");
                    DocComment.Param(writer, "value", null, "The value.");
                    using (writer.Open("public " + name + "(" + context.TypeName(variant.Type) + " value)"))
                    {
                        if (!variant.Type.IsValueType)
                        {
                            writer.Line(context.ThrowIfNull("value"));
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
                    writer.Line("public bool Is" + variant.Name + " => _value is " + context.TypeName(variant.Type) + ";");
                    writer.Line();
                    DocComment.Summary(writer, null, "The value as a <c>" + DocComment.Inline(variant.Name) + "</c>, or null when it is another variant.");
                    writer.Line("public " + context.TypeName(variant.Type, nullable: true) + " As" + variant.Name + " => _value is " + context.TypeName(variant.Type) + " value ? value : default(" + context.TypeName(variant.Type, nullable: true) + ");");
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
                    writer.Line("public static implicit operator " + type + "(" + context.TypeName(variant.Type) + " value) => " + context.New(type, "value") + ";");
                }

                writer.Line();
                DocComment.Summary(writer, null, "The value's own text.");
                writer.Line("public override string ToString() => _value.ToString() ?? string.Empty;");
                writer.Line();
                WriteConverter(writer, context, model);
            }
        }

        return writer.ToString();
    }

    private static void WriteConverter(SourceWriter writer, EmitContext context, UnionSpec model)
    {
        string name = model.Name;
        string type = context.TypeName(name);
        DocComment.Summary(writer, null, "Reads the variant the first JSON token announces and writes whichever variant is held.");
        using (writer.Open("internal sealed class Converter : " + Json.JsonConverter + "<" + type + ">"))
        {
            writer.Line("/// <inheritdoc/>");
            List<UnionVariantSpec> objects = model.Variants.Where(v => v.Shape == JsonShape.Object).ToList();
            using (writer.Open("public override " + context.Nullable(type) + " Read(ref " + Json.Utf8JsonReader + " reader, " + Bcl.Type + " typeToConvert, " + Json.JsonSerializerOptions + " options)"))
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

                            writer.Line("case " + Json.JsonTokenType + ".StartObject:");
                            writer.Indent();
                            writer.Line("return ReadObject(ref reader, options);");
                            writer.Unindent();
                            continue;
                        }

                        foreach (string token in Tokens(variant.Shape))
                        {
                            writer.Line("case " + Json.JsonTokenType + "." + token + ":");
                        }

                        writer.Indent();
                        writer.Line("return new " + type + "(" + Json.JsonSerializer + ".Deserialize(ref reader, " + TypeInfo(context, variant.Type) + ")" + context.Bang + ");");
                        writer.Unindent();
                    }

                    writer.Line("default:");
                    writer.Indent();
                    writer.Line("throw new " + Json.JsonException + "(" + Literal.String("No variant of " + name + " starts with ") + " + reader.TokenType + \".\");");
                    writer.Unindent();
                }
            }

            if (objects.Count > 1)
            {
                writer.Line();
                WriteReadObject(writer, context, model, objects);
            }

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            using (writer.Open("public override void Write(" + Json.Utf8JsonWriter + " writer, " + type + " value, " + Json.JsonSerializerOptions + " options)"))
            {
                using (writer.Open("switch (value._value)"))
                {
                    foreach (UnionVariantSpec variant in model.Variants)
                    {
                        writer.Line("case " + context.TypeName(variant.Type) + " variant:");
                        writer.Indent();
                        writer.Line(Json.JsonSerializer + ".Serialize(writer, variant, " + TypeInfo(context, variant.Type) + ");");
                        writer.Line("break;");
                        writer.Unindent();
                    }
                }
            }
        }
    }

    // Object variants: by discriminator value when the union has one, else by the properties each variant requires.
    private static void WriteReadObject(SourceWriter writer, EmitContext context, UnionSpec model, List<UnionVariantSpec> objects)
    {
        string open = context.Features.CSharp12 ? "[" : "{", close = context.Features.CSharp12 ? "];" : "};";
        writer.Line("private static readonly string[][] s_required =" + (context.Features.CSharp12 ? string.Empty : " new string[][]"));
        writer.Line(open);
        foreach (UnionVariantSpec variant in objects)
        {
            writer.Line("    " + context.Array("string", variant.RequiredJsonNames.Select(Literal.String)) + ",");
        }

        writer.Line(close);
        writer.Line();
        writer.Line("private static readonly string[][] s_known =" + (context.Features.CSharp12 ? string.Empty : " new string[][]"));
        writer.Line(open);
        foreach (UnionVariantSpec variant in objects)
        {
            writer.Line("    " + context.Array("string", variant.KnownJsonNames.Select(Literal.String)) + ",");
        }

        writer.Line(close);
        writer.Line();
        string type = context.TypeName(model.Name);
        using (writer.Open("private static " + type + " ReadObject(ref " + Json.Utf8JsonReader + " reader, " + Json.JsonSerializerOptions + " options)"))
        {
            string pick = Runtime.ApiJsonUnion + ".PickByProperties(reader, s_required, s_known)";
            if (model.DiscriminatorJsonName is { } discriminator)
            {
                var used = new HashSet<string>(System.StringComparer.Ordinal);
                var arms = new List<(IReadOnlyList<string>, string)>();
                for (int i = 0; i < objects.Count; i++)
                {
                    List<string> values = objects[i].DiscriminatorValues.Where(used.Add).Select(Literal.String).ToList();
                    if (values.Count > 0)
                    {
                        arms.Add((values, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }
                }

                context.Switch(writer, "int variant = ", Runtime.ApiJsonUnion + ".FindDiscriminator(reader, " + context.Utf8(discriminator) + ")", "discriminator", arms, pick);
            }
            else
            {
                writer.Line("int variant = " + pick + ";");
            }

            string Read(int i) => "new " + type + "(" + Json.JsonSerializer + ".Deserialize(ref reader, " + TypeInfo(context, objects[i].Type) + ")" + context.Bang + ")";
            context.Switch(writer, "return ", "variant", "variant",
                Enumerable.Range(0, objects.Count - 1).Select(i => ((IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture)], Read(i))),
                Read(objects.Count - 1));
        }
    }

    // Resolved through the options in use, so a caller who combines resolvers gets theirs; no reflection involved.
    private static string TypeInfo(EmitContext context, TypeRef type) =>
        "(" + Json.JsonTypeInfo + "<" + context.TypeName(type) + ">)options.GetTypeInfo(typeof(" + context.TypeName(type) + "))";

    private static string[] Tokens(JsonShape shape) => shape switch
    {
        JsonShape.String => ["String"],
        JsonShape.Number => ["Number"],
        JsonShape.Boolean => ["True", "False"],
        JsonShape.Object => ["StartObject"],
        _ => ["StartArray"],
    };
}

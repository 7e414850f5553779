using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes an open enum: a struct wrapping the wire string, with the known values as static properties. A value the
/// document does not list (one the server adds later) still deserializes, compares and round-trips unchanged.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EmitContext context, EnumSpec model)
    {
        if (model.IsInteger)
        {
            return EmitInteger(context, model);
        }

        string name = model.Name;
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, model.Description, "The values of <c>" + DocComment.Inline(name) + "</c>.");
            writer.Line("/// <remarks>");
            writer.Line("/// An open enum: besides the values listed here it holds any string the API returns, so new server values never");
            writer.Line("/// break deserialization. Equality and <see cref=\"ToString\"/> use the wire value.");
            writer.Line("/// </remarks>");
            Attributes.Obsolete(writer, model.Deprecated, "This schema is deprecated.");
            writer.Line(context.GeneratedCodeAttribute);
            writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + name + ".Converter))]");
            using (writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">"))
            {
                writer.Line("private readonly string? _value;");
                writer.Line();
                DocComment.Summary(writer, null, "Wraps a wire value, known or not.");
                DocComment.Param(writer, "value", null, "The value as the API spells it.");
                using (writer.Open("public " + name + "(string value)"))
                {
                    writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
                    writer.Line("_value = value;");
                }

                foreach (EnumMemberSpec member in model.Members)
                {
                    writer.Line();
                    DocComment.Summary(writer, null, "The value <c>" + DocComment.Inline(member.Value) + "</c>.");
                    writer.Line("public static " + name + " " + member.Name + " { get; } = new(" + Literal.String(member.Value) + ");");
                }

                writer.Line();
                DocComment.Summary(writer, null, "The value as the API spells it; empty for <c>default</c>.");
                writer.Line("public string Value => _value ?? string.Empty;");
                writer.Line();
                DocComment.Summary(writer, null, "Compares two values by their wire value.");
                writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
                writer.Line();
                DocComment.Summary(writer, null, "Compares two values by their wire value.");
                writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
                writer.Line();
                DocComment.Summary(writer, null, "Wraps a wire value.");
                writer.Line("public static implicit operator " + name + "(string value) => new(value);");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
                writer.Line();
                DocComment.Summary(writer, null, "The wire value.");
                writer.Line("public override string ToString() => Value;");
                writer.Line();
                WriteConverter(writer, model);
            }
        }

        return writer.ToString();
    }

    // An integer enum: the same open shape over a long.
    private static string EmitInteger(EmitContext context, EnumSpec model)
    {
        string name = model.Name;
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, model.Description, "The values of <c>" + DocComment.Inline(name) + "</c>.");
            writer.Line("/// <remarks>");
            writer.Line("/// An open enum: besides the values listed here it holds any integer the API returns, so new server values never");
            writer.Line("/// break deserialization.");
            writer.Line("/// </remarks>");
            Attributes.Obsolete(writer, model.Deprecated, "This schema is deprecated.");
            writer.Line(context.GeneratedCodeAttribute);
            writer.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + name + ".Converter))]");
            using (writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">"))
            {
                DocComment.Summary(writer, null, "Wraps a wire value, known or not.");
                DocComment.Param(writer, "value", null, "The value as the API sends it.");
                writer.Line("public " + name + "(long value) => Value = value;");
                foreach (EnumMemberSpec member in model.Members)
                {
                    writer.Line();
                    DocComment.Summary(writer, null, "The value <c>" + member.Value + "</c>.");
                    writer.Line("public static " + name + " " + member.Name + " { get; } = new(" + member.Value + ");");
                }

                writer.Line();
                DocComment.Summary(writer, null, "The value as the API sends it.");
                writer.Line("public long Value { get; }");
                writer.Line();
                DocComment.Summary(writer, null, "Compares two values.");
                writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Value == right.Value;");
                writer.Line();
                DocComment.Summary(writer, null, "Compares two values.");
                writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => left.Value != right.Value;");
                writer.Line();
                DocComment.Summary(writer, null, "Wraps a wire value.");
                writer.Line("public static implicit operator " + name + "(long value) => new(value);");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public bool Equals(" + name + " other) => Value == other.Value;");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
                writer.Line();
                writer.Line("/// <inheritdoc/>");
                writer.Line("public override int GetHashCode() => Value.GetHashCode();");
                writer.Line();
                DocComment.Summary(writer, null, "The wire value in invariant digits.");
                writer.Line("public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
                writer.Line();
                DocComment.Summary(writer, null, "Reads and writes the wire number.");
                using (writer.Open("internal sealed class Converter : global::System.Text.Json.Serialization.JsonConverter<" + name + ">"))
                {
                    writer.Line("/// <inheritdoc/>");
                    writer.Line("public override " + name + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>");
                    writer.Line("    reader.TokenType == global::System.Text.Json.JsonTokenType.Number");
                    writer.Line("        ? new " + name + "(reader.GetInt64())");
                    writer.Line("        : throw new global::System.Text.Json.JsonException(" + Literal.String("Expected a number for " + name + ", found ") + " + reader.TokenType + \".\");");
                    writer.Line();
                    writer.Line("/// <inheritdoc/>");
                    writer.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);");
                }
            }
        }

        return writer.ToString();
    }

    private static void WriteConverter(SourceWriter writer, EnumSpec model)
    {
        string name = model.Name;
        DocComment.Summary(writer, null, "Reads and writes the wire string; known values are matched without allocating.");
        using (writer.Open("internal sealed class Converter : global::System.Text.Json.Serialization.JsonConverter<" + name + ">"))
        {
            writer.Line("/// <inheritdoc/>");
            using (writer.Open("public override " + name + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)"))
            {
                using (writer.Open("if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)"))
                {
                    writer.Line("throw new global::System.Text.Json.JsonException(" + Literal.String("Expected a string for " + name + ", found ") + " + reader.TokenType + \".\");");
                }

                foreach (EnumMemberSpec member in model.Members)
                {
                    writer.Line();
                    using (writer.Open("if (reader.ValueTextEquals(" + Literal.String(member.Value) + "u8))"))
                    {
                        writer.Line("return " + name + "." + member.Name + ";");
                    }
                }

                writer.Line();
                writer.Line("return new " + name + "(reader.GetString()!);");
            }

            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + name + " value, global::System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value.Value);");
        }
    }
}

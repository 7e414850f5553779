using System.Linq;
using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes an open enum: a struct wrapping the wire string (or integer), with the known values as static properties. A
/// value the document does not list (one the server adds later) still deserializes, compares and round-trips unchanged.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EmitContext context, EnumSpec model)
    {
        string name = model.Name;
        string type = context.TypeName(name);
        SourceWriter writer = context.StartFile(out SourceWriter.Block ns);
        using (ns)
        {
            DocComment.Summary(writer, model.Description, "The values of <c>" + DocComment.Inline(name) + "</c>.");
            writer.Lines(model.IsInteger
                ? """
                  /// <remarks>
                  /// An open enum: besides the values listed here it holds any integer the API returns, so new server values never
                  /// break deserialization.
                  /// </remarks>
                  """
                : """
                  /// <remarks>
                  /// An open enum: besides the values listed here it holds any string the API returns, so new server values never
                  /// break deserialization. Equality and <see cref="ToString"/> use the wire value.
                  /// </remarks>
                  """);
            Attributes.Obsolete(writer, model.Deprecated, "This schema is deprecated.");
            writer.Line(context.GeneratedCodeAttribute);
            writer.Line("[" + Json.JsonConverter + "(typeof(" + type + ".Converter))]");
            using (writer.Open("public readonly partial struct " + name + " : " + Bcl.IEquatable + "<" + type + ">"))
            {
                if (model.IsInteger)
                {
                    WriteIntegerMembers(writer, context, model, type);
                }
                else
                {
                    WriteStringMembers(writer, context, model, type);
                }
            }
        }

        return writer.ToString();
    }

    private static void WriteStringMembers(SourceWriter writer, EmitContext context, EnumSpec model, string type)
    {
        writer.Lines($$"""
            private readonly string? _value;

            /// <summary>Wraps a wire value, known or not.</summary>
            /// <param name="value">The value as the API spells it.</param>
            public {{model.Name}}(string value)
            {
                {{context.ThrowIfNull("value")}}
                _value = value;
            }
            """);
        foreach (EnumMemberSpec member in model.Members)
        {
            writer.Line();
            DocComment.Summary(writer, null, "The value <c>" + DocComment.Inline(member.Value) + "</c>.");
            writer.Line("public static " + type + " " + member.Name + " { get; } = " + context.New(type, Literal.String(member.Value)) + ";");
        }

        writer.Lines($$"""

            /// <summary>The value as the API spells it; empty for <c>default</c>.</summary>
            public string Value => _value ?? string.Empty;

            /// <summary>Compares two values by their wire value.</summary>
            public static bool operator ==({{type}} left, {{type}} right) => left.Equals(right);

            /// <summary>Compares two values by their wire value.</summary>
            public static bool operator !=({{type}} left, {{type}} right) => !left.Equals(right);

            /// <summary>Wraps a wire value.</summary>
            public static implicit operator {{type}}(string value) => {{context.New(type, "value")}};

            /// <inheritdoc/>
            public bool Equals({{type}} other) => string.Equals(Value, other.Value, {{Bcl.StringComparison}}.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{type}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => {{Bcl.StringComparer}}.Ordinal.GetHashCode(Value);

            /// <summary>The wire value.</summary>
            public override string ToString() => Value;

            /// <summary>Reads and writes the wire string; known values are matched without allocating.</summary>
            """);
        using (writer.Open("internal sealed class Converter : " + Runtime.ApiOpenEnumConverter + "<" + type + ">"))
        {
            writer.Line("/// <summary>Knows the listed values.</summary>");
            writer.Line("public Converter()");
            // Lambdas without captures: the compiler makes each delegate once. One line while it reads as one.
            string[] arguments = ["value => new " + type + "(value)", "value => value.Value", .. model.Members.Select(m => type + "." + m.Name)];
            string call = "    : base(" + string.Join(", ", arguments) + ")";
            if (call.Length <= 160)
            {
                writer.Line(call);
            }
            else
            {
                writer.Line("    : base(");
                for (int i = 0; i < arguments.Length; i++)
                {
                    writer.Line("        " + arguments[i] + (i < arguments.Length - 1 ? "," : ")"));
                }
            }

            writer.Line("{");
            writer.Line("}");
        }
    }

    // An integer enum: the same open shape over a long.
    private static void WriteIntegerMembers(SourceWriter writer, EmitContext context, EnumSpec model, string type)
    {
        writer.Lines($$"""
            /// <summary>Wraps a wire value, known or not.</summary>
            /// <param name="value">The value as the API sends it.</param>
            public {{model.Name}}(long value) => Value = value;
            """);
        foreach (EnumMemberSpec member in model.Members)
        {
            writer.Line();
            DocComment.Summary(writer, null, "The value <c>" + member.Value + "</c>.");
            writer.Line("public static " + type + " " + member.Name + " { get; } = " + context.New(type, member.Value) + ";");
        }

        writer.Lines($$"""

            /// <summary>The value as the API sends it.</summary>
            public long Value { get; }

            /// <summary>Compares two values.</summary>
            public static bool operator ==({{type}} left, {{type}} right) => left.Value == right.Value;

            /// <summary>Compares two values.</summary>
            public static bool operator !=({{type}} left, {{type}} right) => left.Value != right.Value;

            /// <summary>Wraps a wire value.</summary>
            public static implicit operator {{type}}(long value) => {{context.New(type, "value")}};

            /// <inheritdoc/>
            public bool Equals({{type}} other) => Value == other.Value;

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{type}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => Value.GetHashCode();

            /// <summary>The wire value in invariant digits.</summary>
            public override string ToString() => Value.ToString({{Bcl.CultureInfo}}.InvariantCulture);

            /// <summary>Reads and writes the wire number.</summary>
            internal sealed class Converter : {{Json.JsonConverter}}<{{type}}>
            {
                /// <inheritdoc/>
                public override {{type}} Read(ref {{Json.Utf8JsonReader}} reader, {{Bcl.Type}} typeToConvert, {{Json.JsonSerializerOptions}} options) =>
                    reader.TokenType == {{Json.JsonTokenType}}.Number
                        ? new {{type}}(reader.GetInt64())
                        : throw new {{Json.JsonException}}({{Literal.String("Expected a number for " + model.Name + ", found ")}} + reader.TokenType + ".");

                /// <inheritdoc/>
                public override void Write({{Json.Utf8JsonWriter}} writer, {{type}} value, {{Json.JsonSerializerOptions}} options) => writer.WriteNumberValue(value.Value);
            }
            """);
    }
}

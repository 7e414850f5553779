using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>JSON converters for OpenAPI formats System.Text.Json has no converter for.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiJsonConverters
{
    /// <summary>
    /// <c>format: duration</c> as a <see cref="TimeSpan"/>: ISO 8601 on the wire (<c>PT1H30M</c>); the .NET form
    /// (<c>01:30:00</c>) is accepted when reading too.
    /// </summary>
    public static JsonConverter<TimeSpan> Duration { get; } = new DurationConverter();

    private sealed class DurationConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected a duration string, found " + reader.TokenType + ".");
            try
            {
                return text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)
                    ? XmlConvert.ToTimeSpan(text)
                    : TimeSpan.Parse(text, CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is FormatException or OverflowException)
            {
                throw new JsonException("'" + text + "' is not an ISO 8601 duration.", exception);
            }
        }

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(XmlConvert.ToString(value));
    }
}

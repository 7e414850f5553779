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

    /// <summary>
    /// <c>format: date</c> as a <see cref="DateTime"/>, for compilations without <c>System.DateOnly</c> (netstandard2.0,
    /// .NET Framework): <c>yyyy-MM-dd</c> on the wire. Reading also accepts a full ISO 8601 date-time and keeps the date
    /// as written (<c>2026-03-01T23:30:00-05:00</c> is March 1st), as servers sometimes send one; the result always has
    /// <see cref="DateTimeKind.Unspecified"/> and no time of day. Writing ignores the time of day and the kind.
    /// </summary>
    public static JsonConverter<DateTime> Date { get; } = new DateConverter();

    private sealed class DateConverter : JsonConverter<DateTime>
    {
        private const string Pattern = "yyyy-MM-dd";

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected a date string, found " + reader.TokenType + ".");
            if (text.Length >= Pattern.Length
                && DateTime.TryParseExact(text.Substring(0, Pattern.Length), Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date)
                && (text.Length == Pattern.Length
                    || (text[Pattern.Length] is 'T' or 't' or ' '
                        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))))
            {
                return DateTime.SpecifyKind(date, DateTimeKind.Unspecified);
            }

            throw new JsonException("'" + text + "' is not a date (yyyy-MM-dd).");
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(Pattern, CultureInfo.InvariantCulture));
    }

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

using System;
using System.Globalization;
using System.Xml;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// The wire text of parameter values, the same everywhere (path, query, header, cookie, form): invariant culture,
/// booleans in lower case, timestamps in RFC 3339, bytes in base64, durations in ISO 8601.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiFormat
{
    /// <summary>The text itself.</summary>
    public static string Format(string value) => value;

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>An integer in invariant digits.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in its shortest round-trip form.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A decimal in invariant digits.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 3339, e.g. <c>2026-03-01T10:00:00Z</c>; fractions only when present.</summary>
    public static string Format(DateTimeOffset value) => value.Offset == TimeSpan.Zero
        ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>A full date, <c>yyyy-MM-dd</c>: the date part of <paramref name="value"/>, whatever its time and kind.</summary>
    /// <remarks>
    /// Generated code passes a <c>format: date</c> value as <see cref="DateTime"/> where the compilation has no
    /// <c>DateOnly</c> (netstandard2.0, .NET Framework); without this overload it would convert to
    /// <see cref="DateTimeOffset"/> and be written as a timestamp.
    /// </remarks>
    public static string Format(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

#if !NETSTANDARD2_0
    /// <summary>A full date, <c>yyyy-MM-dd</c>.</summary>
    /// <remarks>
    /// Not on netstandard2.0, which has no <see cref="DateOnly"/> (the one member the targets do not share; it is listed
    /// in PublicAPI.DateOnly/). Generated code for such a compilation types a date as <see cref="DateTime"/>.
    /// </remarks>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
#endif

    /// <summary>A duration in ISO 8601, e.g. <c>PT1H30M</c>.</summary>
    public static string Format(TimeSpan value) => XmlConvert.ToString(value);

    /// <summary>A UUID in its 36-character form.</summary>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>The URI as given.</summary>
    public static string Format(Uri value) => value.OriginalString;

    /// <summary>Bytes in base64.</summary>
    public static string Format(byte[] value) => Convert.ToBase64String(value);

    /// <summary>A JSON value: a string as it is, anything else as its JSON text.</summary>
    public static string Format(System.Text.Json.Nodes.JsonNode value) =>
        value is System.Text.Json.Nodes.JsonValue scalar && scalar.TryGetValue(out string? text) ? text : value.ToJsonString();

    /// <summary>The value of a union: formatted by its own type.</summary>
    public static string FormatValue(object value) => value switch
    {
        string text => text,
        bool flag => Format(flag),
        DateTimeOffset timestamp => Format(timestamp),
        DateTime date => Format(date),
#if !NETSTANDARD2_0
        DateOnly date => Format(date),
#endif
        TimeSpan duration => Format(duration),
        Guid id => Format(id),
        Uri uri => Format(uri),
        byte[] bytes => Format(bytes),
        System.Text.Json.Nodes.JsonNode node => Format(node),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

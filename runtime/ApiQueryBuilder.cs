using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AutoSend.Runtime;

/// <summary>
/// Builds a query string the way OpenAPI's default style does (<c>form</c>, exploded): each value escaped, arrays as
/// repeated names, null values left out, numbers and dates in invariant formats.
/// </summary>
public struct ApiQueryBuilder
{
    private StringBuilder? _text;

    /// <summary>Adds a string value; null is left out.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        _text ??= new StringBuilder();
        _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>Adds a boolean as <c>true</c>/<c>false</c>; null is left out.</summary>
    public void Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds an integer; null is left out.</summary>
    public void Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number in round-trip form; null is left out.</summary>
    public void Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a decimal; null is left out.</summary>
    public void Add(string name, decimal? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a timestamp in ISO 8601 (<c>O</c>) form; null is left out.</summary>
    public void Add(string name, DateTimeOffset? value) => Add(name, value?.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Adds a date as <c>yyyy-MM-dd</c>; null is left out.</summary>
    public void Add(string name, DateOnly? value) => Add(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Adds a UUID in its 36-character form; null is left out.</summary>
    public void Add(string name, Guid? value) => Add(name, value?.ToString("D"));

    /// <summary>Adds each value under the same name; null collections and null items are left out.</summary>
    public void Add(string name, IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (string? value in values)
        {
            Add(name, value);
        }
    }

    /// <summary>The query string, starting with <c>?</c>, or an empty string when nothing was added.</summary>
    public override readonly string ToString() => _text?.ToString() ?? string.Empty;
}

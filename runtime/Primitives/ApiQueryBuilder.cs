using System;
using System.Collections.Generic;
using System.Text;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// Builds a query string from name/value pairs that the generated code has already formatted for their OpenAPI
/// style (<see cref="ApiFormat"/>): each name and value is percent-escaped; null values are left out.
/// </summary>
/// <remarks>
/// A value type so that a request with no query parameter set (optional parameters left null, the common case)
/// allocates nothing for its query; the text is made on the first <see cref="Add"/>. It is a <c>ref struct</c> because
/// a copy of a mutable builder would lose or share pairs depending on whether one had been added yet: it cannot be
/// boxed, stored in a field of a class, captured by a lambda or kept across an <c>await</c>, so it lives as one local of
/// the method that builds the request, as the generated code uses it. Do not copy it or pass it by value.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public ref struct ApiQueryBuilder
{
    // The reserved characters that allowReserved passes through, as Uri.EscapeDataString escapes them.
    private static readonly (string Escaped, string Raw)[] s_reserved =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"), ("%27", "'"), ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    private StringBuilder? _text;

    /// <summary>Adds a pair; a null value is left out.</summary>
    /// <param name="name">The parameter name, e.g. <c>page</c> or <c>filter[status]</c>.</param>
    /// <param name="value">The formatted value.</param>
    public void Add(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        AddEscaped(name, Uri.EscapeDataString(value));
    }

    /// <summary>
    /// Adds a non-exploded array (<c>form</c>, <c>spaceDelimited</c>, <c>pipeDelimited</c> with explode false): each
    /// item is percent-escaped on its own and the items are joined by the delimiter, so an item that contains the
    /// delimiter stays one item (<c>a,b</c> and <c>c</c> → <c>a%2Cb,c</c>). The comma is sent as it is, as RFC 6570
    /// form expansion does; a space is <c>%20</c> and a pipe <c>%7C</c>, since neither may appear raw in a URI.
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="values">The formatted items.</param>
    /// <param name="delimiter"><c>,</c>, a space or <c>|</c>.</param>
    public void AddDelimited(string name, IEnumerable<string> values, string delimiter)
    {
        ArgumentNullException.ThrowIfNull(values);
        string separator = Uri.EscapeDataString(delimiter).Replace("%2C", ",", StringComparison.Ordinal);
        var text = new StringBuilder();
        foreach (string value in values)
        {
            if (text.Length > 0)
            {
                text.Append(separator);
            }

            text.Append(Uri.EscapeDataString(value));
        }

        AddEscaped(name, text.ToString());
    }

    /// <summary>Adds a non-exploded object: keys and values escaped on their own and joined by the delimiter
    /// (<c>R,100,G,200</c>); properties whose value is null are left out.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="properties">The property names and formatted values.</param>
    /// <param name="delimiter"><c>,</c>, a space or <c>|</c>.</param>
    public void AddDelimited(string name, IEnumerable<KeyValuePair<string, string?>> properties, string delimiter)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var items = new List<string>();
        foreach (KeyValuePair<string, string?> property in properties)
        {
            if (property.Value is not null)
            {
                items.Add(property.Key);
                items.Add(property.Value);
            }
        }

        AddDelimited(name, items, delimiter);
    }

    /// <summary>
    /// Adds a pair whose value may hold reserved characters as they are (<c>allowReserved: true</c>): RFC 3986's
    /// <c>: / ? @ ! $ ' ( ) * , ;</c> are sent unescaped. <c>&amp;</c>, <c>=</c>, <c>+</c> and <c>#</c> are still escaped,
    /// since they would end the value, read as a space or end the query; so are <c>[</c> and <c>]</c>, which a query
    /// may not hold, and every character outside RFC 3986. A null value is left out.
    /// </summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The formatted value.</param>
    public void AddAllowingReserved(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        var text = new StringBuilder(Uri.EscapeDataString(value));
        foreach ((string escaped, string raw) in s_reserved)
        {
            text.Replace(escaped, raw);
        }

        AddEscaped(name, text.ToString());
    }

    private void AddEscaped(string name, string escapedValue)
    {
        _text ??= new StringBuilder();
        _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(escapedValue);
    }

    /// <summary>The query string, starting with <c>?</c>, or an empty string when nothing was added.</summary>
    public override readonly string ToString() => _text?.ToString() ?? string.Empty;
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// Serializes parameter values in the OpenAPI styles (simple, label, matrix, form, spaceDelimited, pipeDelimited)
/// for arrays and flat objects. Values arrive formatted (<see cref="ApiFormat"/>); in paths each name and value is
/// percent-escaped and the separators are not, as the styles define.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiStyle
{
    /// <summary><c>simple</c>: <c>a,b</c>; objects <c>k,v,k2,v2</c> or, exploded, <c>k=v,k2=v2</c>.</summary>
    public static string Simple(IEnumerable<string> values, bool escape) => string.Join(",", values.Select(v => Escape(v, escape)));

    /// <inheritdoc cref="Simple(IEnumerable{string}, bool)"/>
    public static string Simple(IEnumerable<KeyValuePair<string, string?>> properties, bool explode, bool escape) =>
        Pairs(properties, explode ? "=" : ",", ",", escape);

    /// <summary><c>label</c>: <c>.a</c>, <c>.a,b</c> or, exploded, <c>.a.b</c>; objects <c>.k,v</c> or <c>.k=v.k2=v2</c>.</summary>
    public static string Label(string value) => "." + Uri.EscapeDataString(value);

    /// <inheritdoc cref="Label(string)"/>
    public static string Label(IEnumerable<string> values, bool explode) =>
        "." + string.Join(explode ? "." : ",", values.Select(Uri.EscapeDataString));

    /// <inheritdoc cref="Label(string)"/>
    public static string Label(IEnumerable<KeyValuePair<string, string?>> properties, bool explode) =>
        "." + Pairs(properties, explode ? "=" : ",", explode ? "." : ",", escape: true);

    /// <summary><c>matrix</c>: <c>;name=a</c>, <c>;name=a,b</c> or, exploded, <c>;name=a;name=b</c>; objects <c>;name=k,v</c> or <c>;k=v;k2=v2</c>.</summary>
    public static string Matrix(string name, string value) => ";" + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);

    /// <inheritdoc cref="Matrix(string, string)"/>
    public static string Matrix(string name, IEnumerable<string> values, bool explode) => explode
        ? string.Concat(values.Select(v => Matrix(name, v)))
        : ";" + Uri.EscapeDataString(name) + "=" + string.Join(",", values.Select(Uri.EscapeDataString));

    /// <inheritdoc cref="Matrix(string, string)"/>
    public static string Matrix(string name, IEnumerable<KeyValuePair<string, string?>> properties, bool explode) => explode
        ? string.Concat(properties.Where(p => p.Value is not null).Select(p => Matrix(p.Key, p.Value!)))
        : ";" + Uri.EscapeDataString(name) + "=" + Pairs(properties, ",", ",", escape: true);

    /// <summary>A non-exploded array or object as one text: items (or keys and values) joined by one separator, for
    /// cookies (which <see cref="ApiConnection.AddCookie"/> escapes whole). Queries use
    /// <see cref="ApiQueryBuilder.AddDelimited(string, IEnumerable{string}, string)"/>, which escapes each item.</summary>
    public static string Delimited(IEnumerable<string> values, string separator) => string.Join(separator, values);

    /// <inheritdoc cref="Delimited(IEnumerable{string}, string)"/>
    public static string Delimited(IEnumerable<KeyValuePair<string, string?>> properties, string separator) =>
        Pairs(properties, separator, separator, escape: false);

    private static string Pairs(IEnumerable<KeyValuePair<string, string?>> properties, string keySeparator, string pairSeparator, bool escape)
    {
        var text = new StringBuilder();
        foreach (KeyValuePair<string, string?> property in properties)
        {
            if (property.Value is null)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(pairSeparator);
            }

            text.Append(Escape(property.Key, escape)).Append(keySeparator).Append(Escape(property.Value, escape));
        }

        return text.ToString();
    }

    private static string Escape(string value, bool escape) => escape ? Uri.EscapeDataString(value) : value;
}

using System;
using System.Text;

namespace AutoSend.Runtime;

/// <summary>
/// Builds a query string from name/value pairs that the generated code has already formatted for their OpenAPI
/// style (<see cref="ApiFormat"/>): each name and value is percent-escaped; null values are left out.
/// </summary>
public struct ApiQueryBuilder
{
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

        _text ??= new StringBuilder();
        _text.Append(_text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>The query string, starting with <c>?</c>, or an empty string when nothing was added.</summary>
    public override readonly string ToString() => _text?.ToString() ?? string.Empty;
}

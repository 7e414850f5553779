using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Net.Http.Headers;

namespace AutoSend.Runtime;

/// <summary>
/// The headers of a response, its content headers included, as the server sent them: a copy that stays valid after
/// the response is disposed. Names compare ignoring case; values are not parsed or validated, so reading never throws.
/// </summary>
/// <remarks>
/// <see cref="TryGetValues"/> works as on <see cref="HttpResponseHeaders"/>. This type exists instead of
/// <see cref="HttpResponseHeaders"/> because that one leaves out the content headers and cannot be created by a test
/// double; this one has a public constructor.
/// </remarks>
public sealed class ApiResponseHeaders : IEnumerable<KeyValuePair<string, IEnumerable<string>>>
{
    private readonly Dictionary<string, ReadOnlyCollection<string>> _values;

    /// <summary>Creates headers from names and values, for example in a test double.</summary>
    /// <param name="headers">Each name with its values; a name given twice (in any case) keeps the values of both.</param>
    public ApiResponseHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in headers)
        {
            ArgumentException.ThrowIfNullOrEmpty(header.Key, nameof(headers));
            if (!values.TryGetValue(header.Key, out List<string>? list))
            {
                values.Add(header.Key, list = []);
            }

            foreach (string? value in header.Value ?? [])
            {
                list.Add(value ?? string.Empty);
            }
        }

        _values = new Dictionary<string, ReadOnlyCollection<string>>(values.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, List<string>> header in values)
        {
            _values.Add(header.Key, header.Value.AsReadOnly());
        }
    }

    private ApiResponseHeaders(Dictionary<string, ReadOnlyCollection<string>> values) => _values = values;

    /// <summary>No headers.</summary>
    public static ApiResponseHeaders Empty { get; } = new(new Dictionary<string, ReadOnlyCollection<string>>(StringComparer.OrdinalIgnoreCase));

    /// <summary>How many header names there are.</summary>
    public int Count => _values.Count;

    /// <summary>Gets the values of a header, as <see cref="HttpHeaders.TryGetValues(string, out IEnumerable{string})"/> does.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <param name="values">The values, in the order received; null when the header is absent.</param>
    /// <returns>Whether the response has the header.</returns>
    public bool TryGetValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_values.TryGetValue(name, out ReadOnlyCollection<string>? found))
        {
            values = found;
            return true;
        }

        values = null;
        return false;
    }

    /// <summary>Whether the response has a header of that name.</summary>
    /// <param name="name">The header name, in any case.</param>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _values.ContainsKey(name);
    }

    /// <summary>
    /// The value of a header: its values joined with <c>", "</c> (how HTTP combines repeated fields), or null when it
    /// is absent. Generated typed properties parse this text.
    /// </summary>
    /// <param name="name">The header name, in any case.</param>
    public string? GetValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _values.TryGetValue(name, out ReadOnlyCollection<string>? values) ? values.Count == 1 ? values[0] : string.Join(", ", values) : null;
    }

    /// <summary>Enumerates each header name with its values.</summary>
    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator()
    {
        foreach (KeyValuePair<string, ReadOnlyCollection<string>> header in _values)
        {
            yield return new KeyValuePair<string, IEnumerable<string>>(header.Key, header.Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Copies the headers of a response and of its content, unparsed.</summary>
    internal static ApiResponseHeaders From(HttpResponseMessage response)
    {
        var values = new Dictionary<string, ReadOnlyCollection<string>>(StringComparer.OrdinalIgnoreCase);
        Copy(response.Headers.NonValidated, values);
        Copy(response.Content.Headers.NonValidated, values);
        return new ApiResponseHeaders(values);
    }

    private static void Copy(HttpHeadersNonValidated headers, Dictionary<string, ReadOnlyCollection<string>> values)
    {
        foreach (KeyValuePair<string, HeaderStringValues> header in headers)
        {
            var list = new List<string>(header.Value.Count);
            foreach (string value in header.Value)
            {
                list.Add(value);
            }

            // A name in both collections (it cannot be, for a well-formed message) keeps the response header's values.
            values.TryAdd(header.Key, list.AsReadOnly());
        }
    }
}

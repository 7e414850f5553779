using System;
using System.Collections.Generic;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// Reads RFC 8288 <c>Link</c> headers (<c>&lt;https://api.example.com/items?page=2&gt;; rel="next", &lt;...&gt;; rel="last"</c>):
/// the target of a relation, resolved against the request's address.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiLinkHeader
{
    /// <summary>Finds the first link whose <c>rel</c> holds <paramref name="relation"/> (compared without case).</summary>
    /// <param name="values">The values of every <c>Link</c> header of the response.</param>
    /// <param name="relation">The relation type, e.g. <c>next</c>.</param>
    /// <param name="requestUri">The address the response answered, which relative targets are resolved against.</param>
    /// <returns>The absolute target, or null when there is no such link or its target is not a valid URI.</returns>
    public static Uri? Find(IEnumerable<string> values, string relation, Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(requestUri);
        foreach (string value in values)
        {
            int position = 0;
            while (TryReadLink(value, ref position, out string target, out List<string> relations))
            {
                if (relations.Exists(r => string.Equals(r, relation, StringComparison.OrdinalIgnoreCase))
                    && Uri.TryCreate(requestUri, target, out Uri? resolved) && (resolved.Scheme == Uri.UriSchemeHttps || resolved.Scheme == Uri.UriSchemeHttp))
                {
                    return resolved;
                }
            }
        }

        return null;
    }

    // link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param ), separated by commas. A comma inside <...> or a
    // quoted string belongs to the value.
    private static bool TryReadLink(string text, ref int position, out string target, out List<string> relations)
    {
        target = string.Empty;
        relations = [];
        int open = text.IndexOf('<', position);
        if (open < 0)
        {
            return false;
        }

        int close = text.IndexOf('>', open + 1);
        if (close < 0)
        {
            position = text.Length;
            return false;
        }

        target = text.Substring(open + 1, close - open - 1).Trim();
        int i = close + 1;
        while (i < text.Length && text[i] != ',')
        {
            if (text[i] != ';')
            {
                i++;
                continue;
            }

            i++;
            int nameStart = i;
            while (i < text.Length && text[i] is not ('=' or ';' or ','))
            {
                i++;
            }

            string name = text.Substring(nameStart, i - nameStart).Trim();
            string parameter = string.Empty;
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }

                if (i < text.Length && text[i] == '"')
                {
                    int end = i + 1;
                    var quoted = new System.Text.StringBuilder();
                    while (end < text.Length && text[end] != '"')
                    {
                        quoted.Append(text[end] == '\\' && end + 1 < text.Length ? text[++end] : text[end]);
                        end++;
                    }

                    parameter = quoted.ToString();
                    i = Math.Min(end + 1, text.Length);
                }
                else
                {
                    int start = i;
                    while (i < text.Length && text[i] is not (';' or ','))
                    {
                        i++;
                    }

                    parameter = text.Substring(start, i - start).Trim();
                }
            }

            if (string.Equals(name, "rel", StringComparison.OrdinalIgnoreCase))
            {
                relations.AddRange(parameter.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        position = i < text.Length ? i + 1 : text.Length;
        return true;
    }
}

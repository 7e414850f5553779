using System;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;

namespace AutoSend.Runtime.Http;

/// <summary>
/// The runtime's one set of media-type rules: which responses are JSON and how a text body is decoded. Everything that
/// asks "is this JSON?" (success bodies, error bodies) asks here, so the answer cannot differ between them.
/// </summary>
internal static class MediaTypes
{
    /// <summary>What a call with a JSON success body asks for.</summary>
    public const string Json = "application/json";

    /// <summary>What a call with a text success body asks for.</summary>
    public const string PlainText = "text/plain";

    /// <summary>
    /// Whether a <c>Content-Type</c> is JSON: <c>application/json</c>, any other <c>*/json</c>, or a structured
    /// syntax suffix <c>+json</c> (<c>application/problem+json</c>). JSON sequences are not: <c>application/x-ndjson</c>,
    /// <c>application/jsonl</c> and <c>application/json-seq</c> hold several documents, which one JSON read cannot take.
    /// </summary>
    /// <param name="contentType">
    /// The header as <see cref="System.Net.Http.HttpContent"/> parsed it (with <see cref="MediaTypeHeaderValue"/>), or
    /// null when the response has none.
    /// </param>
    public static bool IsJson(MediaTypeHeaderValue? contentType)
    {
        // MediaType is "type/subtype" without parameters; the header was parsed and validated when it was read.
        string? mediaType = contentType?.MediaType;
        int slash = mediaType?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0)
        {
            return false;
        }

        ReadOnlySpan<char> subtype = mediaType.AsSpan(slash + 1);
        return subtype.Equals("json", StringComparison.OrdinalIgnoreCase) || subtype.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The encoding a text body declares in its <c>charset</c>; UTF-8 when it declares none or one .NET does not know.</summary>
    /// <param name="contentType">The parsed header, or null.</param>
    public static Encoding TextEncoding(MediaTypeHeaderValue? contentType) =>
        contentType?.CharSet is { Length: > 0 } charset && TryGetEncoding(charset, out Encoding? declared) ? declared : Encoding.UTF8;

    private static bool TryGetEncoding(string charset, [NotNullWhen(true)] out Encoding? encoding)
    {
        try
        {
            encoding = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            encoding = null;
            return false;
        }
    }
}

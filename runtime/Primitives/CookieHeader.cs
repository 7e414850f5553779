using System;
using System.Net.Http;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// Cookie parameters (and API keys sent as cookies) on the request's one <c>Cookie</c> header: <c>name=value</c> pairs
/// joined by <c>; </c>, each name and value percent-escaped whole. The value arrives formatted by
/// <see cref="ApiFormat"/> and, for arrays and objects, joined by <see cref="ApiStyle.Delimited(System.Collections.Generic.IEnumerable{string}, string)"/>.
/// </summary>
internal static class CookieHeader
{
    private const string Name = "Cookie";

    public static void Add(HttpRequestMessage request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        string pair = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        if (request.Headers.TryGetValues(Name, out var existing))
        {
            pair = string.Join("; ", existing) + "; " + pair;
            request.Headers.Remove(Name);
        }

        request.Headers.TryAddWithoutValidation(Name, pair);
    }
}

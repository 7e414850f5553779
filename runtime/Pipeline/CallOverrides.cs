using System;
using System.Net.Http;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// A call's own attempt timeout, retry count and stream idle limit (<see cref="ApiRequestOptions"/>), carried on its request from the
/// generated code to the <see cref="CallExecutor"/>, which reads them once when the call starts (the idle limit is read by the stream front ends of <c>ApiConnection</c>).
/// </summary>
/// <param name="Timeout">The attempt timeout instead of the client's, or null.</param>
/// <param name="MaxRetries">The retries instead of the client's, or null.</param>
/// <param name="StreamIdleTimeout">For a streamed response, the idle limit instead of the client's, or null.</param>
internal sealed record CallOverrides(TimeSpan? Timeout, int? MaxRetries, TimeSpan? StreamIdleTimeout = null)
{
    public static readonly HttpRequestOptionsKey<CallOverrides> Key = new("AutoSend.Runtime.CallOverrides");

    /// <summary>The call's overrides, or null when it has none.</summary>
    public static CallOverrides? Of(HttpRequestMessage request) =>
        request is ApiRequestMessage own ? own.Overrides : request.Options.TryGetValue(Key, out CallOverrides? overrides) ? overrides : null;

    /// <summary>Carries <paramref name="overrides"/> on <paramref name="request"/> to the pipeline.</summary>
    public static void Set(HttpRequestMessage request, CallOverrides overrides)
    {
        // A request the connection made keeps them in a field; one made elsewhere (a caller's own) in its options.
        if (request is ApiRequestMessage own)
        {
            own.Overrides = overrides;
        }
        else
        {
            request.Options.Set(Key, overrides);
        }
    }

    /// <summary>Whether a header belongs on the content rather than on the request.</summary>
    public static bool IsContentHeader(string name) =>
        name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Expires", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Last-Modified", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Allow", StringComparison.OrdinalIgnoreCase);
}

using System;
using System.Net.Http;
using System.Threading;

namespace AutoSend.Runtime.Pipeline;

/// <summary>The <see cref="HttpClient"/> a connection makes for itself when the caller passes none.</summary>
internal static class DefaultHttpClient
{
    // The connection enforces the timeouts itself (per attempt and per call), so the client has none of its own.
    // Redirects are not followed: a redirect to another host would carry an API key header along. Responses are not
    // decompressed, as with HttpClient's own default: setting AutomaticDecompression at all links gzip and Brotli
    // into every Native AOT program (about 1 MB); a caller who wants it passes an HttpClient that has it.
    public static HttpClient Create() =>
        new(CreateHandler())
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

#if NETSTANDARD2_0
    // netstandard2.0 has no SocketsHttpHandler: HttpClientHandler is the platform's own (on .NET Framework the
    // HttpWebRequest stack, whose connections ServicePointManager governs: no connection lifetime to set here;
    // on .NET Core 2.1 and later it wraps SocketsHttpHandler). docs/runtime.md, "Target frameworks".
    private static HttpClientHandler CreateHandler() => new() { AllowAutoRedirect = false };
#else
    private static SocketsHttpHandler CreateHandler() => new()
    {
        // Re-resolve DNS now and then, as IHttpClientFactory would, since this client lives as long as the API client.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
    };
#endif
}

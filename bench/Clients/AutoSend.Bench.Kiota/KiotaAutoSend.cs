using AutoSend.Bench.Kiota.Generated;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace AutoSend.Bench.Kiota;

/// <summary>Creates the Kiota-generated client the way Kiota's documentation shows, over a given final handler.</summary>
public static class KiotaAutoSend
{
    /// <summary>
    /// Creates a client whose HttpClient has Kiota's default middleware (retry, redirect, parameters, user agent,
    /// headers inspection...) in front of <paramref name="finalHandler"/>, as <c>new HttpClientRequestAdapter(auth)</c>
    /// would build it.
    /// </summary>
    public static KiotaAutoSendClient Create(HttpMessageHandler finalHandler, Uri baseAddress, string apiKey, out HttpClient httpClient)
    {
        httpClient = KiotaClientFactory.Create(finalHandler);
        var authentication = new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(apiKey));
        var adapter = new HttpClientRequestAdapter(authentication, httpClient: httpClient)
        {
            BaseUrl = baseAddress.AbsoluteUri.TrimEnd('/'),
        };
        return new KiotaAutoSendClient(adapter);
    }

    private sealed class StaticTokenProvider(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}

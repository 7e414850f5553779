using System.Text.Json;
using AutoSend.Bench.Stj;
using AutoSend.Client;

namespace AutoSend.Bench.HandWritten;

/// <summary>
/// The floor: the least a correct call can cost on this stack, written by hand. Each call builds the URL and an
/// <c>Authorization</c> header in place, sends with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, checks the
/// status and streams the body through the System.Text.Json source generator's metadata for the same model types
/// as the generated client. No retries, timeouts of its own, telemetry, error mapping, user agent or Accept header.
/// Every per-call ratio in docs/benchmarks.md is against this class.
/// </summary>
public sealed class HandWrittenClient : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly string _baseAddress;
    private readonly string _authorization;

    /// <summary>Creates the client over the caller's HttpClient (for example one from <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClient">Sends the requests; the caller keeps owning it.</param>
    /// <param name="baseAddress">The API's base address, e.g. <c>https://api.autosend.com/v1</c>.</param>
    /// <param name="apiKey">The bearer token.</param>
    public HandWrittenClient(HttpClient httpClient, Uri baseAddress, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseAddress);
        _httpClient = httpClient;
        string text = baseAddress.AbsoluteUri;
        _baseAddress = text.EndsWith('/') ? text : text + "/";
        _authorization = "Bearer " + apiKey;
    }

    /// <summary>Creates the client with an HttpClient of its own (HttpClient's defaults: 100 s timeout), disposed with it.</summary>
    /// <param name="baseAddress">The API's base address.</param>
    /// <param name="apiKey">The bearer token.</param>
    public HandWrittenClient(Uri baseAddress, string apiKey)
        : this(new HttpClient(), baseAddress, apiKey)
    {
        _ownsHttpClient = true;
    }

    /// <summary>POST /campaigns/{campaignId}/resume.</summary>
    public async Task<CampaignResponse> ResumeAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseAddress + "campaigns/" + Uri.EscapeDataString(campaignId) + "/resume"));
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using HttpResponseMessage response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return (await JsonSerializer.DeserializeAsync(body, StjJsonContext.Default.CampaignResponse, cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <summary>GET /campaigns?page=&amp;limit=.</summary>
    public async Task<ListCampaignsResponse> ListAsync(int page, int limit, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_baseAddress}campaigns?page={page}&limit={limit}")));
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using HttpResponseMessage response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return (await JsonSerializer.DeserializeAsync(body, StjJsonContext.Default.ListCampaignsResponse, cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <summary>Disposes the HttpClient if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }
}

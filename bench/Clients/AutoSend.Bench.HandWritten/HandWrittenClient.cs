using System.Net.Http.Json;
using AutoSend.Bench.Stj;
using AutoSend.Client;

namespace AutoSend.Bench.HandWritten;

/// <summary>
/// Two AutoSend calls written by hand: no retries, no telemetry, no error mapping beyond
/// <see cref="HttpResponseMessage.EnsureSuccessStatusCode"/>. The lower bound of what a client can cost.
/// </summary>
public sealed class HandWrittenClient
{
    private readonly HttpClient _httpClient;
    private readonly string _baseAddress;
    private readonly string _authorization;

    /// <summary>Creates the client.</summary>
    /// <param name="httpClient">Sends the requests.</param>
    /// <param name="baseAddress">The API's base address, e.g. <c>https://api.autosend.com/v1</c>.</param>
    /// <param name="apiKey">The bearer token.</param>
    public HandWrittenClient(HttpClient httpClient, Uri baseAddress, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _httpClient = httpClient;
        string text = baseAddress.AbsoluteUri;
        _baseAddress = text.EndsWith('/') ? text : text + "/";
        _authorization = "Bearer " + apiKey;
    }

    /// <summary>POST /campaigns/{campaignId}/resume.</summary>
    public async Task<CampaignResponse> ResumeAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _baseAddress + "campaigns/" + Uri.EscapeDataString(campaignId) + "/resume");
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using HttpResponseMessage response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(StjJsonContext.Default.CampaignResponse, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>GET /campaigns?page=&amp;limit=.</summary>
    public async Task<ListCampaignsResponse> ListAsync(int page, int limit, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_baseAddress}campaigns?page={page}&limit={limit}");
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using HttpResponseMessage response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(StjJsonContext.Default.ListCampaignsResponse, cancellationToken).ConfigureAwait(false))!;
    }
}

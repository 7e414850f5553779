using AutoSend.Bench.Stj;
using AutoSend.Client;
using Refit;

namespace AutoSend.Bench.Refit;

/// <summary>The two benchmarked AutoSend endpoints as a Refit interface.</summary>
[Headers("Authorization: Bearer")]
public interface IRefitAutoSendApi
{
    /// <summary>POST /campaigns/{campaignId}/resume.</summary>
    [Post("/campaigns/{campaignId}/resume")]
    Task<CampaignResponse> ResumeAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>GET /campaigns?page=&amp;limit=.</summary>
    [Get("/campaigns")]
    Task<ListCampaignsResponse> ListAsync(int page, int limit, CancellationToken cancellationToken = default);
}

/// <summary>
/// Creates the Refit client the AOT-safe way: the source-generated implementation (<c>RestService.ForGenerated</c>,
/// no reflection fallback) and System.Text.Json with source-generated metadata.
/// </summary>
public static class RefitAutoSend
{
    /// <summary>Creates a client over <paramref name="httpClient"/>, whose BaseAddress must be set.</summary>
    public static IRefitAutoSendApi Create(HttpClient httpClient, string apiKey)
    {
        var settings = new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(StjJsonContext.Default.Options),
            AuthorizationHeaderValueGetter = (_, _) => new ValueTask<string>(apiKey),
        };
        return RestService.ForGenerated<IRefitAutoSendApi>(httpClient, settings);
    }
}

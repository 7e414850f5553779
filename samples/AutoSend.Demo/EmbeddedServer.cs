using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoSend.Demo;

/// <summary>A stand-in for the AutoSend API on 127.0.0.1 that knows one paused campaign.</summary>
internal sealed class EmbeddedServer : IAsyncDisposable
{
    public const string ApiKey = "AS_demo.local-key";
    public const string PausedCampaignId = "60d5ec49f1b2c72d9c8b4567";

    private readonly WebApplication _app;

    private EmbeddedServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<EmbeddedServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        app.MapPost("/v1/campaigns/{campaignId}/resume", (string campaignId, HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != "Bearer " + ApiKey)
            {
                return Json(401, """{"success":false,"error":{"message":"Unauthorized","code":"UNAUTHORIZED"}}""");
            }

            return campaignId == PausedCampaignId
                ? Json(200, """{"success":true,"data":{"id":"60d5ec49f1b2c72d9c8b4567","name":"Spring Sale Newsletter","subject":"Don't miss our Spring Sale!","status":"sending_gradual","sendMode":"gradual","trackingClick":true,"trackingOpen":true,"createdAt":"2026-03-01T10:00:00.000Z","updatedAt":"2026-03-15T14:30:00.000Z"}}""")
                : Json(404, """{"success":false,"error":{"message":"Campaign not found","code":"CAMPAIGN_NOT_FOUND","status":404}}""");
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new EmbeddedServer(app, new Uri(address.TrimEnd('/') + "/v1/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Json(int status, string body) => Results.Content(body, "application/json", statusCode: status);
}

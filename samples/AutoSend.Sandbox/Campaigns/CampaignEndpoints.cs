using AutoSend.Sandbox.Campaigns;

namespace AutoSend.Sandbox;

/// <summary>The campaign routes: <c>/v1/campaigns...</c>.</summary>
internal static class CampaignEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, CampaignStore store)
    {
        RouteGroupBuilder campaigns = routes.MapGroup("/v1/campaigns");
        campaigns.MapGet("/", context => ApiResults.Ok(context, store.List(context.Request.Query)));
        campaigns.MapPost("/", async context =>
            await ApiResults.Ok(context, store.Create(await ApiResults.ReadObject(context), Sandbox.ProjectOf(context)), "Campaign created successfully"));
        campaigns.MapGet("/{campaignId}", context => ApiResults.Ok(context, store.Get(Id(context)), "Campaign retrieved successfully"));
        campaigns.MapMethods("/{campaignId}", ["PATCH"], async context =>
            await ApiResults.Ok(context, store.Update(Id(context), await ApiResults.ReadObject(context)), "Campaign updated successfully"));
        campaigns.MapDelete("/{campaignId}", context =>
        {
            store.Delete(Id(context));
            return ApiResults.Ok(context, null, "Campaign deleted successfully");
        });
        campaigns.MapPost("/{campaignId}/duplicate", context => ApiResults.Ok(context, store.Duplicate(Id(context)), "Campaign duplicated successfully"));
        campaigns.MapPost("/{campaignId}/pause", context => ApiResults.Ok(context, store.Pause(Id(context))));
        campaigns.MapPost("/{campaignId}/resume", context => ApiResults.Ok(context, store.Resume(Id(context))));
        campaigns.MapPost("/{campaignId}/abort", context => ApiResults.Ok(context, store.Abort(Id(context))));
    }

    private static string Id(HttpContext context) => (string)context.Request.RouteValues["campaignId"]!;
}

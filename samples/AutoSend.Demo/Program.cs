using AutoSend.Client;
using AutoSend.Demo;
using AutoSend.Runtime;

// With AUTOSEND_API_KEY set, resume the campaign named on the command line in the real API; without it, start an
// embedded server on loopback that answers like AutoSend does and resume a campaign there.
string? apiKey = Environment.GetEnvironmentVariable("AUTOSEND_API_KEY");
await using EmbeddedServer? embedded = string.IsNullOrEmpty(apiKey) ? await EmbeddedServer.StartAsync() : null;
string campaignId = args.FirstOrDefault() ?? EmbeddedServer.PausedCampaignId;
var options = new AutoSendClientOptions
{
    ApiKey = apiKey ?? EmbeddedServer.ApiKey,
    BaseAddress = embedded?.BaseAddress,
};
using var client = new AutoSendClient(options);
Console.WriteLine($"Connecting to {client.BaseAddress} ({(embedded is null ? "the real AutoSend API" : "embedded local server, no API key needed")})");

try
{
    CampaignResponse response = await client.Campaigns.ResumeAsync(campaignId);
    Campaign campaign = response.Data;
    Console.WriteLine($"Resumed campaign {campaign.Id}: status {campaign.Status}, send mode {campaign.SendMode}");
    return 0;
}
catch (Exception error) when (error is ApiConnectionException or ApiTimeoutException)
{
    Console.Error.WriteLine($"Could not reach {client.BaseAddress}: {error.Message}");
    return 2;
}
catch (ApiException error)
{
    Console.Error.WriteLine($"AutoSend answered {(int)error.StatusCode} {error.ErrorCode}: {error.ErrorMessage ?? error.Message}");
    return 1;
}

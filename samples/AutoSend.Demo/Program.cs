using System.Diagnostics;
using System.Net.Http.Headers;
using AutoSend.Client;
using AutoSend.Runtime;
using AutoSend.Sandbox;

// With AUTOSEND_API_KEY set: resume the campaign named on the command line in the real API (or at
// AUTOSEND_BASE_URL). Without it: start the sandbox on loopback and resume a campaign there.
var clock = Stopwatch.StartNew();
string? apiKey = Environment.GetEnvironmentVariable("AUTOSEND_API_KEY");
string? baseUrl = Environment.GetEnvironmentVariable("AUTOSEND_BASE_URL");
if (!string.IsNullOrEmpty(apiKey) && args.Length == 0)
{
    Console.Error.WriteLine("Usage with AUTOSEND_API_KEY: AutoSend.Demo <campaignId>  (the id of a paused campaign)");
    return 2;
}

await using Sandbox? sandbox = string.IsNullOrEmpty(apiKey) ? await Sandbox.StartAsync() : null;
var options = new AutoSendClientOptions
{
    ApiKey = apiKey ?? "AS_demo.sandbox-key",
    BaseAddress = sandbox?.BaseAddress ?? (string.IsNullOrEmpty(baseUrl) ? null : new Uri(baseUrl)),
};
using var client = new AutoSendClient(options);
Console.WriteLine($"Connecting to {client.BaseAddress} ({(sandbox is null ? "AutoSend, with the key from AUTOSEND_API_KEY" : "the local sandbox; set AUTOSEND_API_KEY to use the real API")})");

try
{
    string campaignId = args.Length > 0 ? args[0] : await PrepareLocalCampaignAsync(sandbox!.BaseAddress, options.ApiKey);
    CampaignResponse response = await client.Campaigns.ResumeAsync(campaignId);
    Console.WriteLine($"First response {clock.ElapsedMilliseconds} ms after start");
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
    Console.Error.WriteLine($"The API answered {(int)error.StatusCode} {error.ErrorCode}: {error.ErrorMessage ?? error.Message}");
    return 1;
}
// Until the spec describes the other campaign operations, the local campaign is prepared over plain HTTP.
static async Task<string> PrepareLocalCampaignAsync(Uri baseAddress, string? key)
{
    using var http = new HttpClient { BaseAddress = baseAddress };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    using HttpResponseMessage created = await http.PostAsync("campaigns", new StringContent(
        """{"name":"Spring Sale","subject":"Spring Sale","htmlTemplate":"<p>Hi</p>","toLists":["60d5ec49f1b2c72d9c8b1111"],"sendMode":"gradual","gradualStrategy":"fixed","dailyBatchSize":100,"sendNow":true}""",
        System.Text.Encoding.UTF8, "application/json"));
    string body = await created.Content.ReadAsStringAsync();
    string id = System.Text.Json.Nodes.JsonNode.Parse(body)!["data"]!["id"]!.GetValue<string>();
    await Task.Delay(TimeSpan.FromSeconds(1.2));
    using HttpResponseMessage paused = await http.PostAsync($"campaigns/{id}/pause", null);
    paused.EnsureSuccessStatusCode();
    return id;
}

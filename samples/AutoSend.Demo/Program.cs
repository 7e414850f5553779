using System.Diagnostics;
using AutoSend.Client;
using AutoSend.Runtime;
using AutoSend.Sandbox;

// Without AUTOSEND_API_KEY: start the AutoSend sandbox on 127.0.0.1 and walk a campaign through
// create → sending → pause → resume with the generated client.
// With AUTOSEND_API_KEY: resume the campaign named on the command line in AutoSend (or at AUTOSEND_BASE_URL).
var clock = Stopwatch.StartNew();
string? apiKey = Environment.GetEnvironmentVariable("AUTOSEND_API_KEY");
string? baseUrl = Environment.GetEnvironmentVariable("AUTOSEND_BASE_URL");
bool local = string.IsNullOrEmpty(apiKey);
if (!local && args.Length == 0)
{
    Console.Error.WriteLine("Usage with AUTOSEND_API_KEY set: AutoSend.Demo <campaignId>   (the id of a paused campaign)");
    return 2;
}

// Ctrl+C cancels the call in flight: every operation takes the token right after its required arguments.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
CancellationToken ct = cancel.Token;

await using Sandbox? sandbox = local ? await Sandbox.StartAsync() : null;
using var client = new AutoSendClient(new AutoSendClientOptions
{
    ApiKey = local ? "AS_demo.sandbox-key" : apiKey,
    BaseAddress = sandbox?.BaseAddress ?? (string.IsNullOrEmpty(baseUrl) ? null : new Uri(baseUrl)),
});
Console.WriteLine($"Connecting to {client.BaseAddress} ({(local ? "the local sandbox; set AUTOSEND_API_KEY to call AutoSend itself" : "AutoSend, with the key in AUTOSEND_API_KEY")})");

try
{
    if (!local)
    {
        Campaign resumed = (await client.Campaigns.ResumeAsync(args[0], ct)).Data;
        Step(clock, $"Resumed campaign {resumed.Id}: status {resumed.Status}, send mode {resumed.SendMode}");
        return 0;
    }

    Campaign campaign = (await client.Campaigns.CreateAsync(new CreateCampaignRequest
    {
        Name = "Spring Sale",
        Subject = "Don't miss our Spring Sale!",
        HtmlTemplate = "<p>Up to 50% off this weekend only.</p>",
        ToLists = ["60d5ec49f1b2c72d9c8b1111"],
        SendMode = CampaignSendMode.Gradual,
        GradualStrategy = GradualStrategy.Fixed,
        DailyBatchSize = 500,
        SendNow = true,
    }, ct)).Data;
    Step(clock, $"Created campaign {campaign.Id} \"{campaign.Name}\": status {campaign.Status}, send mode {campaign.SendMode}");
    Console.WriteLine($"           first response {clock.ElapsedMilliseconds} ms after start");
    string id = campaign.Id!;

    // The sandbox starts sending a second after creation (AutoSend waits about two minutes).
    int polls = 0;
    while (campaign.Status != CampaignStatus.SendingGradual)
    {
        await Task.Delay(250, ct);
        campaign = (await client.Campaigns.GetAsync(id, ct)).Data;
        polls++;
    }

    Step(clock, $"Sending: status {campaign.Status} ({polls} polls)");
    // WithRawResponse: the same call, with the status code and the response headers the spec declares.
    AutoSendResponse<CampaignResponse> paused = await client.Campaigns.WithRawResponse.PauseAsync(id, ct);
    campaign = paused.Value.Data;
    Step(clock, $"Paused: status {campaign.Status}, paused at {campaign.PausedAt:u} (HTTP {paused.StatusCode}, rate-limit remaining {paused.RateLimitRemaining?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not sent"})");
    campaign = (await client.Campaigns.ResumeAsync(id, ct)).Data;
    Step(clock, $"Resumed: status {campaign.Status}, send mode {campaign.SendMode}, resumed at {campaign.ResumedAt:u}");

    try
    {
        await client.Campaigns.ResumeAsync(id, ct);
    }
    catch (ApiException error)
    {
        Step(clock, $"Resuming again is refused: HTTP {(int)error.StatusCode} {error.ErrorCode}: {error.ErrorMessage}");
    }

    return 0;
}
catch (Exception error) when (error is ApiConnectionException or ApiTimeoutException)
{
    Console.Error.WriteLine($"Could not reach {client.BaseAddress}: {error.Message}");
    return 1;
}
catch (ApiException error)
{
    Console.Error.WriteLine($"The API answered {(int)error.StatusCode} {error.ErrorCode}: {error.ErrorMessage ?? error.Message}");
    return 1;
}

static void Step(Stopwatch clock, string text) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F2} s] {text}");

using BenchmarkDotNet.Attributes;

namespace AutoSend.Benchmarks;

/// <summary>
/// Per-call overhead of <c>ResumeAsync</c> with the caller's HttpClient (from IHttpClientFactory, see
/// <see cref="ClientSet"/>): build the request, send it through the HttpClient pipeline to an in-memory handler that
/// answers with the documented resume response, read and deserialize the body. The baseline is the floor.
/// </summary>
[BenchmarkCategory("Calls")]
public class ResumeBenchmarks
{
    private ClientSet _clients = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clients = new ClientSet(Payloads.ResumeUtf8);
        const string uri = "https://api.autosend.com/v1/campaigns/" + Payloads.CampaignId + "/resume";
        ClientSet c = _clients;

        var handWritten = ClientSet.CheckAsync("HandWritten", c.HandWrittenHandler, () => c.HandWritten.ResumeAsync(Payloads.CampaignId), "POST", uri).GetAwaiter().GetResult();
        ClientSet.Expect("HandWritten", "status", "sending_gradual", handWritten.Data.Status.Value);
        var autoSend = ClientSet.CheckAsync("AutoSend", c.AutoSendHandler, () => c.AutoSend.Campaigns.ResumeAsync(Payloads.CampaignId), "POST", uri).GetAwaiter().GetResult();
        ClientSet.Expect("AutoSend", "status", "sending_gradual", autoSend.Data.Status.Value);
        ClientSet.Expect("AutoSend", "updatedAt", new DateTimeOffset(2026, 3, 15, 14, 30, 0, TimeSpan.Zero), autoSend.Data.UpdatedAt);
        var kiota = ClientSet.CheckAsync("Kiota", c.KiotaHandler, () => c.Kiota.Campaigns[Payloads.CampaignId].Resume.PostAsync(), "POST", uri).GetAwaiter().GetResult();
        ClientSet.Expect("Kiota", "id", Payloads.CampaignId, kiota?.Data?.Id);
        var refit = ClientSet.CheckAsync("Refit", c.RefitHandler, () => c.Refit.ResumeAsync(Payloads.CampaignId), "POST", uri).GetAwaiter().GetResult();
        ClientSet.Expect("Refit", "status", "sending_gradual", refit.Data.Status.Value);
        var nswag = ClientSet.CheckAsync("NSwag", c.NSwagHandler, () => c.NSwag.ResumeCampaignAsync(Payloads.CampaignId, null), "POST", uri).GetAwaiter().GetResult();
        ClientSet.Expect("NSwag", "id", Payloads.CampaignId, nswag.Data.Id);
    }

    [GlobalCleanup]
    public void Cleanup() => _clients.Dispose();

    [Benchmark(Baseline = true, Description = "HandWritten")]
    public Task HandWritten() => _clients.HandWritten.ResumeAsync(Payloads.CampaignId);

    [Benchmark(Description = "AutoSend")]
    public Task AutoSend() => _clients.AutoSend.Campaigns.ResumeAsync(Payloads.CampaignId);

    [Benchmark(Description = "Kiota")]
    public Task Kiota() => _clients.Kiota.Campaigns[Payloads.CampaignId].Resume.PostAsync();

    [Benchmark(Description = "Refit")]
    public Task Refit() => _clients.Refit.ResumeAsync(Payloads.CampaignId);

    [Benchmark(Description = "NSwag")]
    public Task NSwag() => _clients.NSwag.ResumeCampaignAsync(Payloads.CampaignId, null);
}

/// <summary>
/// <c>ResumeAsync</c> with the client's own HttpClient: the floor creates <c>new HttpClient()</c>, ours creates its
/// own as the README shows (<c>new AutoSendClient(options)</c>). Nobody can put an in-memory handler under those, so
/// both talk HTTP/1.1 to <see cref="LoopbackServer"/> on 127.0.0.1: the time includes the same loopback round trip for
/// both (which narrows the ratio), the bytes are the clients' alone (the server allocates nothing per request).
/// </summary>
[BenchmarkCategory("Calls")]
public class OwnHttpClientBenchmarks
{
    private LoopbackServer _server = null!;
    private Bench.HandWritten.HandWrittenClient _handWritten = null!;
    private global::AutoSend.Client.AutoSendClient _autoSend = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackServer(Payloads.ResumeUtf8);
        _handWritten = new Bench.HandWritten.HandWrittenClient(_server.BaseAddress, ClientSet.ApiKey);
        _autoSend = new global::AutoSend.Client.AutoSendClient(new global::AutoSend.Client.AutoSendClientOptions { ApiKey = ClientSet.ApiKey, BaseAddress = _server.BaseAddress });
        ClientSet.Expect("HandWritten", "status", "sending_gradual", _handWritten.ResumeAsync(Payloads.CampaignId).GetAwaiter().GetResult().Data.Status.Value);
        ClientSet.Expect("AutoSend", "status", "sending_gradual", _autoSend.Campaigns.ResumeAsync(Payloads.CampaignId).GetAwaiter().GetResult().Data.Status.Value);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handWritten.Dispose();
        _autoSend.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HandWritten")]
    public Task HandWritten() => _handWritten.ResumeAsync(Payloads.CampaignId);

    [Benchmark(Description = "AutoSend")]
    public Task AutoSend() => _autoSend.Campaigns.ResumeAsync(Payloads.CampaignId);
}

/// <summary>
/// <c>GET /campaigns?page=1&amp;limit=100</c> answered with a page of 100 campaigns: deserialization dominates.
/// </summary>
[BenchmarkCategory("Calls")]
public class ListBenchmarks
{
    private ClientSet _clients = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clients = new ClientSet(Payloads.ListUtf8);
        const string uri = "https://api.autosend.com/v1/campaigns?page=1&limit=100";
        ClientSet c = _clients;

        ClientSet.Expect("HandWritten", "count", 100, ClientSet.CheckAsync("HandWritten", c.HandWrittenHandler, () => c.HandWritten.ListAsync(1, 100), "GET", uri).GetAwaiter().GetResult().Data.Campaigns.Count);
        ClientSet.Expect("AutoSend", "count", 100, ClientSet.CheckAsync("AutoSend", c.AutoSendHandler, () => c.AutoSend.Campaigns.ListAsync(page: 1, limit: 100), "GET", uri).GetAwaiter().GetResult().Data.Campaigns.Count);
        ClientSet.Expect("Kiota", "count", 100, ClientSet.CheckAsync("Kiota", c.KiotaHandler, () => c.Kiota.Campaigns.GetAsync(r => { r.QueryParameters.Page = 1; r.QueryParameters.Limit = 100; }), "GET", uri).GetAwaiter().GetResult()?.Data?.Campaigns?.Count);
        ClientSet.Expect("Refit", "count", 100, ClientSet.CheckAsync("Refit", c.RefitHandler, () => c.Refit.ListAsync(1, 100), "GET", uri).GetAwaiter().GetResult().Data.Campaigns.Count);
        ClientSet.Expect("NSwag", "count", 100, ClientSet.CheckAsync("NSwag", c.NSwagHandler, () => c.NSwag.ListCampaignsAsync(null, null, 1, 100, null, null, null, null), "GET", uri).GetAwaiter().GetResult().Data.Campaigns.Count);
    }

    [GlobalCleanup]
    public void Cleanup() => _clients.Dispose();

    [Benchmark(Baseline = true, Description = "HandWritten")]
    public Task HandWritten() => _clients.HandWritten.ListAsync(1, 100);

    [Benchmark(Description = "AutoSend")]
    public Task AutoSend() => _clients.AutoSend.Campaigns.ListAsync(page: 1, limit: 100);

    [Benchmark(Description = "Kiota")]
    public Task Kiota() => _clients.Kiota.Campaigns.GetAsync(r =>
    {
        r.QueryParameters.Page = 1;
        r.QueryParameters.Limit = 100;
    });

    [Benchmark(Description = "Refit")]
    public Task Refit() => _clients.Refit.ListAsync(1, 100);

    [Benchmark(Description = "NSwag")]
    public Task NSwag() => _clients.NSwag.ListCampaignsAsync(null, null, 1, 100, null, null, null, null);
}

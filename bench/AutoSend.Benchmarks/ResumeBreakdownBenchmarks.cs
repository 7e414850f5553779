using AutoSend.Client;
using BenchmarkDotNet.Attributes;

namespace AutoSend.Benchmarks;

/// <summary>
/// Where our per-call cost goes: the same <c>ResumeAsync</c> with the runtime's features switched off one at a time
/// (the caller's HttpClient from IHttpClientFactory; retries copy the request per attempt; timeouts link a CancellationTokenSource and start a timer per call and per
/// attempt). Not a comparison with peers: evidence for docs/benchmarks.md's profile section.
/// </summary>
[BenchmarkCategory("Breakdown")]
public class ResumeBreakdownBenchmarks
{
    private AutoSendClient _default = null!;
    private AutoSendClient _noRetries = null!;
    private AutoSendClient _noTimeouts = null!;
    private AutoSendClient _bare = null!;
    private Bench.HandWritten.HandWrittenClient _handWritten = null!;
    private readonly List<IDisposable> _disposables = [];

    [GlobalSetup]
    public void Setup()
    {
        _default = Create(_ => { });
        _noRetries = Create(o => o.MaxRetries = 0);
        _noTimeouts = Create(o =>
        {
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
        });
        _bare = Create(o =>
        {
            o.MaxRetries = 0;
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
        });
        _handWritten = new Bench.HandWritten.HandWrittenClient(Factory().CreateClient("c"), ClientSet.BaseAddress, ClientSet.ApiKey);
        foreach (AutoSendClient client in new[] { _default, _noRetries, _noTimeouts, _bare })
        {
            ClientSet.Expect("AutoSend", "status", "sending_gradual", client.Campaigns.ResumeAsync(Payloads.CampaignId).GetAwaiter().GetResult().Data.Status.Value);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (IDisposable disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "HandWritten")]
    public Task HandWritten() => _handWritten.ResumeAsync(Payloads.CampaignId);

    [Benchmark(Description = "AutoSend (defaults)")]
    public Task Defaults() => _default.Campaigns.ResumeAsync(Payloads.CampaignId);

    [Benchmark(Description = "AutoSend MaxRetries=0")]
    public Task NoRetries() => _noRetries.Campaigns.ResumeAsync(Payloads.CampaignId);

    [Benchmark(Description = "AutoSend no timeouts")]
    public Task NoTimeouts() => _noTimeouts.Campaigns.ResumeAsync(Payloads.CampaignId);

    [Benchmark(Description = "AutoSend MaxRetries=0, no timeouts")]
    public Task Bare() => _bare.Campaigns.ResumeAsync(Payloads.CampaignId);

    private AutoSendClient Create(Action<AutoSendClientOptions> configure)
    {
        HttpClient http = Factory().CreateClient("c");
        var options = new AutoSendClientOptions { ApiKey = ClientSet.ApiKey, BaseAddress = ClientSet.BaseAddress };
        configure(options);
        var client = new AutoSendClient(http, options);
        _disposables.Add(client);
        return client;
    }

    // Each client over its own handler, from IHttpClientFactory as in ResumeBenchmarks.
    private CallerHttpClients.Factory Factory()
    {
        CallerHttpClients.Factory factory = CallerHttpClients.CreateFactory(("c", new CannedResponseHandler(Payloads.ResumeUtf8)));
        _disposables.Add(factory);
        return factory;
    }
}

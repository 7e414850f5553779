using System.Text;
using AutoSend.Client;

namespace AutoSend.Client.Tests.Prism;

/// <summary>
/// One Prism server for a test collection, and a generated client pointed at it. When the collection is done, Prism is
/// stopped and its whole log is checked: no request but the deliberate negative controls may have a validation finding.
/// The Prism tests are tagged Slow: they need Node.js (and npm ci on a fresh checkout), start two Prism processes, and
/// take 10 to 25 seconds together.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public abstract class PrismFixture : IAsyncLifetime
{
    /// <summary>A project key, as AutoSend issues them (<c>AS_</c> prefix).</summary>
    public const string ApiKey = "AS_prism.e2e-test-key";

    /// <summary>The x-project-id that marks the negative controls, whose violations are expected.</summary>
    public const string NegativeControlProject = "negative-control";

    private HttpClient? _http;

    /// <summary>The running Prism.</summary>
    public PrismServer Server { get; private set; } = null!;

    /// <summary>Every request the client sent, with Prism's sl-violations verdict.</summary>
    public TrafficRecorder Traffic { get; } = new();

    /// <summary>The generated client, sending through <see cref="Traffic"/> to Prism, without retries.</summary>
    public AutoSendClient Client { get; private set; } = null!;

    /// <summary>Whether a request logged by Prism is one of the negative controls (marked by their x-project-id).</summary>
    public static bool IsNegativeControl(PrismRequestLog request) =>
        request.Headers.TryGetValue("x-project-id", out string? project) && project == NegativeControlProject;

    /// <summary>Whether Prism generates responses from the schemas (<c>--dynamic</c>) rather than serving the examples.</summary>
    protected abstract bool Dynamic { get; }

    /// <summary>The <c>--seed</c> of the dynamic server.</summary>
    protected virtual string? Seed => null;

    public async Task InitializeAsync()
    {
        Server = await PrismServer.StartAsync(Dynamic, Seed);
        _http = new HttpClient(Traffic, disposeHandler: false);
        Client = new AutoSendClient(_http, new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = Server.BaseAddress, MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        _http?.Dispose();
        if (Server is null)
        {
            return;
        }

        await Server.DisposeAsync();
        Traffic.Dispose();

        // After every test of the collection: Prism's log has no validation finding outside the negative controls. Each
        // test checks its own requests already; this also catches anything logged late. xUnit 2 reports a failure here
        // as "[Test Collection Cleanup Failure]" and a non-zero exit code; the message shows with
        // --logger "console;verbosity=detailed", and the whole log is written next to it.
        PrismRequestLog[] flagged =
        [
            .. Server.Requests.Where(r => r.Violations.Count > 0 && !IsNegativeControl(r)),
        ];

        // AUTOSEND_PRISM_LOG_DIR keeps Prism's whole log (request headers and bodies, responses) for a look afterwards.
        string? keep = Environment.GetEnvironmentVariable("AUTOSEND_PRISM_LOG_DIR");
        if (flagged.Length > 0 || !string.IsNullOrEmpty(keep))
        {
            string log = Path.Combine(string.IsNullOrEmpty(keep) ? Path.GetTempPath() : keep, $"autosend-prism-{(Dynamic ? "dynamic" : "examples")}-{Environment.ProcessId}.log");
            await File.WriteAllLinesAsync(log, Server.Lines);
        }

        if (flagged.Length > 0)
        {
            string log = Path.Combine(string.IsNullOrEmpty(keep) ? Path.GetTempPath() : keep, $"autosend-prism-{(Dynamic ? "dynamic" : "examples")}-{Environment.ProcessId}.log");
            var message = new StringBuilder($"Prism {PrismServer.Version} ({string.Join(' ', Server.Arguments)}) logged validation findings for {flagged.Length} request(s); full log: {log}\n");
            foreach (PrismRequestLog request in flagged)
            {
                message.Append(request).Append('\n');
                foreach (string line in request.Violations)
                {
                    message.Append("    ").Append(line).Append('\n');
                }
            }

            throw new InvalidOperationException(message.ToString());
        }
    }
}

/// <summary>Prism serving the spec's examples (<c>prism mock --errors</c>).</summary>
public sealed class PrismExamplesFixture : PrismFixture
{
    protected override bool Dynamic => false;
}

/// <summary>
/// Prism generating responses from the schemas (<c>prism mock --errors --dynamic --seed S</c>). The seed makes a failure
/// repeatable; AUTOSEND_PRISM_SEED picks another one (<c>none</c>: no seed, a new response every run).
/// </summary>
public sealed class PrismDynamicFixture : PrismFixture
{
    /// <summary>The seed used unless AUTOSEND_PRISM_SEED says otherwise.</summary>
    public const string DefaultSeed = "autosend";

    protected override bool Dynamic => true;

    protected override string? Seed => Environment.GetEnvironmentVariable("AUTOSEND_PRISM_SEED") switch
    {
        null or "" => DefaultSeed,
        "none" => null,
        { } seed => seed,
    };
}

[CollectionDefinition(Name)]
public sealed class PrismExamplesDefinition : ICollectionFixture<PrismExamplesFixture>
{
    public const string Name = "Prism examples server";
}

[CollectionDefinition(Name)]
public sealed class PrismDynamicDefinition : ICollectionFixture<PrismDynamicFixture>
{
    public const string Name = "Prism dynamic server";
}

/// <summary>
/// A test against Prism. After each test, every request it sent must have reached Prism without a validation finding:
/// no <c>sl-violations</c> header on the response, and no finding in Prism's log for the test's requests. Every
/// request must also have carried the bearer key, except the public <c>/jwks.json</c>, which must not.
/// </summary>
public abstract class PrismTest : IAsyncLifetime
{
    private static readonly TimeSpan s_logWait = TimeSpan.FromSeconds(10);
    private int _start;
    private int _logStart;

    protected PrismTest(PrismFixture prism)
    {
        Prism = prism;
    }

    protected PrismFixture Prism { get; }

    protected AutoSendClient Client => Prism.Client;

    /// <summary>Set by the negative controls, whose requests are meant to break the spec.</summary>
    protected bool ExpectViolations { get; set; }

    public Task InitializeAsync()
    {
        _start = Prism.Traffic.Count;
        _logStart = Prism.Server.RequestCount;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        IReadOnlyList<Exchange> exchanges = Prism.Traffic.Since(_start);
        foreach (Exchange exchange in exchanges)
        {
            string? expected = exchange.PathAndQuery.StartsWith("/jwks.json", StringComparison.Ordinal) ? null : "Bearer " + PrismFixture.ApiKey;
            Assert.True(expected == exchange.Authorization, $"{exchange}: Authorization was '{exchange.Authorization}', expected '{expected}'");
        }

        if (ExpectViolations)
        {
            return;
        }

        Assert.True(exchanges.All(e => e.Violations is null), "Prism found violations:\n" + string.Join('\n', exchanges.Where(e => e.Violations is not null)));

        // Prism's own log of the same requests (its lines may trail the responses a little).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<PrismRequestLog> logged;
        while ((logged = [.. Prism.Server.Requests.Skip(_logStart)]).Count(r => r.Responded) < exchanges.Count && clock.Elapsed < s_logWait)
        {
            await Task.Delay(20);
        }

        Assert.True(logged.Count(r => r.Responded) >= exchanges.Count, $"Prism logged {logged.Count} of the test's {exchanges.Count} requests within {s_logWait}");
        PrismRequestLog[] flagged = [.. logged.Where(r => r.Violations.Count > 0 && !PrismFixture.IsNegativeControl(r))];
        Assert.True(flagged.Length == 0, "Prism logged validation findings:\n" + string.Join('\n', flagged.Select(r => r + "\n    " + string.Join("\n    ", r.Violations))));
    }
}

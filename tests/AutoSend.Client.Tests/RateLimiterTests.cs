using System.Net;
using System.Threading.RateLimiting;
using AutoSend.Runtime;
using AutoSend.Sandbox;

namespace AutoSend.Client.Tests;

/// <summary>
/// <c>UseRateLimiter</c>, generated because this project references System.Threading.RateLimiting, against the sandbox
/// limited to 2 requests per second. Retries are off, so any 429 fails the call.
/// </summary>
public sealed class RateLimiterTests
{
    private const int Burst = 5;

    [Fact]
    public async Task A_burst_through_UseRateLimiter_is_never_answered_429()
    {
        await using Sandbox.Sandbox sandbox = await Sandbox.Sandbox.StartAsync(new SandboxOptions { RequestsPerSecond = 2 });
        // 1 permit per second against the sandbox's 2: its one-second windows begin when its first request arrives, not
        // when our bucket starts, and a loaded machine delays some sends more than others; a 429 would take three
        // requests in one window, that is two seconds of difference in delay.
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = Burst,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        using var client = new AutoSendClient(Options(sandbox).UseRateLimiter(limiter));
        // A first call starts the sandbox's window (and warms it up) through the limiter too.
        await client.Campaigns.ListAsync();

        ListCampaignsResponse[] pages = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => client.Campaigns.ListAsync()));

        Assert.All(pages, page => Assert.True(page.Success));
    }

    [Fact]
    public async Task The_same_burst_without_it_is_answered_429()
    {
        await using Sandbox.Sandbox sandbox = await Sandbox.Sandbox.StartAsync(new SandboxOptions { RequestsPerSecond = 2 });
        using var client = new AutoSendClient(Options(sandbox));

        ApiException exception = await Assert.ThrowsAnyAsync<ApiException>(
            () => Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => client.Campaigns.ListAsync())));

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
    }

    [Fact]
    public async Task A_refused_permit_ends_the_call_before_anything_is_sent()
    {
        await using Sandbox.Sandbox sandbox = await Sandbox.Sandbox.StartAsync(new SandboxOptions { RequestsPerSecond = 2 });
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        using RateLimitLease held = limiter.AttemptAcquire();
        using var client = new AutoSendClient(Options(sandbox).UseRateLimiter(limiter));

        InvalidOperationException exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Campaigns.ListAsync());

        Assert.Contains("nothing was sent", exception.Message, StringComparison.Ordinal);
    }

    private static AutoSendClientOptions Options(Sandbox.Sandbox sandbox) =>
        new() { ApiKey = "AS_limited.key", BaseAddress = sandbox.BaseAddress, MaxRetries = 0 };
}

using AutoSend.Runtime;
using AutoSend.Testing;

namespace AutoSend.Client.Tests;

/// <summary>
/// <see cref="ApiRequestOptions"/> changes one call and nothing else (docs/runtime.md, "Per-call options"): its
/// retries, its attempt timeout, an idempotency key that makes a POST retryable, extra headers on every attempt.
/// </summary>
public sealed class RequestOptionsTests
{
    private const string Id = "60d5ec49f1b2c72d9c8b4567";

    private static AutoSendClient CreateClient(LoopbackServer server) => new(new AutoSendClientOptions
    {
        ApiKey = "AS_options.key",
        BaseAddress = server.Address,
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(1),
    });

    [Fact]
    public async Task MaxRetries_of_a_call_replaces_the_clients_for_that_call_only()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(503, """{"success":false,"error":{"message":"busy"}}""");
        using AutoSendClient client = CreateClient(server);

        var once = await Assert.ThrowsAnyAsync<ApiException>(() => client.Campaigns.GetAsync(Id, requestOptions: new ApiRequestOptions { MaxRetries = 0 }));
        int afterOnce = server.RequestCount;
        var usual = await Assert.ThrowsAnyAsync<ApiException>(() => client.Campaigns.GetAsync(Id, CancellationToken.None));

        Assert.Equal(1, once.Attempts);
        Assert.Equal(1, afterOnce);
        Assert.Equal(3, usual.Attempts);
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task An_idempotency_key_makes_a_POST_retryable_and_is_sent_on_every_attempt()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(503, """{"success":false,"error":{"message":"busy"}}""");
        using AutoSendClient client = CreateClient(server);

        var plain = await Assert.ThrowsAnyAsync<ApiException>(() => client.Campaigns.ResumeAsync(Id, CancellationToken.None));
        var keyed = await Assert.ThrowsAnyAsync<ApiException>(() => client.Campaigns.ResumeAsync(Id, requestOptions: new ApiRequestOptions { IdempotencyKey = "key-1" }));

        Assert.Equal(1, plain.Attempts);   // a POST is not sent twice without a key
        Assert.Equal(3, keyed.Attempts);
        Assert.False(server.Requests[0].Headers.ContainsKey("idempotency-key"));
        Assert.All(server.Requests.Skip(1), r => Assert.Equal("key-1", r.Headers["idempotency-key"]));
    }

    [Fact]
    public async Task Extra_headers_are_sent_on_every_attempt()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(503, """{"success":false,"error":{"message":"busy"}}""");
        using AutoSendClient client = CreateClient(server);

        await Assert.ThrowsAnyAsync<ApiException>(() => client.Campaigns.GetAsync(Id, requestOptions: new ApiRequestOptions { Headers = { ["X-Trace-Id"] = "t-9" } }));

        Assert.Equal(3, server.RequestCount);
        Assert.All(server.Requests, r => Assert.Equal("t-9", r.Headers["x-trace-id"]));
    }

    [Fact]
    public async Task The_timeout_of_a_call_replaces_the_clients_attempt_timeout()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(MisbehavingResponses.Hang());
        using AutoSendClient client = CreateClient(server);
        TimeSpan perCall = TimeSpan.FromMilliseconds(300);

        var error = await Assert.ThrowsAsync<ApiTimeoutException>(() =>
            client.Campaigns.ResumeAsync(Id, requestOptions: new ApiRequestOptions { Timeout = perCall, MaxRetries = 0 }));

        Assert.Equal(perCall, error.Timeout);
        Assert.False(error.IsTotalTimeout);
    }

    [Fact]
    public void Request_options_start_empty()
    {
        var options = new ApiRequestOptions();

        Assert.Empty(options.Headers);
        Assert.Null(options.Timeout);
        Assert.Null(options.MaxRetries);
        Assert.Null(options.IdempotencyKey);
    }
}

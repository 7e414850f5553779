using AutoSend.Runtime.Primitives;
using System.Net;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;
using static AutoSend.Testing.MisbehavingResponses;

namespace AutoSend.Runtime.Tests;

/// <summary>A hung server ends in ApiTimeoutException; the caller's cancellation in OperationCanceledException with its token.</summary>
public sealed class TimeoutAndCancellationTests
{
    [Fact]
    public async Task A_hung_server_ends_in_ApiTimeoutException_after_the_attempt_timeout()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Hang());
        using ApiConnection connection = TestApi.Connect(server, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 0;
        });

        (ApiTimeoutException exception, TimeSpan elapsed) = await TestApi.FailsAsync<ApiTimeoutException>(() => connection.GetAsync());

        Assert.Equal(TimeSpan.FromSeconds(1), exception.Timeout);
        Assert.False(exception.IsTotalTimeout);
        Assert.Equal((HttpStatusCode)0, exception.StatusCode);
        Assert.Contains("timed out", exception.Message, StringComparison.Ordinal);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(20));
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task A_body_that_stops_arriving_times_out_with_the_status_known()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(HangMidBody("""{"id":"it_1","""));
        using ApiConnection connection = TestApi.Connect(server, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.MaxRetries = 0;
        });

        (ApiTimeoutException exception, TimeSpan elapsed) = await TestApi.FailsAsync<ApiTimeoutException>(() => connection.GetAsync());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_timed_out_GET_is_retried_and_a_timed_out_POST_is_not()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Hang());
        using ApiConnection connection = TestApi.Connect(server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(500);
            o.MaxRetries = 2;
        });

        (ApiTimeoutException get, _) = await TestApi.FailsAsync<ApiTimeoutException>(() => connection.GetAsync());
        Assert.Equal(3, get.Attempts);
        await WaitForAsync(() => server.RequestCount == 3);

        (ApiTimeoutException post, _) = await TestApi.FailsAsync<ApiTimeoutException>(() => connection.PostAsync());
        Assert.Equal(1, post.Attempts);
        await WaitForAsync(() => server.RequestCount >= 4);
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_call_whatever_the_retries()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Hang());
        using ApiConnection connection = TestApi.Connect(server, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.TotalTimeout = TimeSpan.FromSeconds(2.5);
            o.MaxRetries = 10;
        });

        (ApiTimeoutException exception, TimeSpan elapsed) = await TestApi.FailsAsync<ApiTimeoutException>(() => connection.GetAsync());

        Assert.InRange(elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        Assert.InRange(exception.Attempts, 2, 4);
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task The_total_timeout_alone_gives_an_ApiTimeoutException_marked_as_total()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Hang());
        using ApiConnection connection = TestApi.Connect(server, o =>
        {
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = TimeSpan.FromSeconds(1);
        });

        (ApiTimeoutException exception, TimeSpan elapsed) = await TestApi.FailsAsync<ApiTimeoutException>(() => connection.GetAsync());

        Assert.True(exception.IsTotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), exception.Timeout);
        Assert.Equal(1, exception.Attempts);
        Assert.True(elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_callers_HttpClient_Timeout_is_reported_as_ApiTimeoutException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Hang());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        using ApiConnection connection = TestApi.Connect(server.Address, o =>
        {
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.MaxRetries = 0;
        }, httpClient: http);

        (ApiTimeoutException exception, _) = await TestApi.FailsAsync<ApiTimeoutException>(() => connection.GetAsync());

        Assert.Equal(TimeSpan.FromSeconds(1), exception.Timeout);
    }

    [Fact]
    public async Task The_callers_cancellation_throws_OperationCanceledException_with_the_callers_token()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Hang());
        using ApiConnection connection = TestApi.Connect(server, o => o.Timeout = TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource();
        Task cancel = CancelOnceAsync(cancellation, () => server.RequestCount == 1);

        OperationCanceledException exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.GetAsync(cancellationToken: cancellation.Token));

        await cancel;
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Cancellation_during_the_wait_between_attempts_throws_OperationCanceledException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(429, "", null, ("Retry-After", "20")));
        using ApiConnection connection = TestApi.Connect(server);
        using var cancellation = new CancellationTokenSource();
        Task cancel = CancelOnceAsync(cancellation, () => server.RequestCount == 1);

        (OperationCanceledException exception, TimeSpan elapsed) = await TestApi.FailsAsync<OperationCanceledException>(() => connection.GetAsync(cancellationToken: cancellation.Token));

        await cancel;
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.True(elapsed < TimeSpan.FromSeconds(15));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_callers_token_canceled_after_its_call_does_not_reach_later_calls()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson));
        // No retries: a retry would hide an attempt canceled by an earlier call's token.
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 0);

        for (int i = 0; i < 20; i++)
        {
            using var cancellation = new CancellationTokenSource();
            Item item = await connection.GetAsync(cancellationToken: cancellation.Token);
            Assert.Equal("it_1", item.Id);

            // The attempt's timer is kept for later attempts (of any call in the process): it must no longer listen
            // to this token.
            cancellation.Cancel();
        }

        Assert.Equal(20, server.RequestCount);
    }

    [Fact]
    public async Task A_token_given_to_a_token_provider_is_not_canceled_by_later_calls()
    {
        // Ten answered requests, then one that hangs until it is canceled.
        RequestDelegate answer = Respond(200, TestApi.ItemJson), hang = Hang();
        int requests = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(context => Interlocked.Increment(ref requests) <= 10 ? answer(context) : hang(context));
        var seen = new List<CancellationToken>();
        TestClientOptions options = TestApi.Options(server.Address, o => o.MaxRetries = 0);
        using var connection = new ApiConnection(null, options, null, ApiAuthentication.Bearer(token =>
        {
            lock (seen)
            {
                seen.Add(token);
            }

            return new ValueTask<string?>("t");
        }), "ua", "Tests.ItemsClient");

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal("it_1", (await connection.GetAsync(cancellationToken: CancellationToken.None)).Id);
        }

        // A later call whose attempt its caller cancels.
        using var cancellation = new CancellationTokenSource();
        Task<Item> canceled = connection.GetAsync(cancellationToken: cancellation.Token);
        await CancelOnceAsync(cancellation, () => server.RequestCount == 11);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);

        // A provider may keep its token (a refresh it started, say): what it holds must stay un-canceled.
        lock (seen)
        {
            Assert.Equal(11, seen.Count);
            Assert.All(seen.Take(10), token => Assert.False(token.IsCancellationRequested));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(2_147_483_648.0)]
    [InlineData(30.0 * 24 * 3600 * 1000)]
    public void A_timeout_that_is_not_positive_or_too_long_for_a_timer_is_refused_when_set(double milliseconds)
    {
        var options = new TestClientOptions();
        TimeSpan value = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = value);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.TotalTimeout = value);
        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(() => options.StreamIdleTimeout = value);
        Assert.Contains("at most 24 days", exception.Message, StringComparison.Ordinal);
        var perCall = new ApiRequestOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => perCall.Timeout = value);
        Assert.Throws<ArgumentOutOfRangeException>(() => perCall.StreamIdleTimeout = value);
        perCall.Timeout = null;
        Assert.Null(perCall.Timeout);
    }

    [Fact]
    public async Task The_longest_accepted_timeout_works_in_a_call()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson));
        using ApiConnection connection = TestApi.Connect(server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(int.MaxValue);
            o.TotalTimeout = TimeSpan.FromMilliseconds(int.MaxValue);
        });

        Assert.Equal("it_1", (await connection.GetAsync()).Id);
    }

    [Fact]
    public async Task An_already_canceled_token_sends_nothing()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson));
        using ApiConnection connection = TestApi.Connect(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.GetAsync(cancellationToken: new CancellationToken(true)));

        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(100_000)]
    public async Task Cancellation_mid_body_releases_the_connection(int? contentLength)
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodySent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(
            HangMidBody("""{"id":"it_1","count":""", aborted, contentLength, bodySent),
            Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);
        using var cancellation = new CancellationTokenSource();
        Task cancel = CancelOnceAsync(cancellation, () => bodySent.Task.IsCompleted);

        OperationCanceledException exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.GetAsync(cancellationToken: cancellation.Token));

        await cancel;
        Assert.True(bodySent.Task.IsCompleted);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        // The server sees the connection go away: the client closed it rather than leaving it half-read in its pool.
        Assert.Same(aborted.Task, await Task.WhenAny(aborted.Task, Task.Delay(TimeSpan.FromSeconds(30))));
        Item item = await connection.GetAsync();
        Assert.Equal("it_1", item.Id);
    }

    /// <summary>
    /// Cancels once the server is where the test needs it (or after ten seconds): a fixed timer can fire on a loaded
    /// machine before the request reaches the server, and the test would then check a request that never arrived.
    /// </summary>
    private static async Task CancelOnceAsync(CancellationTokenSource cancellation, Func<bool> serverIsReady)
    {
        await WaitForAsync(serverIsReady);
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        cancellation.Cancel();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}

using AutoSend.Runtime.Primitives;
using System.Globalization;
using System.Net;
using System.Text;
using AutoSend.Testing;
using static AutoSend.Testing.MisbehavingResponses;

namespace AutoSend.Runtime.Tests;

/// <summary>Which failures are retried, how often, after how long, and that unsafe requests are never duplicated.</summary>
public sealed class RetryTests
{
    private const string RateLimited = """{"success":false,"error":{"message":"Rate limit exceeded","code":"RATE_LIMIT_EXCEEDED"}}""";

    [Fact]
    public async Task A_429_with_Retry_After_seconds_is_retried_after_that_wait()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(
            Respond(429, RateLimited, "application/json", ("Retry-After", "1")),
            Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        Item item = await connection.GetAsync();

        Assert.Equal("it_1", item.Id);
        Assert.Equal(2, server.RequestCount);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_429_with_Retry_After_as_an_HTTP_date_is_retried_after_that_time()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(
            async context =>
            {
                // HTTP dates have whole seconds: two seconds ahead means a wait of more than one.
                context.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", CultureInfo.InvariantCulture);
                await Respond(429, RateLimited)(context);
            },
            Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await connection.GetAsync();

        Assert.Equal(2, server.RequestCount);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_429_with_X_RateLimit_Reset_waits_until_that_Unix_time()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(
            async context =>
            {
                context.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                await Respond(429, RateLimited)(context);
            },
            Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await connection.GetAsync();

        Assert.Equal(2, server.RequestCount);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_429_with_a_declared_body_hint_is_retried_after_that_many_seconds_even_for_a_POST()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(
            Respond(429, """{"success":false,"error":{"message":"Rate limit exceeded","code":"RATE_LIMIT_EXCEEDED","retryAfter":1}}"""),
            Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await connection.ResumeAsync();

        Assert.Equal(2, server.RequestCount);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(30));
    }

    // What the exception reports as the server's hint, with retries off so nothing waits.
    [Theory]
    [InlineData("""{"error":{"retryAfter":30}}""", null, 30.0, 30.0)]
    [InlineData("""{"error":{"retryAfter":"45"}}""", null, 45.0, 45.0)]
    [InlineData("""{"retryAfter":12.5}""", null, 12.5, 12.5)]
    [InlineData("""{"error":{"retryAfter":"EPOCH+40"}}""", null, 30.0, 41.0)]
    [InlineData("""{"error":{"retryAfter":EPOCH+40}}""", null, 30.0, 41.0)]
    [InlineData("""{"error":{"retryAfter":30}}""", "7", 7.0, 7.0)]
    [InlineData("""{"error":{"message":"no hint"}}""", null, null, null)]
    [InlineData("""<html>not json</html>""", null, null, null)]
    public async Task The_retry_hint_comes_from_Retry_After_first_then_the_declared_body_field(string body, string? retryAfter, double? minSeconds, double? maxSeconds)
    {
        body = body.Replace("EPOCH+40", DateTimeOffset.UtcNow.AddSeconds(40).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        (string, string)[] headers = retryAfter is null ? [] : [("Retry-After", retryAfter)];
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(429, body, "application/json", headers));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 0);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.ResumeAsync());

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        if (minSeconds is null)
        {
            Assert.Null(exception.RetryAfter);
        }
        else
        {
            Assert.NotNull(exception.RetryAfter);
            Assert.InRange(exception.RetryAfter.Value.TotalSeconds, minSeconds.Value, maxSeconds!.Value);
        }

        Assert.Equal(1, server.RequestCount);
        TestApi.AssertNoSecret(exception);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task A_GET_is_retried_on_a_transient_status_until_MaxRetries(int status)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(status, """{"success":false,"error":{"message":"Try later"}}""",
            "application/json", ("X-Request-Id", "req-42")));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 2);

        (ApiException<Problem> exception, TimeSpan elapsed) = await TestApi.FailsAsync<ApiException<Problem>>(() => connection.GetAsync());

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(3, exception.Attempts);
        Assert.Contains("after 3 attempts", exception.Message, StringComparison.Ordinal);
        Assert.Equal("Try later", exception.ErrorMessage);
        Assert.Equal("req-42", exception.RequestId);
        Assert.True(elapsed < TimeSpan.FromSeconds(30));
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task A_GET_that_gets_a_503_then_a_200_succeeds()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(Respond(503, "", null), Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);

        Item item = await connection.GetAsync();

        Assert.Equal(3, item.Count);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_calls_own_MaxRetries_applies_to_a_request_the_connection_made_and_to_one_made_elsewhere(bool madeByConnection)
    {
        // The connection's requests carry a call's overrides in a field, other requests in their options: both count.
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(503, "", null));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 3);
        HttpRequestMessage request = madeByConnection
            ? connection.CreateRequest(HttpMethod.Get, "items/it_1")
            : new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "items/it_1"));
        ApiConnection.ApplyRequestOptions(request, new ApiRequestOptions { MaxRetries = 1 });

        ApiException exception = await Assert.ThrowsAnyAsync<ApiException>(() => connection.SendAsync(request, TestApi.GetItem, default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(500)]
    public async Task A_POST_is_not_retried_on_a_status_after_which_the_server_may_have_processed_it(int status)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(status, """{"success":false,"error":{"message":"Unavailable"}}"""));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 3);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException<Problem>>(() => connection.PostAsync());

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, exception.Attempts);
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task A_500_is_not_retried_even_for_a_GET()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(500, """{"message":"boom"}"""));
        using ApiConnection connection = TestApi.Connect(server);

        await TestApi.FailsAsync<ApiException<Problem>>(() => connection.GetAsync());

        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_POST_is_retried_on_429_with_the_same_body_and_headers()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(Respond(429, RateLimited), Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);

        await connection.PostAsync();

        Assert.Equal(2, server.Requests.Count);
        RecordedRequest first = server.Requests[0], second = server.Requests[1];
        Assert.Equal("""{"name":"first"}""", Encoding.UTF8.GetString(second.Body));
        Assert.Equal(first.Body, second.Body);
        Assert.Equal("Bearer " + TestApi.ApiKey, second.Headers["authorization"]);
        Assert.Equal("application/json", second.Headers["accept"]);
        Assert.Equal("AutoSend.Runtime.Tests/1.0", second.Headers["user-agent"]);
        Assert.Equal("application/json; charset=utf-8", second.Headers["content-type"]);
        Assert.Equal(first.Line, second.Line);
    }

    [Fact]
    public async Task A_retry_carries_neither_the_headers_handlers_added_to_the_last_attempt_nor_a_second_query_key()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(Respond(429, RateLimited), Respond(429, RateLimited), Respond(200, TestApi.ItemJson)));
        var options = TestApi.Options(server.Address);
        using var httpClient = new HttpClient(new AddsHeaderHandler { InnerHandler = new SocketsHttpHandler() });
        using var connection = new ApiConnection(httpClient, options, null, ApiAuthentication.ApiKeyQuery("key", "k1"), "AutoSend.Runtime.Tests/1.0", "Tests.ItemsClient");

        await connection.GetAsync();

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("added", r.Headers["x-added-by-handler"]);
            Assert.Equal("AutoSend.Runtime.Tests/1.0", r.Headers["user-agent"]);
            Assert.Equal("application/json", r.Headers["accept"]);
            Assert.Equal("/items/it_1?q=private-query&key=k1", r.Target);
        });
    }

    /// <summary>A handler that adds a header to every message it sends, as tracing or signing handlers do.</summary>
    private sealed class AddsHeaderHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Added-By-Handler", "added");
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task A_POST_with_an_Idempotency_Key_is_retried_on_503_with_the_same_key()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(Respond(503, ""), Respond(503, ""), Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);

        await connection.PostAsync(idempotencyKey: "key-1");

        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("key-1", r.Headers["idempotency-key"]));
    }

    [Fact]
    public async Task A_POST_marked_AsIdempotent_is_retried_on_503()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(503, ""));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 2);

        await TestApi.FailsAsync<ApiException>(() =>
            connection.SendAsync(connection.CreateRequest(HttpMethod.Post, "items/it_1/replace"), TestApi.ReplaceItem, default));

        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task MaxRetries_zero_sends_once()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(503, ""));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 0);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, exception.Attempts);
    }

    [Fact]
    public async Task A_body_that_cannot_be_sent_again_is_not_retried()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(429, RateLimited));
        using ApiConnection connection = TestApi.Connect(server);
        HttpRequestMessage request = connection.CreateRequest(HttpMethod.Post, "items");
        request.Content = new StreamContent(new MemoryStream("""{"name":"streamed"}"""u8.ToArray()));

        await TestApi.FailsAsync<ApiException>(() => connection.SendAsync(request, TestApi.CreateItem, default));

        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_wait_longer_than_MaxRetryDelay_is_not_made_and_the_hint_is_reported()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(429, RateLimited, "application/json", ("Retry-After", "120")));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetryDelay = TimeSpan.FromSeconds(10));

        (ApiException exception, TimeSpan elapsed) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.True(elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_wait_past_the_total_timeout_is_not_made()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(503, "", null, ("Retry-After", "3")));
        using ApiConnection connection = TestApi.Connect(server, o => o.TotalTimeout = TimeSpan.FromSeconds(2));

        (ApiException exception, TimeSpan elapsed) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.True(elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Connection_refused_is_retried_for_a_POST_too_since_nothing_was_sent()
    {
        using ApiConnection connection = TestApi.Connect(ClosedPort(), o => o.MaxRetries = 2);

        (ApiConnectionException exception, _) = await TestApi.FailsAsync<ApiConnectionException>(() => connection.PostAsync());

        Assert.False(exception.RequestSent);
        Assert.Equal(3, exception.Attempts);
        Assert.Equal((HttpStatusCode)0, exception.StatusCode);
        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Contains("could not connect", exception.Message, StringComparison.Ordinal);
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task A_connection_dropped_after_the_request_is_retried_for_a_GET()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(CloseWithoutResponse(), Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);

        await connection.GetAsync();

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_connection_dropped_after_the_request_is_not_retried_for_a_POST()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(CloseWithoutResponse());
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 3);

        (ApiConnectionException exception, _) = await TestApi.FailsAsync<ApiConnectionException>(() => connection.PostAsync());

        Assert.True(exception.RequestSent);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(1, exception.Attempts);
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task Each_attempt_waits_for_the_rate_limiter_and_releases_its_permit()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(Respond(429, RateLimited), Respond(200, TestApi.ItemJson)));
        int acquired = 0, released = 0;
        using ApiConnection connection = TestApi.Connect(server, o => o.RateLimiter = _ =>
        {
            Interlocked.Increment(ref acquired);
            return ValueTask.FromResult<IDisposable?>(new Release(() => Interlocked.Increment(ref released)));
        });

        await connection.GetAsync();

        Assert.Equal(2, acquired);
        Assert.Equal(2, released);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_rate_limiter_that_refuses_ends_the_call_with_its_exception_and_sends_nothing()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson));
        using ApiConnection connection = TestApi.Connect(server, o => o.RateLimiter = _ => throw new InvalidOperationException("queue full"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => connection.GetAsync());

        Assert.Equal(0, server.RequestCount);
    }

    // The documented example: System.Threading.RateLimiting's token bucket at 2 requests per second.
    [Fact]
    public async Task The_documented_token_bucket_spaces_calls_at_two_per_second()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson));
        using var limiter = new System.Threading.RateLimiting.TokenBucketRateLimiter(new System.Threading.RateLimiting.TokenBucketRateLimiterOptions
        {
            TokenLimit = 2,
            TokensPerPeriod = 2,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = System.Threading.RateLimiting.QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        using ApiConnection connection = TestApi.Connect(server, o => o.RateLimiter = async cancellationToken =>
        {
            System.Threading.RateLimiting.RateLimitLease lease = await limiter.AcquireAsync(1, cancellationToken);
            if (!lease.IsAcquired)
            {
                lease.Dispose();
                throw new InvalidOperationException("The rate limiter's queue is full.");
            }

            return lease;
        });
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => connection.GetAsync()));

        // Two at once, then two per second: five calls cannot all be done before the second replenishment.
        Assert.Equal(5, server.RequestCount);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(60));
    }

    private sealed class Release(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AutoSend.Client;
using AutoSend.Runtime;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace AutoSend.Client.Tests;

/// <summary>
/// The generated <c>AddAutoSendClient</c> with a real <see cref="ServiceCollection"/>, IHttpClientFactory and (where
/// named) the real standard resilience handler, against Kestrel on loopback.
/// </summary>
public sealed class DependencyInjectionTests
{
    private const string CampaignId = "60d5ec49f1b2c72d9c8b4567";
    private const string ApiKey = "AS_di.secret-key-value";

    [Fact]
    public async Task The_typed_client_resumes_a_campaign_end_to_end()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ResumeCampaignTests.ResumeResponse);
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddAutoSendClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = new Uri(server.Address, "v1");
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        AutoSendClient client = provider.GetRequiredService<AutoSendClient>();
        CampaignResponse response = await client.Campaigns.ResumeAsync(CampaignId);

        Assert.Equal("AutoSendClient", builder.Name);
        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST /v1/campaigns/60d5ec49f1b2c72d9c8b4567/resume", request.Line);
        Assert.Equal("Bearer " + ApiKey, request.Headers["authorization"]);
        Assert.Equal(CampaignStatus.SendingGradual, response.Data.Status);
    }

    [Fact]
    public async Task Without_a_base_address_in_the_options_the_http_clients_address_is_used()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ResumeCampaignTests.ResumeResponse);
        var services = new ServiceCollection();
        services.AddAutoSendClient(o => o.ApiKey = ApiKey).ConfigureHttpClient(http => http.BaseAddress = new Uri(server.Address, "api/v1/"));
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<AutoSendClient>().Campaigns.ResumeAsync(CampaignId);

        Assert.Equal("POST /api/v1/campaigns/60d5ec49f1b2c72d9c8b4567/resume", Assert.Single(server.Requests).Line);
    }

    [Fact]
    public async Task Options_are_bound_from_configuration_then_from_the_lambda()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(503, """{"error":{"message":"down"}}""");
        IConfiguration configuration = Configuration(new()
        {
            ["AutoSend:ApiKey"] = ApiKey,
            ["AutoSend:BaseAddress"] = new Uri(server.Address, "v2").ToString(),
            ["AutoSend:MaxRetries"] = "1",
            ["AutoSend:Timeout"] = "00:00:07",
            ["AutoSend:TotalTimeout"] = "Infinite",
            ["AutoSend:RetryDelay"] = "00:00:00.010",
            ["AutoSend:MaxResponseBodyBytes"] = "1048576",
            ["AutoSend:UserAgent"] = "from-configuration",
        });
        var services = new ServiceCollection();
        services.AddAutoSendClient(configuration.GetSection("AutoSend"), o => o.UserAgent = "from-code");
        await using ServiceProvider provider = services.BuildServiceProvider();

        AutoSendClient client = provider.GetRequiredService<AutoSendClient>();
        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.Campaigns.GetAsync(CampaignId));

        AutoSendClientOptions options = provider.GetRequiredService<IOptionsMonitor<AutoSendClientOptions>>().Get("AutoSendClient");
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.TotalTimeout);
        Assert.Equal(1048576, options.MaxResponseBodyBytes);
        Assert.Equal(new Uri(server.Address, "v2/"), client.BaseAddress);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("GET /v2/campaigns/60d5ec49f1b2c72d9c8b4567", r.Line);
            Assert.Equal("Bearer " + ApiKey, r.Headers["authorization"]);
            Assert.Equal("from-code", r.Headers["user-agent"]);
        });
    }

    [Theory]
    [InlineData("MaxRetries", "many")]
    [InlineData("Timeout", "soon")]
    [InlineData("BaseAddress", "not a uri")]
    [InlineData("AllowInsecureHttp", "yes")]
    [InlineData("MaxRetries", "-1")]
    public void A_bad_configuration_value_fails_naming_the_key_but_not_the_value(string key, string value)
    {
        IConfiguration configuration = Configuration(new() { ["AutoSend:ApiKey"] = ApiKey, ["AutoSend:" + key] = value });
        var services = new ServiceCollection();
        services.AddAutoSendClient(configuration.GetSection("AutoSend"));
        using ServiceProvider provider = services.BuildServiceProvider();

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<AutoSendClient>());

        Assert.Contains("'AutoSend:" + key + "'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task With_the_standard_resilience_handler_only_the_handler_retries(bool handlerAddedAsDefault)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(503, """{"error":{"message":"down"}}""");
        var services = new ServiceCollection();
        if (handlerAddedAsDefault)
        {
            // Registered before AddAutoSendClient, for every HttpClient of the application.
            services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(FastRetries));
        }

        IHttpClientBuilder builder = services.AddAutoSendClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = new Uri(server.Address, "v1");
            o.MaxRetries = 3;
            o.RetryDelay = TimeSpan.FromMilliseconds(5);
        });
        if (!handlerAddedAsDefault)
        {
            // Registered after AddAutoSendClient, on its builder: the usual spelling.
            builder.AddStandardResilienceHandler(FastRetries);
        }

        await using ServiceProvider provider = services.BuildServiceProvider();
        AutoSendClient client = provider.GetRequiredService<AutoSendClient>();

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => client.Campaigns.GetAsync(CampaignId));

        // 1 + the handler's MaxRetryAttempts (2), not multiplied by the client's own 1 + 3.
        Assert.Equal(3, server.RequestCount);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(0, provider.GetRequiredService<IOptionsMonitor<AutoSendClientOptions>>().Get(builder.Name).MaxRetries);
    }

    [Fact]
    public async Task Without_a_resilience_handler_the_client_retries()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(503, """{"error":{"message":"down"}}""");
        var services = new ServiceCollection();
        services.AddAutoSendClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = new Uri(server.Address, "v1");
            o.MaxRetries = 2;
            o.RetryDelay = TimeSpan.FromMilliseconds(5);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        ApiException error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<AutoSendClient>().Campaigns.GetAsync(CampaignId));

        Assert.Equal(3, server.RequestCount);
        Assert.Equal(3, error.Attempts);
    }

    [Fact]
    public async Task Log_entries_reach_ILogger_without_the_key()
    {
        int requests = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            bool first = Interlocked.Increment(ref requests) == 1;
            context.Response.StatusCode = first ? 503 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(first ? """{"error":{"message":"down"}}""" : ResumeCampaignTests.ResumeResponse);
        });
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddAutoSendClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = new Uri(server.Address, "v1");
            o.RetryDelay = TimeSpan.FromMilliseconds(5);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<AutoSendClient>().Campaigns.GetAsync(CampaignId);

        CapturedLog[] mine = logs.Entries.Where(e => e.Category == "AutoSend.Client.AutoSendClient").ToArray();
        Assert.Collection(mine,
            retry =>
            {
                Assert.Equal(LogLevel.Warning, retry.Level);
                Assert.Equal(new EventId(ApiLogEntry.RetryScheduledId, ApiLogEntry.RetryScheduledName), retry.EventId);
                Assert.Contains("HTTP 503", retry.Message, StringComparison.Ordinal);
            },
            success =>
            {
                Assert.Equal(LogLevel.Debug, success.Level);
                Assert.Equal(ApiLogEntry.RequestSucceededId, success.EventId.Id);
                Assert.Equal(ApiLogEntry.RequestSucceededName, success.EventId.Name);
            });
        // Every entry of the application, the HttpClient factory's own included, is free of the key.
        Assert.True(logs.Entries.Length > mine.Length);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(ApiKey, e.Message + e.Exception + e.State, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_log_callback_set_by_the_caller_is_kept()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ResumeCampaignTests.ResumeResponse);
        var logs = new CapturingLoggerProvider();
        var mine = new ConcurrentQueue<ApiLogEntry>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddAutoSendClient(o =>
        {
            o.BaseAddress = new Uri(server.Address, "v1");
            o.Log = mine.Enqueue;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<AutoSendClient>().Campaigns.GetAsync(CampaignId);

        Assert.Single(mine);
        Assert.DoesNotContain(logs.Entries, e => e.Category == "AutoSend.Client.AutoSendClient");
    }

    private static void FastRetries(HttpStandardResilienceOptions options)
    {
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.BackoffType = DelayBackoffType.Constant;
        options.Retry.UseJitter = false;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception, string? State);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<CapturedLog> _entries = new();

        public CapturedLog[] Entries => _entries.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new StringBuilder();
                if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (KeyValuePair<string, object?> pair in pairs)
                    {
                        text.Append(pair.Key).Append('=').Append(pair.Value).Append(';');
                    }
                }
                else
                {
                    text.Append(state);
                }

                owner._entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception, text.ToString()));
            }
        }
    }
}

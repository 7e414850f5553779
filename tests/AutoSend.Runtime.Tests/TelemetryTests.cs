using AutoSend.Runtime.Primitives;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AutoSend.Testing;
using static AutoSend.Testing.MisbehavingResponses;

namespace AutoSend.Runtime.Tests;

/// <summary>Each call is an Activity of the client's ActivitySource, and the log callback hears about retries and failures.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_call_is_one_client_activity_with_the_operation_route_status_and_attempts()
    {
        const string ClientName = "Tests.Telemetry.Success";
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(Respond(429, ""), Respond(200, TestApi.ItemJson)));
        using var listener = new Listener(ClientName);
        using ApiConnection connection = TestApi.Connect(server, clientName: ClientName);

        await connection.GetAsync("secret-path-value");

        Activity activity = Assert.Single(listener.Activities);
        Assert.Equal("getItem", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ClientName, activity.Source.Name);
        Assert.Equal("getItem", activity.GetTagItem("api.operation.id"));
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal("items/{id}", activity.GetTagItem("url.template"));
        Assert.Equal("127.0.0.1", activity.GetTagItem("server.address"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(2, activity.GetTagItem("api.attempt.count"));
        Assert.Equal(1, activity.GetTagItem("http.request.resend_count"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        ActivityEvent retry = Assert.Single(activity.Events);
        Assert.Equal("retry", retry.Name);
        AssertNothingSecret(activity);
    }

    [Fact]
    public async Task A_failed_call_marks_its_activity_as_an_error()
    {
        const string ClientName = "Tests.Telemetry.Failure";
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(503, """{"message":"down"}"""));
        using var listener = new Listener(ClientName);
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 1, clientName: ClientName);

        await Assert.ThrowsAnyAsync<ApiException>(() => connection.GetAsync());

        Activity activity = Assert.Single(listener.Activities);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("503", activity.GetTagItem("error.type"));
        Assert.Equal(503, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(2, activity.GetTagItem("api.attempt.count"));
        AssertNothingSecret(activity);
    }

    [Fact]
    public async Task A_timeout_is_tagged_as_such()
    {
        const string ClientName = "Tests.Telemetry.Timeout";
        await using LoopbackServer server = await LoopbackServer.StartAsync(Hang());
        using var listener = new Listener(ClientName);
        using ApiConnection connection = TestApi.Connect(server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 0;
        }, clientName: ClientName);

        await Assert.ThrowsAsync<ApiTimeoutException>(() => connection.GetAsync());

        Activity activity = Assert.Single(listener.Activities);
        Assert.Equal("timeout", activity.GetTagItem("error.type"));
        Assert.Null(activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task The_connection_without_a_client_name_uses_the_runtimes_source()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson));
        using var listener = new Listener(ApiConnection.DefaultClientName);
        TestClientOptions options = TestApi.Options(server.Address);
        using var connection = new ApiConnection(null, options, null, ApiAuthentication.Bearer(options.ApiKey), "ua");

        await connection.GetAsync("default-source");

        Assert.Equal(ApiConnection.DefaultClientName, connection.ClientName);
        Assert.Contains(listener.Activities, a => a.DisplayName == "getItem");
    }

    [Fact]
    public async Task The_log_callback_hears_retries_failures_and_successes()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(
            Respond(503, ""), Respond(200, TestApi.ItemJson), Respond(404, """{"message":"missing"}""")));
        var entries = new ConcurrentQueue<ApiLogEntry>();
        using ApiConnection connection = TestApi.Connect(server, o => o.Log = entries.Enqueue, clientName: "Tests.Log");

        await connection.GetAsync();
        await Assert.ThrowsAnyAsync<ApiException>(() => connection.GetAsync());

        ApiLogEntry[] all = [.. entries];
        Assert.Equal([ApiLogEntry.RetryScheduledName, ApiLogEntry.RequestSucceededName, ApiLogEntry.RequestFailedName], all.Select(e => e.EventName));
        Assert.Equal([ApiLogLevel.Warning, ApiLogLevel.Debug, ApiLogLevel.Warning], all.Select(e => e.Level));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, all[0].StatusCode);
        Assert.NotNull(all[0].RetryDelay);
        Assert.Equal("Tests.Log", all[0].ClientName);
        Assert.StartsWith("getItem (GET items/{id}) attempt 1 failed with HTTP 503; retrying in ", all[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, all[1].Attempt);
        Assert.IsAssignableFrom<ApiException>(all[2].Exception);
        Assert.Contains("missing", all[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_log_callback_does_not_fail_the_call()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson));
        using ApiConnection connection = TestApi.Connect(server, o => o.Log = _ => throw new InvalidOperationException("logger broken"));

        Item item = await connection.GetAsync();

        Assert.Equal("it_1", item.Id);
    }

    private static void AssertNothingSecret(Activity activity)
    {
        foreach (KeyValuePair<string, object?> tag in activity.TagObjects)
        {
            string value = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            Assert.DoesNotContain("very-secret", value, StringComparison.Ordinal);
            Assert.DoesNotContain("private-query", value, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-path-value", value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("very-secret", activity.StatusDescription ?? "", StringComparison.Ordinal);
    }

    /// <summary>Collects the stopped activities of one source.</summary>
    private sealed class Listener : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _activities = new();

        public Listener(string sourceName)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == sourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _activities.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Activities => [.. _activities];

        public void Dispose() => _listener.Dispose();
    }
}

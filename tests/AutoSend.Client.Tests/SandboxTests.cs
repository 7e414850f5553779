using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AutoSend.Sandbox;
using AutoSend.Testing;

namespace AutoSend.Client.Tests;

/// <summary>
/// The sandbox over plain HTTP: the documented envelopes, the campaign state machine, and the documented error body
/// for every bad request, never a 500.
/// </summary>
public sealed class SandboxTests : IAsyncLifetime
{
    private const string Create = """{"name":"Spring Sale","subject":"Sale","htmlTemplate":"<p>Hi</p>","toLists":["60d5ec49f1b2c72d9c8b1111"],"sendMode":"gradual","gradualStrategy":"fixed","dailyBatchSize":100}""";

    private readonly ManualClock _clock = new();
    private Sandbox.Sandbox _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await Sandbox.Sandbox.StartAsync(new SandboxOptions { Clock = _clock });
        _http = Client("AS_test.key");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task A_campaign_walks_through_the_documented_states()
    {
        JsonObject created = await Ok(await Post("campaigns", Create.Replace("}", ""","sendNow":true}""", StringComparison.Ordinal)));
        string id = (string)created["id"]!;
        Assert.Equal("scheduled", (string?)created["status"]);

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("sending_gradual", (string?)(await Ok(await _http.GetAsync($"campaigns/{id}")))["status"]);

        JsonObject paused = await Ok(await Post($"campaigns/{id}/pause"));
        Assert.Equal("paused", (string?)paused["status"]);
        Assert.NotNull((string?)paused["pausedAt"]);

        await Error(await Post($"campaigns/{id}/pause"), 400, "CAMPAIGN_NOT_SENDING");
        _clock.Advance(TimeSpan.FromHours(1));

        JsonObject resumed = await Ok(await Post($"campaigns/{id}/resume"));
        Assert.Equal("sending_gradual", (string?)resumed["status"]);
        Assert.Equal("2026-03-01T11:00:02.000Z", (string?)resumed["resumedAt"]);
        await Error(await Post($"campaigns/{id}/resume"), 400, "CAMPAIGN_NOT_PAUSED");
        await Error(await _http.DeleteAsync($"campaigns/{id}"), 400, "ONLY_DRAFT_CAMPAIGNS_CAN_BE_DELETED");

        JsonObject aborted = await Ok(await Post($"campaigns/{id}/abort"));
        Assert.Equal("aborted", (string?)aborted["status"]);
        await Error(await Post($"campaigns/{id}/abort"), 400, "CAMPAIGN_NOT_SENDING");
    }

    [Fact]
    public async Task An_immediate_campaign_becomes_sending_then_sent()
    {
        string id = (string)(await Ok(await Post("campaigns", """{"name":"N","subject":"S","templateId":"A-abc","sendMode":"immediate","sendNow":true}""")))["id"]!;

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("sending", (string?)(await Ok(await _http.GetAsync($"campaigns/{id}")))["status"]);
        _clock.Advance(TimeSpan.FromMinutes(10));
        JsonObject sent = await Ok(await _http.GetAsync($"campaigns/{id}"));
        Assert.Equal("sent", (string?)sent["status"]);
        Assert.Equal("2026-03-01T10:10:01.000Z", (string?)sent["sentAt"]);
    }

    [Fact]
    public async Task Drafts_can_be_updated_duplicated_and_deleted()
    {
        string id = (string)(await Ok(await Post("campaigns", Create)))["id"]!;
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"campaigns/{id}") { Content = Json("""{"subject":"New subject"}""") };

        Assert.Equal("New subject", (string?)(await Ok(await _http.SendAsync(patch)))["subject"]);
        JsonObject copy = await Ok(await Post($"campaigns/{id}/duplicate"));
        Assert.Equal("Spring Sale (copy)", (string?)copy["name"]);
        Assert.Equal("draft", (string?)copy["status"]);
        JsonObject deleted = await Envelope(await _http.DeleteAsync($"campaigns/{id}"), 200);
        Assert.Equal("Campaign deleted successfully", (string?)deleted["message"]);
        Assert.False(deleted.ContainsKey("data"));
        await Error(await _http.GetAsync($"campaigns/{id}"), 404, "CAMPAIGN_NOT_FOUND");
    }

    [Fact]
    public async Task Lists_are_paginated_newest_first()
    {
        for (int i = 0; i < 25; i++)
        {
            await Ok(await Post("campaigns", Create.Replace("Spring Sale", "Campaign " + i, StringComparison.Ordinal)));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        JsonObject page = await Ok(await _http.GetAsync("campaigns?page=3&limit=10"));

        Assert.Equal(5, page["campaigns"]!.AsArray().Count);
        Assert.Equal("Campaign 4", (string?)page["campaigns"]![0]!["name"]);
        Assert.Equal("""{"page":3,"limit":10,"total":25,"pages":3}""", page["pagination"]!.ToJsonString());
        Assert.Single((await Ok(await _http.GetAsync("campaigns?name=campaign%2012")))["campaigns"]!.AsArray());
        await Error(await _http.GetAsync("campaigns?limit=101"), 400, "VALIDATION_FAILED");
    }

    [Theory]
    [InlineData("""{"subject":"S","templateId":"A-1"}""", "name")]
    [InlineData("""{"name":"N","subject":"S"}""", "templateId")]
    [InlineData("""{"name":"N","subject":"S","templateId":"A-1","sendMode":"later"}""", "sendMode")]
    [InlineData("""{"name":"N","subject":"S","templateId":"A-1","sendMode":"gradual"}""", "gradualStrategy")]
    [InlineData("""{"name":"N","subject":"S","templateId":"A-1","toLists":"one"}""", "toLists")]
    [InlineData("""{"name":"N","subject":"S","templateId":"A-1","scheduledAt":"tomorrow"}""", "scheduledAt")]
    [InlineData("""{"name":"","subject":"S","templateId":"A-1"}""", "name")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"name": "N", """, "body")]
    public async Task Bad_bodies_get_a_validation_error_naming_the_field(string body, string field)
    {
        JsonObject error = await Error(await Post("campaigns", body), 400, "VALIDATION_FAILED");

        Assert.Equal(field, (string?)error["details"]![0]!["field"]);
    }

    [Fact]
    public async Task Requests_without_a_valid_key_are_401()
    {
        using var anonymous = Client(null);
        using var wrong = Client("not-a-key");

        await Error(await anonymous.GetAsync("campaigns"), 401, "UNAUTHORIZED");
        await Error(await wrong.PostAsync("campaigns/1/resume", null), 401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task An_account_key_needs_the_project_header()
    {
        using var account = Client("ASA_account.key");

        await Error(await account.GetAsync("campaigns"), 400, "PROJECT_ID_REQUIRED");
        account.DefaultRequestHeaders.Add("x-project-id", "64f0c0ffee0000000000beef");
        string id = (string)(await Ok(await account.PostAsync("campaigns", Json(Create))))["id"]!;
        Assert.Equal("64f0c0ffee0000000000beef", (string?)(await Ok(await account.GetAsync($"campaigns/{id}")))["projectId"]);
    }

    [Theory]
    [InlineData("GET", "nothing-here")]
    [InlineData("POST", "campaigns/missing/resume")]
    [InlineData("PATCH", "campaigns/missing")]
    [InlineData("DELETE", "campaigns/missing")]
    public async Task Unknown_things_are_404_with_the_error_body(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "PATCH" ? Json("{}") : null };

        JsonObject error = await Error(await _http.SendAsync(request), 404, null);
        Assert.EndsWith("NOT_FOUND", (string?)error["code"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_never_gets_a_500()
    {
        string id = (string)(await Ok(await Post("campaigns", Create)))["id"]!;
        string[] bodies = ["", "null", "true", "\"x\"", "{\"name\":{}}", "{\"sendNow\":\"yes\"}", "{\"dailyBatchSize\":\"ten\"}", "\u0000\u0001", "{\"toLists\":[1,2]}", new string('[', 5000)];
        foreach (string path in new[] { "campaigns", $"campaigns/{id}", $"campaigns/{id}/resume", $"campaigns/{id}/pause", $"campaigns/{id}/duplicate" })
        {
            foreach (string body in bodies)
            {
                foreach (HttpMethod method in new[] { HttpMethod.Post, HttpMethod.Patch })
                {
                    using var request = new HttpRequestMessage(method, path) { Content = Json(body) };
                    using HttpResponseMessage response = await _http.SendAsync(request);
                    Assert.True((int)response.StatusCode < 500, $"{method} {path} with {body[..Math.Min(body.Length, 20)]} gave {(int)response.StatusCode}");
                    Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                    Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["success"]);
                }
            }
        }
    }

    [Fact]
    public async Task The_rate_limit_answers_429_with_retry_after()
    {
        await using Sandbox.Sandbox limited = await Sandbox.Sandbox.StartAsync(new SandboxOptions { RequestsPerSecond = 2 });
        using var http = new HttpClient { BaseAddress = limited.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "AS_limited.key");

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetAsync("campaigns")));

        HttpResponseMessage limitedResponse = Assert.Single(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).Take(1));
        JsonObject error = await Error(limitedResponse, 429, "RATE_LIMIT_EXCEEDED");
        Assert.Equal(1, (int?)error["retryAfter"]);
        Assert.Equal("0", limitedResponse.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
    }

    private HttpClient Client(string? key)
    {
        var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    private Task<HttpResponseMessage> Post(string path, string? body = null) => _http.PostAsync(path, body is null ? null : Json(body));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> Ok(HttpResponseMessage response) => (JsonObject)(await Envelope(response, 200))["data"]!;

    private static async Task<JsonObject> Envelope(HttpResponseMessage response, int status)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        JsonObject body = (JsonObject)JsonNode.Parse(text)!;
        Assert.Equal(status < 400, (bool?)body["success"]);
        return body;
    }

    private static async Task<JsonObject> Error(HttpResponseMessage response, int status, string? code)
    {
        JsonObject error = (JsonObject)(await Envelope(response, status))["error"]!;
        if (code is not null)
        {
            Assert.Equal(code, (string?)error["code"]);
        }

        Assert.Equal(status, (int?)error["status"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        return error;
    }
}

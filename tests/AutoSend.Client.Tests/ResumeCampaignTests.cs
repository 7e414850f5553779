using System.Net;
using System.Text;
using AutoSend.Client;
using AutoSend.Runtime;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Client.Tests;

/// <summary><c>client.Campaigns.ResumeAsync</c> against a real server on loopback.</summary>
public sealed class ResumeCampaignTests
{
    private const string CampaignId = "60d5ec49f1b2c72d9c8b4567";
    private const string ApiKey = "AS_test.secret-key-value";

    // The documented resume response (reference-docs/api-reference/campaigns/resume.mdx).
    internal const string ResumeResponse = """
        {
          "success": true,
          "data": {
            "id": "60d5ec49f1b2c72d9c8b4567",
            "name": "Spring Sale Newsletter",
            "subject": "Don't miss our Spring Sale!",
            "previewText": "Up to 50% off this weekend only",
            "status": "sending_gradual",
            "sendMode": "gradual",
            "trackingClick": true,
            "trackingOpen": true,
            "createdAt": "2026-03-01T10:00:00.000Z",
            "updatedAt": "2026-03-15T14:30:00.000Z"
          }
        }
        """;

    [Theory]
    [InlineData("v1")]
    [InlineData("v1/")]
    public async Task Resume_sends_the_documented_request_and_reads_the_campaign(string basePath)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ResumeResponse);
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.Address, basePath) });

        CampaignResponse response = await client.Campaigns.ResumeAsync(CampaignId);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST /v1/campaigns/60d5ec49f1b2c72d9c8b4567/resume", request.Line);
        Assert.Equal("Bearer " + ApiKey, request.Headers["authorization"]);
        Assert.Empty(request.Body);
        Assert.False(request.Headers.ContainsKey("content-type"));
        Assert.True(response.Success);
        Campaign campaign = response.Data;
        Assert.Equal(CampaignId, campaign.Id);
        Assert.Equal(CampaignStatus.SendingGradual, campaign.Status);
        Assert.Equal(CampaignSendMode.Gradual, campaign.SendMode);
        Assert.Equal("sending_gradual gradual", $"{campaign.Status} {campaign.SendMode}");
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 14, 30, 0, TimeSpan.Zero), campaign.UpdatedAt);
        Assert.True(campaign.TrackingClick);
    }

    [Fact]
    public async Task Path_parameters_are_escaped()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ResumeResponse);
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.Address, "v1") });

        await client.Campaigns.ResumeAsync("a/b?c#d e");

        Assert.Equal("POST /v1/campaigns/a%2Fb%3Fc%23d%20e/resume", Assert.Single(server.Requests).Line);
    }

    [Fact]
    public async Task The_callers_HttpClient_and_its_base_address_are_used()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, ResumeResponse);
        using var http = new HttpClient { BaseAddress = new Uri(server.Address, "v1/") };
        using var client = new AutoSendClient(http, new AutoSendClientOptions { ApiKey = ApiKey });

        await client.Campaigns.ResumeAsync(CampaignId, projectId: "60d5ec49f1b2c72d9c8b0000");

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST /v1/campaigns/60d5ec49f1b2c72d9c8b4567/resume", request.Line);
        Assert.Equal("60d5ec49f1b2c72d9c8b0000", request.Headers["x-project-id"]);
    }

    [Fact]
    public void The_default_base_address_is_the_specs_first_server()
    {
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey });

        Assert.Equal(new Uri("https://api.autosend.com/v1/"), client.BaseAddress);
    }

    // Each documented error shape (API-FACTS §2.6) gives the status, the server's message and its code.
    [Theory]
    [InlineData(404, """{"success":false,"error":{"message":"Campaign not found","code":"CAMPAIGN_NOT_FOUND","status":404}}""", "Campaign not found", "CAMPAIGN_NOT_FOUND")]
    [InlineData(400, """{"success":false,"error":{"message":"Validation failed","code":"VALIDATION_FAILED","details":[{"field":"campaignId","message":"Invalid id"}]}}""", "Validation failed", "VALIDATION_FAILED")]
    [InlineData(401, """{"success":false,"message":"Unauthorized"}""", "Unauthorized", null)]
    [InlineData(403, """{"success":false,"error":"A verified domain is required before adding an authenticated sender"}""", "A verified domain is required before adding an authenticated sender", null)]
    [InlineData(400, """{"success":false,"error":[{"message":"Invalid project ID"}]}""", "Invalid project ID", null)]
    [InlineData(429, """{"success":false,"error":{"message":"Rate limit exceeded","code":"RATE_LIMIT_EXCEEDED","retryAfter":30}}""", "Rate limit exceeded", "RATE_LIMIT_EXCEEDED")]
    [InlineData(500, """{"success":false,"message":"Internal server error","code":"INTERNAL_SERVER_ERROR"}""", "Internal server error", "INTERNAL_SERVER_ERROR")]
    public async Task Error_statuses_throw_ApiException_with_status_code_and_message(int status, string body, string message, string? code)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(status, body);
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.Address, "v1"), MaxRetries = 0 });

        ApiException<ErrorResponse> exception = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => client.Campaigns.ResumeAsync(CampaignId));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.Equal(message, exception.ErrorMessage);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal("resumeCampaign", exception.OperationId);
        Assert.False(exception.Error.Success);
        Assert.Equal(body, exception.ResponseBody);
        Assert.DoesNotContain(ApiKey, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_typed_error_body_exposes_each_shape()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(404, """{"success":false,"error":{"message":"Campaign not found","code":"CAMPAIGN_NOT_FOUND","status":404}}""");
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.Address, "v1") });

        ApiException<ErrorResponse> exception = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => client.Campaigns.ResumeAsync(CampaignId));

        ApiError error = Assert.IsType<ApiError>(exception.Error.Error?.AsApiError);
        Assert.Equal("CAMPAIGN_NOT_FOUND", error.Code);
        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task A_non_json_error_page_still_gives_ApiException_with_an_excerpt()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(502, "<html><body>Bad gateway</body></html>", "text/html");
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.Address, "v1") });

        ApiException exception = await Assert.ThrowsAsync<ApiException>(() => client.Campaigns.ResumeAsync(CampaignId));

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Contains("text/html", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Bad gateway", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.ErrorCode);
    }

    [Fact]
    public async Task An_invalid_success_body_gives_ApiException_not_JsonException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"success": true, "data": {"name": 12}}""");
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.Address, "v1") });

        ApiException exception = await Assert.ThrowsAsync<ApiException>(() => client.Campaigns.ResumeAsync(CampaignId));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.IsType<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task Cancellation_stops_a_slow_call()
    {
        var release = new TaskCompletionSource();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.WhenAny(release.Task, Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
            await context.Response.WriteAsync(ResumeResponse);
        });
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.Address, "v1") });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Campaigns.ResumeAsync(CampaignId, cancellationToken: cancellation.Token));
        release.SetResult();
    }

    [Fact]
    public async Task The_api_key_is_never_in_an_error_message()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            // A hostile server echoing the request headers back in its error.
            context.Response.StatusCode = 401;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"message":"bad"}""");
        });
        var options = new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.Address, "v1") };
        using var client = new AutoSendClient(options);

        ApiException exception = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(() => client.Campaigns.ResumeAsync(CampaignId));

        Assert.DoesNotContain("secret-key-value", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-value", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_with_a_line_break_is_refused_without_echoing_it()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => new AutoSendClient(new AutoSendClientOptions { ApiKey = "AS_x\r\nX-Evil: 1" }));

        Assert.DoesNotContain("X-Evil", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_body_larger_than_the_cap_is_cut()
    {
        string huge = "{\"message\":\"" + new string('x', 200_000) + "\"}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(500, huge);
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(server.Address, "v1"), MaxErrorBodyBytes = 1024 });

        ApiException exception = await Assert.ThrowsAsync<ApiException>(() => client.Campaigns.ResumeAsync(CampaignId));

        Assert.True(exception.IsResponseBodyTruncated);
        Assert.Equal(1024, Encoding.UTF8.GetByteCount(exception.ResponseBody!));
        Assert.True(exception.Message.Length < 2000);
    }
}

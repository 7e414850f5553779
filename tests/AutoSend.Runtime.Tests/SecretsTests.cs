using AutoSend.Runtime.Primitives;
using System.Net;
using AutoSend.Testing;
using static AutoSend.Testing.MisbehavingResponses;

namespace AutoSend.Runtime.Tests;

/// <summary>The key stays out of messages, and is not sent where it could be read on the way.</summary>
public sealed class SecretsTests
{
    [Theory]
    [InlineData("http://api.example.com/v1")]
    [InlineData("http://10.0.0.5:8080/")]
    public void A_plain_http_address_for_a_remote_host_is_refused(string address)
    {
        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() => TestApi.Connect(new Uri(address)));

        Assert.Contains("AllowInsecureHttp", exception.Message, StringComparison.Ordinal);
        TestApi.AssertNoSecret(exception);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("https://api.example.com/v1/")]
    public void Https_and_loopback_http_are_accepted(string address)
    {
        using ApiConnection connection = TestApi.Connect(new Uri(address));

        Assert.Equal(new Uri(address), connection.BaseAddress);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_accepted_when_explicitly_allowed()
    {
        using ApiConnection connection = TestApi.Connect(new Uri("http://api.example.com/v1"), o => o.AllowInsecureHttp = true);

        Assert.Equal(new Uri("http://api.example.com/v1/"), connection.BaseAddress);
    }

    [Fact]
    public void A_plain_http_address_from_the_callers_HttpClient_is_refused_too()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://api.example.com/") };

        Assert.Throws<InvalidOperationException>(() => new ApiConnection(http, new TestClientOptions(), null, null, "ua"));
    }

    [Fact]
    public void A_key_with_a_line_break_is_refused_without_echoing_it()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => ApiAuthentication.ApiKeyHeader("X-API-Key", "AS_x\nX-Evil: 1"));

        Assert.DoesNotContain("X-Evil", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owned_client_does_not_follow_a_redirect_with_the_key()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(302, "", null, ("Location", "http://127.0.0.1:9/elsewhere")));
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Equal(HttpStatusCode.Found, exception.StatusCode);
        Assert.Equal(1, server.RequestCount);
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task The_key_is_in_no_log_entry_and_in_no_options_text()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(
            Respond(429, """{"message":"slow down"}"""), Respond(401, """{"message":"bad key"}"""), CloseWithoutResponse()));
        var entries = new List<ApiLogEntry>();
        TestClientOptions options = TestApi.Options(server.Address, o => o.Log = entry =>
        {
            lock (entries)
            {
                entries.Add(entry);
            }
        });
        using var connection = new ApiConnection(null, options, null, ApiAuthentication.Bearer(options.ApiKey), "ua", "Tests.Secrets");

        await Assert.ThrowsAnyAsync<ApiException>(() => connection.GetAsync());
        await Assert.ThrowsAnyAsync<ApiException>(() => connection.GetAsync());

        Assert.NotEmpty(entries);
        foreach (ApiLogEntry entry in entries)
        {
            Assert.DoesNotContain("very-secret", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("private-query", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("very-secret", entry.Exception?.ToString() ?? "", StringComparison.Ordinal);
        }

        Assert.DoesNotContain("very-secret", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", ApiAuthentication.Bearer(TestApi.ApiKey)!.ToString(), StringComparison.Ordinal);
    }
}

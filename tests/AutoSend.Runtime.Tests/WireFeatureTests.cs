using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AutoSend.Runtime.Primitives;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Runtime.Tests;

/// <summary>
/// The runtime pieces behind issue 14's second half, without generated code: Link headers, OAuth 2 client-credentials
/// tokens (cached, replaced before expiry on a manual clock), per-operation security, webhook signatures.
/// </summary>
public sealed class WireFeatureTests
{
    private static readonly Uri s_request = new("https://api.example.com/v1/items?page=1");

    [Theory]
    [InlineData("<https://api.example.com/v1/items?page=2>; rel=\"next\", <https://api.example.com/v1/items?page=9>; rel=\"last\"", "https://api.example.com/v1/items?page=2")]
    [InlineData("<https://api.example.com/v1/items?page=9>; rel=\"last\", <https://api.example.com/v1/items?page=2>; rel=\"next\"", "https://api.example.com/v1/items?page=2")]
    [InlineData("</v1/items?page=2&a=1,2>; title=\"a, b; c\"; rel=\"prev next\"", "https://api.example.com/v1/items?page=2&a=1,2")]
    [InlineData("<items?page=3>;rel=next", "https://api.example.com/v1/items?page=3")]
    [InlineData("<https://api.example.com/v1/items?page=9>; rel=\"last\"", null)]
    [InlineData("<javascript:alert(1)>; rel=\"next\"", null)]
    [InlineData("garbage", null)]
    public void The_next_link_is_read_from_RFC_8288_headers(string header, string? expected) =>
        Assert.Equal(expected, ApiLinkHeader.Find([header], "next", s_request)?.ToString());

    [Fact]
    public async Task A_client_credentials_token_is_cached_and_replaced_before_it_expires()
    {
        var clock = new ManualClock();
        int issued = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/token")
            {
                int n = Interlocked.Increment(ref issued);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($$"""{"access_token":"t{{n}}","expires_in":600}""");
                return;
            }

            context.Response.StatusCode = 204;
        });
        var grant = new OAuth2ClientCredentials(new Uri("/token", UriKind.Relative), "id", "secret", ["read"], clock);
        ApiSecurity security = new ApiSecurity(["oauth"]).Add("oauth", ApiAuthentication.OAuth2(grant));
        using var connection = new ApiConnection(null, TestApi.Options(server.Address), server.Address, security, "test/1.0", "Test.Client");

        await Delete(connection);
        clock.Advance(TimeSpan.FromSeconds(530));     // 600 s lifetime, replaced 60 s before: still valid
        await Delete(connection);
        clock.Advance(TimeSpan.FromSeconds(20));      // 550 s: within the margin, a new token
        await Delete(connection);

        Assert.Equal(2, issued);
        Assert.Equal(["Bearer t1", "Bearer t1", "Bearer t2"], server.Requests.Where(r => r.Target != "/token").Select(r => r.Headers["authorization"]));
        Assert.DoesNotContain("secret", grant.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operations_own_requirement_picks_the_first_configured_alternative()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204, "");
        ApiSecurity security = new ApiSecurity(["bearer"])
            .Add("bearer", ApiAuthentication.Bearer("b"))
            .Add("key", ApiAuthentication.ApiKeyHeader("X-Key", "k"))
            .Add("missing", null);
        var keyOrMissing = new ApiOperation("op", HttpMethod.Get, "items/{id}").WithSecurity(["missing"], ["key"]);
        using var connection = new ApiConnection(null, TestApi.Options(server.Address), server.Address, security, "test/1.0", "Test.Client");

        await connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/1"), keyOrMissing, default);
        await Delete(connection);

        Assert.Equal("k", server.Requests[0].Headers["x-key"]);
        Assert.False(server.Requests[0].Headers.ContainsKey("authorization"));
        Assert.Equal("Bearer b", server.Requests[1].Headers["authorization"]);
    }

    [Fact]
    public void A_webhook_signature_is_checked_in_constant_time_over_the_raw_bytes()
    {
        var clock = new ManualClock();
        byte[] body = """{"type":"email.sent"}"""u8.ToArray();
        string good = Convert.ToHexStringLower(HMACSHA256.HashData("whsec_x"u8, body));
        var scheme = new ApiWebhookSignature("X-Sig", base64: false, prefix: null, "X-Time", timestampInMilliseconds: true, TimeSpan.FromMinutes(5));
        string now = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        scheme.Verify(body, name => name == "X-Sig" ? good.ToUpperInvariant() : now, "whsec_x", clock);
        Assert.Throws<ApiWebhookSignatureException>(() => scheme.Verify(body, name => name == "X-Sig" ? good[..^2] : now, "whsec_x", clock));
        Assert.Throws<ApiWebhookSignatureException>(() => scheme.Verify(Encoding.UTF8.GetBytes("""{"type": "email.sent"}"""), name => name == "X-Sig" ? good : now, "whsec_x", clock));
        Assert.Equal("email.sent", ApiWebhookSignature.ReadTopLevelString(body, "type"));
        Assert.Null(ApiWebhookSignature.ReadTopLevelString("[1]"u8, "type"));
    }

    private static Task Delete(ApiConnection connection) =>
        connection.SendAsync(connection.CreateRequest(HttpMethod.Delete, "items/1"), TestApi.DeleteItem, default);
}

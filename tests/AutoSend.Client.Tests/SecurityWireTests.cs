using System.Net;
using System.Text;
using AutoSend.Runtime;
using AutoSend.Testing;
using Fixtures.Security;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Client.Tests;

/// <summary>
/// The client generated from tests/AutoSend.Gen.Tests/Fixtures/security.yaml against a loopback server: each operation
/// sends the credentials its own requirement names (alternatives, combinations, anonymous access, none), and an OAuth 2
/// client-credentials token is obtained from the document's token URL once and reused.
/// </summary>
public sealed class SecurityWireTests
{
    private const string ClientSecret = "s3cr3t-client-secret";

    private static SecurityClient Client(LoopbackServer server, Action<SecurityClientOptions> configure)
    {
        var options = new SecurityClientOptions { BaseAddress = server.Address, MaxRetries = 0 };
        configure(options);
        return new SecurityClient(options);
    }

    private static Task<LoopbackServer> NoContent() => LoopbackServer.StartAsync(204, "");

    private static string? Header(RecordedRequest request, string name) => request.Headers.TryGetValue(name, out string? value) ? value : null;

    [Fact]
    public async Task An_operation_without_its_own_requirement_sends_the_documents_bearer()
    {
        await using LoopbackServer server = await NoContent();
        using SecurityClient client = Client(server, o => { o.ApiKey = "bearer-token"; o.PartnerKey = "partner"; });

        await client.UseDefaultAsync();

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("Bearer bearer-token", Header(request, "authorization"));
        Assert.Null(Header(request, "x-partner-key"));
    }

    [Fact]
    public async Task An_operation_naming_another_scheme_than_the_documents_first_sends_that_schemes_credentials()
    {
        await using LoopbackServer server = await NoContent();
        using SecurityClient client = Client(server, o => { o.ApiKey = "bearer-token"; o.PartnerKey = "partner"; });

        await client.UseKeyAsync();

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("partner", Header(request, "x-partner-key"));
        Assert.Null(Header(request, "authorization"));
    }

    [Theory]
    [InlineData(true, true, "x-partner-key")]
    [InlineData(false, true, "authorization")]
    [InlineData(false, false, null)]
    public async Task Of_two_alternatives_the_first_one_configured_is_sent(bool partner, bool basic, string? expectedHeader)
    {
        await using LoopbackServer server = await NoContent();
        using SecurityClient client = Client(server, o =>
        {
            o.PartnerKey = partner ? "partner" : null;
            o.BasicAuthUserName = basic ? "ada" : null;
            o.BasicAuthPassword = basic ? "lovelace" : null;
        });

        await client.UseEitherAsync();

        RecordedRequest request = Assert.Single(server.Requests);
        string[] sent = new[] { "x-partner-key", "authorization" }.Where(h => Header(request, h) is not null).ToArray();
        Assert.Equal(expectedHeader is null ? [] : [expectedHeader], sent);
        if (expectedHeader == "authorization")
        {
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ada:lovelace")), Header(request, "authorization"));
        }
    }

    [Fact]
    public async Task A_combination_sends_every_scheme_of_it_and_nothing_when_one_is_missing()
    {
        await using LoopbackServer server = await NoContent();
        using (SecurityClient client = Client(server, o => { o.PartnerKey = "partner"; o.TenantKey = "acme"; }))
        {
            await client.UseBothAsync();
        }

        using (SecurityClient client = Client(server, o => o.PartnerKey = "partner"))
        {
            await client.UseBothAsync();
        }

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("partner", Header(server.Requests[0], "x-partner-key"));
        Assert.Equal("tenant=acme", Header(server.Requests[0], "cookie"));
        Assert.Null(Header(server.Requests[1], "x-partner-key"));
        Assert.Null(Header(server.Requests[1], "cookie"));
    }

    [Fact]
    public async Task A_query_key_scheme_goes_into_the_query()
    {
        await using LoopbackServer server = await NoContent();
        using SecurityClient client = Client(server, o => { o.ApiKey = "bearer-token"; o.QueryKey = "k 1"; });

        await client.UseQueryKeyAsync();

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET /query?api_key=k%201", request.Line);
        Assert.Null(Header(request, "authorization"));
    }

    [Fact]
    public async Task Anonymous_access_sends_nothing_unless_the_bearer_is_configured_and_security_none_never_sends()
    {
        await using LoopbackServer server = await NoContent();
        using (SecurityClient anonymous = Client(server, o => o.PartnerKey = "partner"))
        {
            await anonymous.UseOptionalAsync();
        }

        using (SecurityClient configured = Client(server, o => { o.ApiKey = "bearer-token"; o.PartnerKey = "partner"; o.QueryKey = "q"; }))
        {
            await configured.UseOptionalAsync();
            await configured.UsePublicAsync();
        }

        Assert.Null(Header(server.Requests[0], "authorization"));
        Assert.Equal("Bearer bearer-token", Header(server.Requests[1], "authorization"));
        Assert.Equal("GET /public", server.Requests[2].Line);
        Assert.DoesNotContain(server.Requests[2].Headers.Keys, k => k is "authorization" or "x-partner-key" or "cookie");
    }

    [Fact]
    public async Task An_alternative_with_a_scheme_the_client_cannot_apply_is_passed_over()
    {
        await using LoopbackServer server = await NoContent();
        using SecurityClient client = Client(server, o => o.PartnerKey = "partner");

        await client.UseMutualTlsAsync();

        Assert.Equal("partner", Header(Assert.Single(server.Requests), "x-partner-key"));
    }

    [Fact]
    public async Task Client_credentials_obtain_a_token_from_the_documents_token_url_once_and_reuse_it()
    {
        int tokens = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/oauth/token")
            {
                Interlocked.Increment(ref tokens);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"access_token":"token-1","token_type":"Bearer","expires_in":3600}""");
                return;
            }

            context.Response.StatusCode = 204;
        });
        using SecurityClient client = Client(server, o => { o.MachineClientId = "reporter"; o.MachineClientSecret = ClientSecret; });

        await client.UseClientCredentialsAsync();
        await client.UseClientCredentialsAsync();

        Assert.Equal(1, tokens);
        Assert.Equal(["POST /oauth/token", "GET /machine", "GET /machine"], server.Requests.Select(r => r.Line));
        RecordedRequest token = server.Requests[0];
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("reporter:" + ClientSecret)), Header(token, "authorization"));
        Assert.Equal("grant_type=client_credentials&scope=reports.read", Encoding.UTF8.GetString(token.Body));
        Assert.All(server.Requests.Skip(1), r => Assert.Equal("Bearer token-1", Header(r, "authorization")));
    }

    [Fact]
    public async Task A_refused_client_is_an_ApiException_that_names_the_OAuth_error_and_never_the_secret()
    {
        var log = new List<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(401, """{"error":"invalid_client","error_description":"Unknown client."}""");
        using SecurityClient client = Client(server, o =>
        {
            o.MachineClientId = "reporter";
            o.MachineClientSecret = ClientSecret;
            o.Log = entry => log.Add(entry.ToString());
        });

        ApiException error = await Assert.ThrowsAnyAsync<ApiException>(() => client.UseClientCredentialsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(log, line => line.Contains(ClientSecret, StringComparison.Ordinal));
        Assert.Equal("POST /oauth/token", Assert.Single(server.Requests).Line);
    }

    [Fact]
    public void Options_show_no_secret_and_bind_every_schemes_credentials()
    {
        var options = new SecurityClientOptions();
        options.Bind(key => key switch
        {
            "PartnerKey" => "partner",
            "MachineClientId" => "reporter",
            "MachineClientSecret" => ClientSecret,
            "BasicAuthUserName" => "ada",
            "BasicAuthPassword" => "lovelace",
            _ => null,
        });

        Assert.Equal(("partner", "reporter", ClientSecret, "ada", "lovelace"),
            (options.PartnerKey, options.MachineClientId, options.MachineClientSecret, options.BasicAuthUserName, options.BasicAuthPassword));
        Assert.DoesNotContain(ClientSecret, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("lovelace", options.ToString(), StringComparison.Ordinal);
    }
}

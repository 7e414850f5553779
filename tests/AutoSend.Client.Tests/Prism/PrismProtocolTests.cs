using System.Net;
using System.Text.RegularExpressions;
using AutoSend.Client;
using AutoSend.Runtime;
using AutoSend.Testing;

namespace AutoSend.Client.Tests.Prism;

/// <summary>What Prism saw on the wire, and the negative controls that show its validation is live.</summary>
[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class PrismProtocolTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    private static readonly TimeSpan s_logWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Prism_receives_the_bearer_key_everywhere_but_on_the_public_key_set()
    {
        // A client built as the README shows (its own connection pool), checked from Prism's side: its debug log
        // lists the headers of each request.
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = PrismFixture.ApiKey, BaseAddress = Prism.Server.BaseAddress, MaxRetries = 0 });
        int before = Prism.Server.RequestCount;

        await client.Campaigns.ResumeAsync("auth-check");
        await client.Encryption.GetPublicKeysAsync();

        PrismRequestLog resume = await Prism.Server.WaitForRequestAsync(before, r => r.Path == "/campaigns/auth-check/resume", s_logWait);
        Assert.Equal("Bearer " + PrismFixture.ApiKey, resume.Headers["authorization"]);
        PrismRequestLog jwks = await Prism.Server.WaitForRequestAsync(before, r => r.Path == "/jwks.json", s_logWait);
        Assert.True(jwks.Headers.ContainsKey("user-agent"), "Prism's log lists no request headers:\n" + string.Join('\n', jwks.Lines));
        Assert.False(jwks.Headers.ContainsKey("authorization"), "GET /jwks.json has security: [] but was sent an Authorization header");
        Assert.Empty(resume.Violations);
        Assert.Empty(jwks.Violations);
    }

    [Fact]
    public async Task Negative_control_Prism_refuses_a_call_without_the_key()
    {
        using var client = new AutoSendClient(new AutoSendClientOptions { BaseAddress = Prism.Server.BaseAddress, MaxRetries = 0 });
        int before = Prism.Server.RequestCount;

        ApiException<ErrorResponse> exception = await Assert.ThrowsAsync<ApiException<ErrorResponse>>(
            () => client.Campaigns.ResumeAsync(Operations.CampaignId, projectId: PrismFixture.NegativeControlProject));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        PrismRequestLog request = await Prism.Server.WaitForRequestAsync(before, r => r.Path.EndsWith("/resume", StringComparison.Ordinal), s_logWait);
        Assert.Contains(request.Violations, v => v.Contains("Invalid security scheme used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Negative_control_Prism_refuses_a_body_that_breaks_the_schema()
    {
        ExpectViolations = true;
        var request = new SendMailRequest
        {
            To = new EmailIdentity { Email = "not-an-email" },
            From = new EmailIdentity { Email = "from@yourdomain.com" },
            Subject = "Hello",
            Text = "Hi",
        };

        ApiException exception = await Assert.ThrowsAnyAsync<ApiException>(() => Client.Mails.SendAsync(request, projectId: PrismFixture.NegativeControlProject));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Exchange exchange = Assert.Single(Prism.Traffic.Since(Prism.Traffic.Count - 1));
        Assert.Contains("must match format \\\"email\\\"", exchange.Violations, StringComparison.Ordinal);
    }
}

/// <summary>The Prism tests cover the whole spec: each operation has an example test and a dynamic case.</summary>
public sealed partial class PrismCoverageTests
{
    [Fact]
    public void Every_operation_has_an_example_test_and_a_dynamic_case()
    {
        // Only the paths are calls; the webhooks section's operationIds name deliveries AutoSend sends to us.
        string spec = File.ReadAllText(RepositoryPaths.AutoSendSpec);
        int webhooks = spec.IndexOf("\nwebhooks:", StringComparison.Ordinal);
        string paths = webhooks < 0 ? spec : spec.Substring(0, webhooks);
        string[] operationIds = [.. OperationId().Matches(paths).Select(m => m.Groups[1].Value)];
        Assert.Equal(97, operationIds.Length);

        string[] exampleTests =
        [
            .. typeof(PrismCoverageTests).Assembly.GetTypes()
                .Where(t => t.Namespace == typeof(Examples.MailsExampleTests).Namespace)
                .SelectMany(t => t.GetMethods())
                .Where(m => m.IsDefined(typeof(FactAttribute), inherit: false))
                .Select(m => m.Name),
        ];
        string[] withoutExampleTest = [.. operationIds.Where(id => !exampleTests.Any(name => name.StartsWith(char.ToUpperInvariant(id[0]) + id[1..] + "_", StringComparison.Ordinal)))];
        Assert.Empty(withoutExampleTest);
        Assert.Empty(operationIds.Except(Operations.ByName.Keys));
        Assert.Empty(Operations.ByName.Keys.Select(k => k.Split(' ')[0]).Except(operationIds));
    }

    [GeneratedRegex(@"^\s+operationId:\s*(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex OperationId();
}

using AutoSend.Runtime;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AutoSend.Client.Tests;

/// <summary>
/// The API a .NET developer expects (issue 12's contract), called the way a user writes it, against Kestrel on
/// loopback: the call shapes, the shared <c>x-project-id</c> option and its per-call override, per-call request options,
/// raw responses with headers, and the interfaces.
/// </summary>
public sealed class ApiContractTests
{
    private const string Id = "60d5ec49f1b2c72d9c8b4567";

    private const string ListResponse = """{"success":true,"data":{"campaigns":[],"pagination":{"page":1,"limit":10,"total":0,"totalPages":0}}}""";

    private const string SendResponse = """{"success":true,"data":{"emailId":"e-1","message":"queued"}}""";

    // Answers like AutoSend for the three operations the contract calls, with the rate-limit headers it documents.
    private static Task<LoopbackServer> StartAutoSendAsync() => LoopbackServer.StartAsync(async context =>
    {
        context.Response.Headers["X-RateLimit-Limit"] = "120";
        context.Response.Headers["X-RateLimit-Remaining"] = "115";
        context.Response.Headers["X-RateLimit-Reset"] = "1696075200";
        context.Response.ContentType = "application/json";
        string path = context.Request.Path.Value ?? string.Empty;
        await context.Response.WriteAsync(
            path.EndsWith("/resume", StringComparison.Ordinal) ? ResumeCampaignTests.ResumeResponse
            : path.EndsWith("/mails/send", StringComparison.Ordinal) ? SendResponse
            : ListResponse,
            context.RequestAborted);
    });

    private static AutoSendClient CreateClient(LoopbackServer server) => new(new AutoSendClientOptions
    {
        ApiKey = "AS_contract.key",
        ProjectId = "proj-default",
        BaseAddress = server.Address,
    });

    [Fact]
    public async Task The_contract_block_compiles_and_puts_what_it_says_on_the_wire()
    {
        await using LoopbackServer server = await StartAutoSendAsync();
        using var client = CreateClient(server);
        using var source = new CancellationTokenSource();
        CancellationToken ct = source.Token;
        var request = new SendMailRequest
        {
            From = new EmailIdentity { Email = "hello@example.com" },
            To = new EmailIdentity { Email = "ada@example.com" },
            Subject = "Hello",
        };

        CampaignResponse r = await client.Campaigns.ResumeAsync(Id, ct);
        await client.Campaigns.ResumeAsync(Id, projectId: "other", cancellationToken: ct);
        ListCampaignsResponse page = await client.Campaigns.ListAsync(ct);
        SendMailResponse sent = await client.Mails.SendAsync(request, ct);
        await client.Campaigns.ResumeAsync(Id, requestOptions: new ApiRequestOptions
        {
            Headers = { ["X-Trace-Id"] = "t-1" },
        }, cancellationToken: ct);
        ApiResponse<CampaignResponse> raw = await client.Campaigns.WithRawResponse.ResumeAsync(Id, ct);
        int status = raw.StatusCode;
        CampaignResponse value = raw.Value;
        bool found = raw.Headers.TryGetValues("X-RateLimit-Remaining", out IEnumerable<string>? remaining);
        ICampaignsClient campaigns = client.Campaigns;
        IAutoSendClient root = client;

        Assert.Equal(CampaignStatus.SendingGradual, r.Data.Status);
        Assert.NotNull(page.Data.Campaigns);
        Assert.Equal("e-1", sent.Data.EmailId);
        Assert.Equal(200, status);
        Assert.Equal(Id, value.Data.Id);
        Assert.True(found);
        Assert.Equal(["115"], remaining);
        Assert.Same(client.Campaigns, campaigns);
        Assert.Same(client.Campaigns, root.Campaigns);

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal(
            [
                "POST /campaigns/" + Id + "/resume", "POST /campaigns/" + Id + "/resume", "GET /campaigns",
                "POST /mails/send", "POST /campaigns/" + Id + "/resume", "POST /campaigns/" + Id + "/resume",
            ],
            requests.Select(q => q.Line));
        Assert.Equal(["proj-default", "other", "proj-default", "proj-default", "proj-default", "proj-default"], requests.Select(q => q.Headers["x-project-id"]));
        Assert.Equal("t-1", requests[4].Headers["x-trace-id"]);
        Assert.DoesNotContain(requests.Where((_, i) => i != 4), q => q.Headers.ContainsKey("x-trace-id"));
    }

    [Fact]
    public async Task Without_the_option_no_project_header_is_sent_and_the_argument_alone_sends_one()
    {
        await using LoopbackServer server = await StartAutoSendAsync();
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = "AS_contract.key", BaseAddress = server.Address });

        await client.Campaigns.ResumeAsync(Id);
        await client.Campaigns.ResumeAsync(Id, projectId: "only-this-call");

        Assert.False(server.Requests[0].Headers.ContainsKey("x-project-id"));
        Assert.Equal("only-this-call", server.Requests[1].Headers["x-project-id"]);
    }

    [Fact]
    public async Task The_project_option_is_bound_from_configuration_keys()
    {
        var options = new AutoSendClientOptions();

        options.Bind(key => key == "ProjectId" ? "proj-from-config" : null);

        Assert.Equal("proj-from-config", options.ProjectId);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_operation_that_does_not_declare_the_project_header_does_not_send_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"success":true,"data":{"id":"p1","name":"n"}}""");
        using var client = CreateClient(server);

        ProjectResponse created = await client.Projects.CreateAsync(new CreateProjectRequest { Name = "n" }, CancellationToken.None);

        Assert.Equal("p1", created.Data.Id);
        Assert.False(Assert.Single(server.Requests).Headers.ContainsKey("x-project-id"));
    }

    [Fact]
    public async Task Raw_responses_carry_the_declared_rate_limit_headers_as_typed_properties()
    {
        await using LoopbackServer server = await StartAutoSendAsync();
        using var client = CreateClient(server);

        AutoSendResponse<ListCampaignsResponse> raw = await client.Campaigns.WithRawResponse.ListAsync(CancellationToken.None);

        Assert.Equal(120, raw.RateLimitLimit);
        Assert.Equal(115, raw.RateLimitRemaining);
        Assert.Equal(1696075200L, raw.RateLimitReset);
        Assert.True(raw.Headers.TryGetValues("content-type", out IEnumerable<string>? contentType));   // content headers too, any case
        Assert.StartsWith("application/json", Assert.Single(contentType!), StringComparison.Ordinal);
        Assert.False(raw.Headers.TryGetValues("X-Not-There", out IEnumerable<string>? missing));
        Assert.Null(missing);
    }

    [Fact]
    public async Task A_raw_error_throws_as_the_plain_call_does()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(404, """{"success":false,"error":{"message":"Campaign not found"}}""");
        using var client = CreateClient(server);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.Campaigns.WithRawResponse.ResumeAsync(Id, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("Campaign not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fake_can_stand_in_for_a_group_and_build_raw_responses()
    {
        var headers = new ApiResponseHeaders([new KeyValuePair<string, IEnumerable<string>>("X-RateLimit-Remaining", ["7"])]);
        var response = new AutoSendResponse<CampaignResponse>(200, new CampaignResponse
        {
            Success = true,
            Data = new Campaign
            {
                Id = Id, Name = "n", Subject = "s", Status = CampaignStatus.Paused, SendMode = CampaignSendMode.Gradual,
                CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
            },
        }, headers);

        Assert.Equal(7, response.RateLimitRemaining);
        Assert.True(response.Headers.TryGetValues("x-ratelimit-remaining", out IEnumerable<string>? values));
        Assert.Equal(["7"], values);
    }

    [Fact]
    public async Task AddAutoSendClient_registers_the_client_interface_and_every_group_interface()
    {
        await using LoopbackServer server = await StartAutoSendAsync();
        var services = new ServiceCollection();
        services.AddAutoSendClient(o =>
        {
            o.ApiKey = "AS_contract.key";
            o.ProjectId = "proj-di";
            o.BaseAddress = server.Address;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        IAutoSendClient root = provider.GetRequiredService<IAutoSendClient>();
        ICampaignsClient campaigns = provider.GetRequiredService<ICampaignsClient>();
        IMailsClient mails = provider.GetRequiredService<IMailsClient>();
        await campaigns.ResumeAsync(Id, CancellationToken.None);

        Assert.IsType<AutoSendClient>(root);
        Assert.IsType<CampaignsClient>(campaigns);
        Assert.IsType<MailsClient>(mails);
        Assert.Equal("proj-di", Assert.Single(server.Requests).Headers["x-project-id"]);
        foreach (Type group in typeof(IAutoSendClient).GetProperties().Select(p => p.PropertyType).Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal)))
        {
            Assert.NotNull(provider.GetService(group));
        }
    }

    [Fact]
    public async Task Request_option_headers_replace_a_header_the_call_sends()
    {
        await using LoopbackServer server = await StartAutoSendAsync();
        using var client = CreateClient(server);

        await client.Campaigns.ResumeAsync(Id, requestOptions: new ApiRequestOptions { Headers = { ["X-Project-Id"] = "from-headers" } });

        Assert.Equal("from-headers", Assert.Single(server.Requests).Headers["x-project-id"]);
    }
}

using System.Net;
using AutoSend.Client;
using AutoSend.Runtime;

namespace AutoSend.Client.Tests.Prism.Examples;

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class ProjectsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListProjects_returns_two_projects()
    {
        ListProjectsResponse response = await Operations.ListProjects(Client);

        Assert.Equal(["Production App", "Staging App"], response.Data.Projects.Select(p => p.Name));
        Assert.Null(response.Data.Projects[1].Domain);
        Assert.Equal(DomainVerificationStatus.Verified, response.Data.Projects[0].Domains![0].VerificationStatus);
    }

    [Fact]
    public async Task CreateProject_returns_the_created_project()
    {
        ProjectResponse response = await Operations.CreateProject(Client);

        Assert.Equal("My New Project", response.Data.Name);
        Assert.Equal(Region.UsEast1, response.Data.RegionKey);
        // createProject is the one authenticated operation without x-project-id (no project exists yet).
        Assert.Null(Assert.Single(Prism.Traffic.Since(Prism.Traffic.Count - 1)).ProjectId);
    }

    [Fact]
    public async Task GetProject_returns_the_example_project()
    {
        ProjectResponse response = await Operations.GetProject(Client);

        Assert.Equal(Operations.AccountProjectId, response.Data.Id);
        Assert.Equal("token.autosend.email", response.Data.InboundEmailDomain);
    }

    [Fact]
    public async Task DeleteProject_returns_success_and_sends_both_project_ids()
    {
        SuccessResponse response = await Operations.DeleteProject(Client);

        Assert.Equal("Project deleted successfully", response.Message);
        Exchange exchange = Assert.Single(Prism.Traffic.Since(Prism.Traffic.Count - 1));
        Assert.Equal("/account/projects/" + Operations.AccountProjectId, exchange.PathAndQuery);
        Assert.Equal(Operations.AccountProjectId, exchange.ProjectId);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class InboundEmailsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListInboundEmails_returns_a_page_and_walks_it()
    {
        ListInboundEmailsResponse response = await Operations.ListInboundEmails(Client);

        InboundEmailSummary message = Assert.Single(response.Data.Items);
        Assert.Equal("Question about my order", message.Subject);
        Assert.Equal(InboundEmailStatus.Processed, message.Status);
        Assert.Null(message.To![0].Name);
        Assert.Equal(50, response.Data.Pagination.Limit);

        List<InboundEmailSummary> all = await Operations.ListInboundEmailsAll(Client);
        Assert.Equal(["<CADxyz@mail.gmail.com>"], all.Select(m => m.MessageId));
    }

    [Fact]
    public async Task GetInboundEmail_returns_the_example_message()
    {
        InboundEmailResponse response = await Operations.GetInboundEmail(Client);

        InboundEmailAttachment attachment = Assert.Single(response.Data.Attachments!);
        Assert.Equal(Operations.AttachmentId, attachment.AttachmentId);
        Assert.Equal(20480, attachment.Size);
        Assert.Equal("Question about my order", response.Data.Headers!["subject"]);
        Assert.Equal("PASS", response.Data.DkimVerdict);
    }

    [Fact]
    public async Task GetInboundEmailRawMimeUrl_returns_the_link()
    {
        InboundEmailDownloadLinkResponse response = await Operations.GetInboundEmailRawMimeUrl(Client);

        Assert.Equal("s3.amazonaws.com", new Uri(response.Data.DownloadUrl).Host);
        Assert.Equal(900, response.Data.ExpiresIn);
    }

    [Fact]
    public async Task DownloadInboundEmailAttachment_returns_the_json_link_by_default()
    {
        InboundEmailDownloadLinkResponse response = await Operations.DownloadInboundEmailAttachment(Client);

        Assert.Equal("receipt.pdf", response.Data.Filename);
        Assert.Equal("application/pdf", response.Data.ContentType);
        Assert.EndsWith("/att_60d5ec49f1b2c72d9c8b9999.pdf", new Uri(response.Data.DownloadUrl).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadInboundEmailAttachment_file_form_streams_the_bytes()
    {
        using ApiFile file = await Operations.DownloadInboundEmailAttachmentFile(Client);

        // The spec declares no example for the binary body; Prism makes one up. Its headers come from the spec.
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/octet-stream", file.ContentType);
        Assert.Equal("receipt.pdf", file.FileName);
        using var bytes = new MemoryStream();
        await file.Content.CopyToAsync(bytes);
        Assert.NotEqual(0, bytes.Length);
        Assert.Equal(file.Length, bytes.Length);
        Assert.Equal("/inbound/messages/60d5ec49f1b2c72d9c8b1234/attachments/att_60d5ec49f1b2c72d9c8b9999?download=true", Assert.Single(Prism.Traffic.Since(Prism.Traffic.Count - 1)).PathAndQuery);
    }

    [Fact]
    public async Task ReplyToInboundEmail_returns_the_queued_reply()
    {
        ReplyToInboundEmailResponse response = await Operations.ReplyToInboundEmail(Client);

        Assert.Equal("QUEUED", response.Data.Status);
        Assert.Equal("0102018f-0000-0000-0000-000000000000", response.Data.EmailId);
        Assert.Equal("Reply queued", response.Message);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class CampaignsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListCampaigns_returns_a_page_and_walks_it()
    {
        ListCampaignsResponse response = await Operations.ListCampaigns(Client);

        Assert.Equal([CampaignStatus.Draft, CampaignStatus.Sent], response.Data.Campaigns.Select(c => c.Status));
        Assert.Equal(160, response.Data.Campaigns[1].Metrics!.Opened);
        Assert.Equal(2, response.Data.Pagination.Total);

        List<Campaign> all = await Operations.ListCampaignsAll(Client);
        Assert.Equal([Operations.CampaignId, "60d5ec49f1b2c72d9c8b4568"], all.Select(c => c.Id));
    }

    [Fact]
    public async Task CreateCampaign_returns_the_scheduled_campaign()
    {
        CampaignResponse response = await Operations.CreateCampaign(Client);

        Assert.Equal(CampaignStatus.Scheduled, response.Data.Status);
        CampaignListReference list = Assert.Single(response.Data.ToLists!);
        Assert.Equal("seg list", list.Name);
        Assert.Equal(ResourceSource.Api, response.Data.Source);
        Assert.Equal("Campaign created successfully", response.Message);
    }

    [Fact]
    public async Task GetCampaign_returns_the_sent_campaign_with_its_template()
    {
        CampaignResponse response = await Operations.GetCampaign(Client);

        Assert.Equal(CampaignStatus.Sent, response.Data.Status);
        Assert.Equal("marketing", response.Data.Template!.TemplateType?.ToString());
        Assert.Equal(ThresholdPreset.Balanced, response.Data.ThresholdPreset);
        Assert.Null(response.Data.AbortedAt);
        Assert.Equal(200, response.Data.Metrics!.Delivered);
    }

    [Fact]
    public async Task UpdateCampaign_returns_the_updated_campaign()
    {
        CampaignResponse response = await Operations.UpdateCampaign(Client);

        Assert.Equal("Last chance: Spring Sale ends tonight!", response.Data.Subject);
        Assert.Equal(CampaignStatus.Draft, response.Data.Status);
    }

    [Fact]
    public async Task DeleteCampaign_returns_success()
    {
        SuccessResponse response = await Operations.DeleteCampaign(Client);

        Assert.Equal("Campaign deleted successfully", response.Message);
    }

    [Fact]
    public async Task DuplicateCampaign_returns_the_draft_copy()
    {
        CampaignResponse response = await Operations.DuplicateCampaign(Client);

        Assert.Equal("60d5ec49f1b2c72d9c8b4599", response.Data.Id);
        Assert.Equal("Spring Sale Newsletter (copy)", response.Data.Name);
    }

    [Fact]
    public async Task PauseCampaign_returns_the_paused_campaign()
    {
        CampaignResponse response = await Operations.PauseCampaign(Client);

        Assert.Equal(CampaignStatus.Paused, response.Data.Status);
        Assert.Equal(CampaignSendMode.Gradual, response.Data.SendMode);
    }

    [Fact]
    public async Task ResumeCampaign_returns_the_sending_campaign()
    {
        CampaignResponse response = await Operations.ResumeCampaign(Client);

        Assert.Equal(CampaignStatus.SendingGradual, response.Data.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 14, 30, 0, TimeSpan.Zero), response.Data.UpdatedAt);
    }

    [Fact]
    public async Task AbortCampaign_returns_the_aborted_campaign()
    {
        CampaignResponse response = await Operations.AbortCampaign(Client);

        Assert.Equal(CampaignStatus.Aborted, response.Data.Status);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class EncryptionExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task GetPublicKeys_returns_the_key_set_without_credentials()
    {
        JsonWebKeySet keys = await Operations.GetPublicKeys(Client);

        JsonWebKey key = Assert.Single(keys.Keys);
        Assert.Equal("key_2026_06", key.Kid);
        Assert.Equal("RSA-OAEP-256", key.Alg);
        Assert.Null(Assert.Single(Prism.Traffic.Since(Prism.Traffic.Count - 1)).Authorization);
    }
}

using AutoSend.Client;

namespace AutoSend.Client.Tests.Prism.Examples;

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class ContactListsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListContactLists_returns_lists_and_a_segment()
    {
        ListContactListsResponse response = await Operations.ListContactLists(Client);

        Assert.Equal(["GLOBAL_CONTACT_LIST", "60d5ec49f1b2c72d9c8b4567", "60d5ec49f1b2c72d9c8b9876"], response.Data.Lists.Select(l => l.Id));
        ContactList segment = response.Data.Lists[2];
        Assert.Equal(ListKind.Segment, segment.Type);
        Assert.Equal(LogicalOperator.And, segment.FilterCriteria!.LogicalOperator);
        Assert.Equal(FilterOperator.After, Assert.Single(segment.FilterCriteria.Groups).Operator);
    }

    [Fact]
    public async Task CreateContactList_returns_the_created_list()
    {
        ContactListResponse response = await Operations.CreateContactList(Client);

        Assert.Equal("Newsletter Subscribers", response.Data.Name);
        Assert.Equal(0, response.Data.ContactCount);
    }

    [Fact]
    public async Task GetContactList_returns_the_example_list()
    {
        ContactListResponse response = await Operations.GetContactList(Client);

        Assert.Equal(Operations.ContactListId, response.Data.Id);
        Assert.Equal(340, response.Data.ContactCount);
    }

    [Fact]
    public async Task DeleteContactList_returns_the_deleted_list()
    {
        ContactListResponse response = await Operations.DeleteContactList(Client);

        Assert.Equal("Contact list deleted successfully", response.Message);
        Assert.Null(response.Data.FilterCriteria);
        Assert.Null(response.Data.ParentId);
        Assert.Equal(150, response.Data.ContactCount);
    }

    [Fact]
    public async Task BulkAddContactsToList_returns_the_result()
    {
        BulkAddContactsToListResponse response = await Operations.BulkAddContactsToList(Client);

        Assert.Equal(2, response.Data.Added);
        Assert.Equal(343, response.Data.TotalContactsInList);
        Assert.Equal(3, response.Data.Validation!.Valid!.Count);
        Assert.Equal("jane@example.com", Assert.Single(response.Data.Contacts!).Email);
    }

    [Fact]
    public async Task RemoveContactsFromList_returns_the_counts()
    {
        RemoveContactsFromListResponse response = await Operations.RemoveContactsFromList(Client);

        Assert.Equal(2, response.Data.Removed);
        Assert.Empty(response.Data.Errors!);
    }

    [Fact]
    public async Task SearchContactsInList_returns_a_page_and_the_walk_stops_after_the_last_page()
    {
        SearchContactsInListResponse response = await Operations.SearchContactsInList(Client);

        Assert.Equal("jane@example.com", Assert.Single(response.Data.Contacts).Email);
        Assert.Equal(1, response.Data.Pagination.Pages);

        // pages: 1, so the walk asks for one page only.
        int before = Prism.Traffic.Count;
        List<Contact> all = await Operations.SearchContactsInListAll(Client);
        Assert.Equal(["jane@example.com"], all.Select(c => c.Email));
        Assert.Equal(1, Prism.Traffic.Count - before);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class TemplatesExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListTemplates_returns_two_templates()
    {
        ListTemplatesResponse response = await Operations.ListTemplates(Client);

        Assert.Equal(["Welcome Email", "Password Reset"], response.Data.Templates.Select(t => t.TemplateName));
        Assert.Equal(TemplateType.Transactional, response.Data.Templates[1].TemplateType);
        Assert.Equal(TemplateBuilderType.Code, response.Data.Templates[1].BuilderType);
    }

    [Fact]
    public async Task CreateTemplate_returns_the_created_template()
    {
        TemplateResponse response = await Operations.CreateTemplate(Client);

        Assert.Equal(Operations.TemplateId, response.Data.TemplateId);
        Assert.Equal("Welcome to {{companyName}}, {{firstName}}!", response.Data.Subject);
    }

    [Fact]
    public async Task SearchTemplates_returns_a_page_and_walks_it()
    {
        SearchTemplatesResponse response = await Operations.SearchTemplates(Client);

        Assert.Equal("Welcome Email", Assert.Single(response.Data.Templates).TemplateName);
        Assert.Equal(10, response.Data.Pagination.Limit);

        List<Template> all = await Operations.SearchTemplatesAll(Client);
        Assert.Equal([Operations.TemplateId], all.Select(t => t.TemplateId));
    }

    [Fact]
    public async Task GetTemplate_returns_the_example_template()
    {
        TemplateResponse response = await Operations.GetTemplate(Client);

        Assert.Equal("Welcome, {{firstName}}! Thanks for joining {{companyName}}.", response.Data.PlainTextTemplate);
        Assert.Equal("string", (string?)response.Data.DynamicVariables!["firstName"]);
    }

    [Fact]
    public async Task UpdateTemplate_returns_the_updated_template()
    {
        TemplateResponse response = await Operations.UpdateTemplate(Client);

        Assert.Equal("Updated Welcome Email", response.Data.TemplateName);
        Assert.Equal("Your journey starts here", response.Data.PreviewText);
    }

    [Fact]
    public async Task DeleteTemplate_returns_success()
    {
        SuccessResponse response = await Operations.DeleteTemplate(Client);

        Assert.Equal("Template successfully deleted.", response.Message);
    }

    [Fact]
    public async Task UpdateTemplatePreviewText_returns_the_new_preview_text()
    {
        TemplateResponse response = await Operations.UpdateTemplatePreviewText(Client);

        Assert.Equal("Don't miss out on our latest updates", response.Data.PreviewText);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class SendersExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListSenders_returns_two_senders()
    {
        ListSendersResponse response = await Operations.ListSenders(Client);

        Assert.Equal(["hello@example.com", "noreply@example.com"], response.Data.Senders.Select(s => s.Email));
        Assert.Equal("", response.Data.Senders[1].ReplyTo);
    }

    [Fact]
    public async Task CreateSender_returns_the_sender_and_project()
    {
        CreateSenderResponse response = await Operations.CreateSender(Client);

        Assert.Equal("Example Team", response.Data.Sender.Name);
        Assert.Equal("60d5ec49f1b2c72d9c8b1234", response.Data.ProjectId);
        Assert.Equal("Authenticated sender added successfully", response.Message);
    }

    [Fact]
    public async Task GetSender_returns_the_example_sender()
    {
        SenderResponse response = await Operations.GetSender(Client);

        Assert.Equal(Operations.SenderId, response.Data.Id);
        Assert.Equal("support@example.com", response.Data.ReplyTo);
    }

    [Fact]
    public async Task DeleteSender_returns_success()
    {
        SuccessResponse response = await Operations.DeleteSender(Client);

        Assert.Equal("Authenticated sender deleted successfully", response.Message);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class DomainsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListDomains_returns_the_verified_domain()
    {
        ListDomainsResponse response = await Operations.ListDomains(Client);

        Domain domain = Assert.Single(response.Data.Domains);
        Assert.Equal(DomainVerificationStatus.Verified, domain.VerificationStatus);
        Assert.Equal(10, domain.DnsRecords!.MailFrom![0].Priority);
        Assert.Equal(Region.UsEast1, domain.RegionKey);
    }

    [Fact]
    public async Task AddDomain_returns_the_pending_domain()
    {
        DomainResponse response = await Operations.AddDomain(Client);

        Assert.Equal("60d5ec49f1b2c72d9c8b2222", response.Data.Id);
        Assert.Equal(DomainVerificationStatus.PendingConfiguration, response.Data.VerificationStatus);
        Assert.Null(response.Data.VerifiedAt);
    }

    [Fact]
    public async Task GetDomain_returns_the_example_domain()
    {
        DomainResponse response = await Operations.GetDomain(Client);

        Assert.Equal("example.com", response.Data.DomainName);
        Assert.Equal("_dmarc.example.com", response.Data.DnsRecords!.Dmarc!.Name);
    }

    [Fact]
    public async Task DeleteDomain_returns_success()
    {
        SuccessResponse response = await Operations.DeleteDomain(Client);

        Assert.Equal("Domain deleted successfully", response.Message);
    }

    [Fact]
    public async Task VerifyDomain_returns_the_domain_and_progress()
    {
        VerifyDomainResponse response = await Operations.VerifyDomain(Client);

        Assert.True(response.Data.VerificationInProgress);
        Assert.Equal(DomainVerificationStatus.Verified, response.Data.Domain.VerificationStatus);
        Assert.Equal("Domain verification status updated", response.Message);
    }

    [Fact]
    public async Task EnableDomainInbound_returns_the_inbound_mx_record()
    {
        DomainResponse response = await Operations.EnableDomainInbound(Client);

        Assert.Equal("inbound-smtp.us-east-1.amazonaws.com", response.Data.DnsRecords!.InboundMx!.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 14, 25, 0, TimeSpan.Zero), response.Data.InboundEnabledAt);
        Assert.Null(response.Data.InboundDomainVerifiedAt);
    }

    [Fact]
    public async Task DisableDomainInbound_returns_the_domain_without_inbound()
    {
        DomainResponse response = await Operations.DisableDomainInbound(Client);

        Assert.Null(response.Data.InboundEnabledAt);
        Assert.Null(response.Data.DnsRecords!.InboundMx);
    }
}

using AutoSend.Client;

namespace AutoSend.Client.Tests.Prism.Examples;

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class SuppressionGroupsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListSuppressionGroups_returns_a_group_and_a_global_group()
    {
        ListSuppressionGroupsResponse response = await Operations.ListSuppressionGroups(Client);

        Assert.Equal(["20XWO", "B43YU"], response.Data.Groups.Select(g => g.GroupId));
        Assert.True(response.Data.Groups[1].IsGlobal);
        Assert.Equal(196, response.Data.Groups[1].SuppressionCount);
    }

    [Fact]
    public async Task CreateSuppressionGroup_returns_the_created_group()
    {
        SuppressionGroupResponse response = await Operations.CreateSuppressionGroup(Client);

        Assert.Equal("GEHYB", response.Data.GroupId);
        Assert.Equal(0, response.Data.SuppressionCount);
    }

    [Fact]
    public async Task GetSuppressionGroup_returns_the_example_group()
    {
        SuppressionGroupResponse response = await Operations.GetSuppressionGroup(Client);

        Assert.Equal(Operations.GroupId, response.Data.GroupId);
        Assert.Equal(42, response.Data.SuppressionCount);
    }

    [Fact]
    public async Task UpdateSuppressionGroup_returns_the_renamed_group()
    {
        SuppressionGroupResponse response = await Operations.UpdateSuppressionGroup(Client);

        Assert.Equal("Marketing Unsubscribes - Updated", response.Data.Name);
    }

    [Fact]
    public async Task DeleteSuppressionGroup_returns_success()
    {
        SuccessResponse response = await Operations.DeleteSuppressionGroup(Client);

        Assert.Equal("Suppression group deleted successfully", response.Message);
    }

    [Fact]
    public async Task ListSuppressionGroupsForEmail_returns_a_bare_array()
    {
        SuppressionGroupListResponse response = await Operations.ListSuppressionGroupsForEmail(Client);

        Assert.Equal("Marketing Unsubscribes", Assert.Single(response.Data).Name);
    }

    [Fact]
    public async Task SearchSuppressionEntries_returns_a_page_and_the_walk_follows_the_page_count()
    {
        SearchSuppressionEntriesResponse response = await Operations.SearchSuppressionEntries(Client);

        Assert.Equal(["user@example.com", "another@example.com"], response.Data.Entries.Select(e => e.Email));
        Assert.Equal(SuppressionReason.Bounce, response.Data.Entries[0].Reason);
        Assert.Equal(8, response.Data.Pagination.Pages);

        // The example says 8 pages of 2 entries, and Prism serves it for every page: the walk takes pages 1 to 4 for
        // MaxItems (7) entries. Each page went out as a valid body (page in the body), or the walk would have thrown.
        int before = Prism.Traffic.Count;
        List<SuppressionEntry> all = await Operations.SearchSuppressionEntriesAll(Client);
        Assert.Equal(Operations.MaxItems, all.Count);
        Assert.Equal(4, Prism.Traffic.Count - before);
    }

    [Fact]
    public async Task ListAllSuppressionEntries_returns_a_bare_array()
    {
        SuppressionEntryListResponse response = await Operations.ListAllSuppressionEntries(Client);

        SuppressionEntry entry = Assert.Single(response.Data);
        Assert.Equal("69b28d3f806d99a2a35e4f1d", entry.Id);
        Assert.Equal(Operations.GroupId, entry.GroupId);
    }

    [Fact]
    public async Task SuppressEmails_returns_the_count()
    {
        SuppressEmailsResponse response = await Operations.SuppressEmails(Client);

        Assert.Equal(2, response.Data.Suppressed);
    }

    [Fact]
    public async Task UnsuppressEmails_returns_the_count()
    {
        UnsuppressEmailsResponse response = await Operations.UnsuppressEmails(Client);

        Assert.Equal(1, response.Data.Unsuppressed);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class WebhooksExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListWebhooks_returns_the_flat_page_and_walks_it()
    {
        ListWebhooksResponse response = await Operations.ListWebhooks(Client);

        Webhook webhook = Assert.Single(response.Data.Webhooks);
        Assert.Equal("https://example.com/webhooks/autosend", webhook.Url);
        Assert.Equal([WebhookEventType.EmailDelivered, WebhookEventType.EmailBounced], webhook.Events);
        Assert.Equal(1, response.Data.TotalPages);

        List<Webhook> all = await Operations.ListWebhooksAll(Client);
        Assert.Equal([Operations.WebhookId], all.Select(w => w.Id));
    }

    [Fact]
    public async Task CreateWebhook_returns_the_webhook_with_its_secret()
    {
        CreateWebhookResponse response = await Operations.CreateWebhook(Client);

        Assert.Equal("whsec_8f3a1c2d4e5b6a7c8d9e0f1a2b3c4d5e", response.Data.Webhook.Secret);
        Assert.Null(response.Data.Webhook.LastSuccessAt);
        Assert.Equal("growth", (string?)response.Data.Webhook.Metadata!["team"]);
    }

    [Fact]
    public async Task ListWebhookEventTypes_returns_the_fourteen_events()
    {
        ListWebhookEventTypesResponse response = await Operations.ListWebhookEventTypes(Client);

        Assert.Equal(14, response.Data.Events.Count);
        Assert.Contains(WebhookEventType.EmailReceived, response.Data.Events);
    }

    [Fact]
    public async Task GetWebhook_returns_the_example_webhook()
    {
        WebhookResponse response = await Operations.GetWebhook(Client);

        Assert.Equal(WebhookStatus.Active, response.Data.Status);
        Assert.Equal("***hidden***", response.Data.Secret);
    }

    [Fact]
    public async Task UpdateWebhook_returns_the_deactivated_webhook()
    {
        WebhookResponse response = await Operations.UpdateWebhook(Client);

        Assert.False(response.Data.IsActive);
        Assert.Equal(WebhookStatus.Inactive, response.Data.Status);
        Assert.Equal(3, response.Data.Events!.Count);
    }

    [Fact]
    public async Task DeleteWebhook_returns_success()
    {
        SuccessResponse response = await Operations.DeleteWebhook(Client);

        Assert.Equal("Webhook deleted successfully", response.Message);
    }

    [Fact]
    public async Task ListWebhookDeliveryLogs_returns_the_flat_page_and_walks_it()
    {
        ListWebhookDeliveryLogsResponse response = await Operations.ListWebhookDeliveryLogs(Client);

        WebhookDeliveryLog log = Assert.Single(response.Data.Logs);
        Assert.Equal("60d5ec49f1b2c72d9c8b9999", log.Id);
        Assert.Equal(WebhookEventType.EmailDelivered, log.Event);
        Assert.Equal(142, log.Duration);

        List<WebhookDeliveryLog> all = await Operations.ListWebhookDeliveryLogsAll(Client);
        Assert.Equal(200, Assert.Single(all).StatusCode);
    }

    [Fact]
    public async Task RevealWebhookSecret_returns_the_secret()
    {
        RevealWebhookSecretResponse response = await Operations.RevealWebhookSecret(Client);

        Assert.Equal("whsec_8f3a1c2d4e5b6a7c8d9e0f1a2b3c4d5e", response.Data.Secret);
    }

    [Fact]
    public async Task ResendWebhook_returns_the_job()
    {
        ResendWebhookResponse response = await Operations.ResendWebhook(Client);

        Assert.Equal("12345", response.Data.JobId);
        Assert.Equal("Webhook queued for delivery", response.Message);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class AutomationsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListAutomations_returns_a_page_and_walks_it()
    {
        ListAutomationsResponse response = await Operations.ListAutomations(Client);

        Automation automation = Assert.Single(response.Data.WorkflowAutomations);
        Assert.Equal("Jane", automation.CreatedBy!.FirstName);
        Assert.Equal(410, automation.Analytics!.Clicked);
        Assert.Equal(AutomationEntryType.ContactCreated, automation.EntryCriteria!.Type);

        List<Automation> all = await Operations.ListAutomationsAll(Client);
        Assert.Equal([Operations.AutomationId], all.Select(a => a.Id));
    }

    [Fact]
    public async Task CreateAutomation_returns_the_created_automation()
    {
        AutomationResponse response = await Operations.CreateAutomation(Client);

        Assert.Equal(AutomationStatus.Active, response.Data.Status);
        Assert.Equal([AutomationStepType.Wait, AutomationStepType.Email], response.Data.Steps!.Select(s => s.Type));
        Assert.Equal(AutomationDelayUnit.Mins, response.Data.Steps![0].Delay!.Unit);
    }

    [Fact]
    public async Task GetAutomation_returns_the_example_automation()
    {
        AutomationResponse response = await Operations.GetAutomation(Client);

        Assert.Equal(60, response.Data.Settings!.MaxExecutionDays);
        Assert.Equal("A-abc123def456ghi789jk", response.Data.Steps![1].Email!.TemplateId);
    }

    [Fact]
    public async Task UpdateAutomation_returns_the_renamed_automation()
    {
        AutomationResponse response = await Operations.UpdateAutomation(Client);

        Assert.Equal("Welcome Series v2", response.Data.Name);
        Assert.Equal(["onboarding", "v2"], response.Data.Tags);
    }

    [Fact]
    public async Task DeleteAutomation_returns_success()
    {
        SuccessResponse response = await Operations.DeleteAutomation(Client);

        Assert.Equal("Workflow automation deleted successfully", response.Message);
    }

    [Fact]
    public async Task PauseAutomation_returns_the_paused_automation()
    {
        AutomationResponse response = await Operations.PauseAutomation(Client);

        Assert.Equal(AutomationStatus.Paused, response.Data.Status);
    }

    [Fact]
    public async Task ResumeAutomation_returns_the_active_automation()
    {
        AutomationResponse response = await Operations.ResumeAutomation(Client);

        Assert.Equal(AutomationStatus.Active, response.Data.Status);
        Assert.Equal(new DateTimeOffset(2026, 5, 8, 12, 0, 0, TimeSpan.Zero), response.Data.ActiveAt);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class EventsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListEvents_returns_two_definitions()
    {
        ListEventsResponse response = await Operations.ListEvents(Client);

        Assert.Equal(["order_completed", "signup_completed"], response.Data.Events.Select(e => e.EventName));
        Assert.Null(response.Data.Events[1].Description);
        Assert.Equal(["USD", "EUR", "GBP"], response.Data.Events[0].Properties![1].SuggestedValues!.Select(v => (string?)v));
    }

    [Fact]
    public async Task CreateEvent_returns_the_created_definition()
    {
        EventDefinitionResponse response = await Operations.CreateEvent(Client);

        Assert.Equal(Operations.EventName, response.Data.EventName);
        Assert.Equal(PropertyDataType.Boolean, response.Data.Properties![2].Type);
    }

    [Fact]
    public async Task GetEvent_returns_the_example_definition()
    {
        EventDefinitionResponse response = await Operations.GetEvent(Client);

        Assert.Equal("Total order value in USD", response.Data.Properties![0].Description);
    }

    [Fact]
    public async Task UpdateEvent_returns_the_updated_definition()
    {
        EventDefinitionResponse response = await Operations.UpdateEvent(Client);

        Assert.Equal("Updated: fired on successful checkout", response.Data.Description);
        Assert.Equal("coupon_code", response.Data.Properties![2].PropertyName);
    }

    [Fact]
    public async Task DeleteEvent_returns_success()
    {
        SuccessResponse response = await Operations.DeleteEvent(Client);

        Assert.Equal("Event deleted successfully", response.Message);
    }

    [Fact]
    public async Task SendEvent_returns_the_recorded_event()
    {
        SendEventResponse response = await Operations.SendEvent(Client);

        Assert.Equal("60d5ec49f1b2c72d9c8b8888", response.Data.ContactId);
        Assert.Equal(129.99, (double)response.Data.Properties!["order_total"]!);
        Assert.True((bool)response.Data.Properties["is_first_purchase"]!);
    }
}

using System.Text.Json.Nodes;
using AutoSend.Client;
using AutoSend.Runtime;

namespace AutoSend.Client.Tests.Prism;

/// <summary>
/// One call of the generated client per operation of spec/autosend.openapi.yaml, with realistic arguments (the spec's
/// own example values where it has them): every required parameter and body member, plus a few optional ones. The
/// example tests call these and check the typed result; the dynamic test runs all of them by operation id.
/// </summary>
internal static class Operations
{
    public const string ProjectId = "60d5ec49f1b2c72d9c8b1111";
    public const string CampaignId = "60d5ec49f1b2c72d9c8b4567";
    public const string ContactId = "507f1f77bcf86cd799439011";
    public const string ContactListId = "60d5ec49f1b2c72d9c8b4567";
    public const string TemplateId = "A-abc123def456ghi789jk";
    public const string SenderId = "60d5ec49f1b2c72d9c8b4567";
    public const string DomainId = "60d5ec49f1b2c72d9c8b1111";
    public const string GroupId = "AB12C3";
    public const string WebhookId = "60d5ec49f1b2c72d9c8b1234";
    public const string AutomationId = "60d5ec49f1b2c72d9c8b9abc";
    public const string EventName = "order_completed";
    public const string AccountProjectId = "60d5ec49f1b2c72d9c8b1234";
    public const string InboundEmailId = "60d5ec49f1b2c72d9c8b1234";
    public const string AttachmentId = "att_60d5ec49f1b2c72d9c8b9999";

    /// <summary>How many items the ...AllAsync walks take at most (Prism answers every page with the same example).</summary>
    public const int MaxItems = 7;

    private static readonly Dictionary<string, Func<AutoSendClient, Task<object>>> s_byName = [];

    static Operations()
    {
        // Mails
        Add("sendMail", SendMail);
        Add("sendBulkMail", SendBulkMail);

        // Contacts
        Add("createContact", CreateContact);
        Add("upsertContact", UpsertContact);
        Add("getContact", GetContact);
        Add("deleteContact", DeleteContact);
        Add("searchContactsByEmails", SearchContactsByEmails);
        Add("duplicateContact", DuplicateContact);
        Add("updateContactCustomFields", UpdateContactCustomFields);
        Add("deleteContactByUserId", DeleteContactByUserId);
        Add("bulkUpdateContacts", BulkUpdateContacts);
        Add("removeContacts", RemoveContacts);
        Add("listContactUnsubscribeGroups", ListContactUnsubscribeGroups);

        // ContactProperties and their deprecated CustomFields alias
        Add("listContactProperties", ListContactProperties);
        Add("createContactProperty", CreateContactProperty);
        Add("getContactProperty", GetContactProperty);
        Add("deleteContactProperty", DeleteContactProperty);
        Add("listCustomFields", ListCustomFields);
        Add("createCustomField", CreateCustomField);
        Add("getCustomField", GetCustomField);
        Add("deleteCustomField", DeleteCustomField);

        // ContactLists
        Add("listContactLists", ListContactLists);
        Add("createContactList", CreateContactList);
        Add("getContactList", GetContactList);
        Add("deleteContactList", DeleteContactList);
        Add("bulkAddContactsToList", BulkAddContactsToList);
        Add("removeContactsFromList", RemoveContactsFromList);
        Add("searchContactsInList", SearchContactsInList);
        Add("searchContactsInList (all pages)", SearchContactsInListAll);

        // Templates
        Add("listTemplates", ListTemplates);
        Add("createTemplate", CreateTemplate);
        Add("searchTemplates", SearchTemplates);
        Add("searchTemplates (all pages)", SearchTemplatesAll);
        Add("getTemplate", GetTemplate);
        Add("updateTemplate", UpdateTemplate);
        Add("deleteTemplate", DeleteTemplate);
        Add("updateTemplatePreviewText", UpdateTemplatePreviewText);

        // Senders
        Add("listSenders", ListSenders);
        Add("createSender", CreateSender);
        Add("getSender", GetSender);
        Add("deleteSender", DeleteSender);

        // Domains
        Add("listDomains", ListDomains);
        Add("addDomain", AddDomain);
        Add("getDomain", GetDomain);
        Add("deleteDomain", DeleteDomain);
        Add("verifyDomain", VerifyDomain);
        Add("enableDomainInbound", EnableDomainInbound);
        Add("disableDomainInbound", DisableDomainInbound);

        // SuppressionGroups
        Add("listSuppressionGroups", ListSuppressionGroups);
        Add("createSuppressionGroup", CreateSuppressionGroup);
        Add("getSuppressionGroup", GetSuppressionGroup);
        Add("updateSuppressionGroup", UpdateSuppressionGroup);
        Add("deleteSuppressionGroup", DeleteSuppressionGroup);
        Add("listSuppressionGroupsForEmail", ListSuppressionGroupsForEmail);
        Add("searchSuppressionEntries", SearchSuppressionEntries);
        Add("searchSuppressionEntries (all pages)", SearchSuppressionEntriesAll);
        Add("listAllSuppressionEntries", ListAllSuppressionEntries);
        Add("suppressEmails", SuppressEmails);
        Add("unsuppressEmails", UnsuppressEmails);

        // Webhooks
        Add("listWebhooks", ListWebhooks);
        Add("listWebhooks (all pages)", ListWebhooksAll);
        Add("createWebhook", CreateWebhook);
        Add("listWebhookEventTypes", ListWebhookEventTypes);
        Add("getWebhook", GetWebhook);
        Add("updateWebhook", UpdateWebhook);
        Add("deleteWebhook", DeleteWebhook);
        Add("listWebhookDeliveryLogs", ListWebhookDeliveryLogs);
        Add("listWebhookDeliveryLogs (all pages)", ListWebhookDeliveryLogsAll);
        Add("revealWebhookSecret", RevealWebhookSecret);
        Add("resendWebhook", ResendWebhook);

        // Automations
        Add("listAutomations", ListAutomations);
        Add("listAutomations (all pages)", ListAutomationsAll);
        Add("createAutomation", CreateAutomation);
        Add("getAutomation", GetAutomation);
        Add("updateAutomation", UpdateAutomation);
        Add("deleteAutomation", DeleteAutomation);
        Add("pauseAutomation", PauseAutomation);
        Add("resumeAutomation", ResumeAutomation);

        // Events
        Add("listEvents", ListEvents);
        Add("createEvent", CreateEvent);
        Add("getEvent", GetEvent);
        Add("updateEvent", UpdateEvent);
        Add("deleteEvent", DeleteEvent);
        Add("sendEvent", SendEvent);

        // Projects
        Add("listProjects", ListProjects);
        Add("createProject", CreateProject);
        Add("getProject", GetProject);
        Add("deleteProject", DeleteProject);

        // InboundEmails
        Add("listInboundEmails", ListInboundEmails);
        Add("listInboundEmails (all pages)", ListInboundEmailsAll);
        Add("getInboundEmail", GetInboundEmail);
        Add("getInboundEmailRawMimeUrl", GetInboundEmailRawMimeUrl);
        Add("downloadInboundEmailAttachment", DownloadInboundEmailAttachment);
        Add("downloadInboundEmailAttachment (file)", DownloadInboundEmailAttachmentFile);
        Add("replyToInboundEmail", ReplyToInboundEmail);

        // Campaigns
        Add("listCampaigns", ListCampaigns);
        Add("listCampaigns (all pages)", ListCampaignsAll);
        Add("createCampaign", CreateCampaign);
        Add("getCampaign", GetCampaign);
        Add("updateCampaign", UpdateCampaign);
        Add("deleteCampaign", DeleteCampaign);
        Add("duplicateCampaign", DuplicateCampaign);
        Add("pauseCampaign", PauseCampaign);
        Add("resumeCampaign", ResumeCampaign);
        Add("abortCampaign", AbortCampaign);

        // Encryption
        Add("getPublicKeys", GetPublicKeys);
    }

    /// <summary>
    /// Every call by name: the operation id, or the operation id and "(all pages)" for the paginated walks and "(file)"
    /// for the file form of a response.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<AutoSendClient, Task<object>>> ByName => s_byName;

    // ---------------------------------------------------------------- Mails

    public static Task<SendMailResponse> SendMail(AutoSendClient client) => client.Mails.SendAsync(new SendMailRequest
    {
        To = new EmailIdentity { Email = "to@example.com", Name = "Jane Smith" },
        Cc = [new EmailIdentity { Email = "cc1@example.com", Name = "CC User 1" }],
        Bcc = [new EmailIdentity { Email = "bcc@example.com" }],
        From = new EmailIdentity { Email = "from@yourdomain.com", Name = "Your Company" },
        Subject = "Welcome to Our Platform!",
        Html = "<h1>Welcome, {{name}}!</h1><p>Thanks for signing up.</p>",
        Text = "Welcome, {{name}}! Thanks for signing up.",
        DynamicData = new JsonObject { ["name"] = "Jane" },
        ReplyTo = new MailAddress { Email = "support@yourdomain.com" },
        Headers = new Dictionary<string, string> { ["X-Entity-Ref-ID"] = "order-12345" },
        Attachments = [new MailAttachment { FileName = "invoice.pdf", Content = "%PDF-1.4\n"u8.ToArray(), ContentType = "application/pdf" }],
        TrackingOpen = true,
    });

    public static Task<SendBulkMailResponse> SendBulkMail(AutoSendClient client) => client.Mails.SendBulkAsync(new SendBulkMailRequest
    {
        Recipients =
        [
            new BulkMailRecipient { Email = "customer1@example.com", Name = "Jane Smith", DynamicData = new JsonObject { ["firstName"] = "Jane", ["orderTotal"] = "$19.99" } },
            new BulkMailRecipient { Email = "customer2@example.com", Name = "John Doe", DynamicData = new JsonObject { ["firstName"] = "John", ["orderTotal"] = "$29.99" } },
        ],
        From = new MailAddress { Email = "hello@mail.yourdomain.com", Name = "Your Company" },
        Subject = "Your order {{orderNumber}}",
        Html = "<h1>Thanks, {{firstName}}!</h1><p>Total: {{orderTotal}}</p>",
        ReplyTo = new MailAddress { Email = "support@yourdomain.com" },
        TrackingClick = false,
    }, projectId: ProjectId);

    // ---------------------------------------------------------------- Contacts

    public static Task<ContactResponse> CreateContact(AutoSendClient client) => client.Contacts.CreateAsync(new CreateContactRequest
    {
        Email = "john.doe@example.com",
        FirstName = "John",
        LastName = "Doe",
        UserId = "user_12345",
        ListIds = [ContactListId],
        CustomFields = new JsonObject { ["company"] = "Acme Corp", ["plan"] = "premium" },
    });

    public static Task<ContactResponse> UpsertContact(AutoSendClient client) => client.Contacts.UpsertAsync(new UpsertContactRequest
    {
        Email = "john.doe@example.com",
        FirstName = "John",
        Mobile = "+14155552671",
        CustomFields = new JsonObject { ["role"] = "Developer" },
    }, projectId: ProjectId);

    public static Task<ContactResponse> GetContact(AutoSendClient client) => client.Contacts.GetAsync(ContactId);

    public static Task<SuccessResponse> DeleteContact(AutoSendClient client) => client.Contacts.DeleteAsync(ContactId);

    public static Task<SearchContactsByEmailsResponse> SearchContactsByEmails(AutoSendClient client) =>
        client.Contacts.SearchByEmailsAsync(new SearchContactsByEmailsRequest { Emails = ["john.doe@example.com", "jane.smith@example.com"] });

    public static Task<DuplicateContactResponse> DuplicateContact(AutoSendClient client) =>
        client.Contacts.DuplicateAsync(new DuplicateContactRequest { SourceEmail = "old-email@example.com", NewEmail = "new-email@example.com" });

    // The email goes in the path: '@' must be escaped and still match the spec's format: email.
    public static Task<ContactResponse> UpdateContactCustomFields(AutoSendClient client) =>
        client.Contacts.UpdateCustomFieldsAsync("john.doe@example.com", new JsonObject { ["lastPurchase"] = "2024-01-20", ["totalSpent"] = 499.99, ["loyaltyTier"] = "gold" });

    public static Task<SuccessResponse> DeleteContactByUserId(AutoSendClient client) => client.Contacts.DeleteByUserIdAsync("user_12345");

    public static Task<BulkUpdateContactsResponse> BulkUpdateContacts(AutoSendClient client) => client.Contacts.BulkUpdateAsync(new BulkUpdateContactsRequest
    {
        Contacts = [new BulkContactUpdate { Email = "john.doe@example.com", FirstName = "John", LastName = "Doe", UserId = "user_12345", CustomFields = new JsonObject { ["plan"] = "premium" } }],
        RunWorkflow = false,
    });

    public static Task<SuccessResponse> RemoveContacts(AutoSendClient client) =>
        client.Contacts.RemoveAsync(new RemoveContactsRequest { Emails = ["email1@example.com"] });

    public static Task<ListContactUnsubscribeGroupsResponse> ListContactUnsubscribeGroups(AutoSendClient client) => client.Contacts.ListUnsubscribeGroupsAsync(ContactId);

    // ---------------------------------------------------------------- ContactProperties / CustomFields

    public static Task<ListContactPropertiesResponse> ListContactProperties(AutoSendClient client) => client.ContactProperties.ListAsync(includeReservedFields: false);

    public static Task<ContactPropertyResponse> CreateContactProperty(AutoSendClient client) =>
        client.ContactProperties.CreateAsync(new CreateContactPropertyRequest { Name = "company", Type = PropertyDataType.String, Description = "Employer" });

    public static Task<ContactPropertyResponse> GetContactProperty(AutoSendClient client) => client.ContactProperties.GetAsync("company");

    public static Task<SuccessResponse> DeleteContactProperty(AutoSendClient client) => client.ContactProperties.DeleteAsync("company");

#pragma warning disable CS0618 // The custom-field operations are the deprecated alias; they are still operations.
    public static Task<ListCustomFieldsResponse> ListCustomFields(AutoSendClient client) => client.CustomFields.ListAsync(includeReservedFields: true);

    public static Task<CustomFieldResponse> CreateCustomField(AutoSendClient client) =>
        client.CustomFields.CreateAsync(new CreateCustomFieldRequest { FieldName = "company", FieldType = PropertyDataType.String, DefaultValue = "n/a" });

    public static Task<CustomFieldResponse> GetCustomField(AutoSendClient client) => client.CustomFields.GetAsync("company");

    public static Task<SuccessResponse> DeleteCustomField(AutoSendClient client) => client.CustomFields.DeleteAsync("company");
#pragma warning restore CS0618

    // ---------------------------------------------------------------- ContactLists

    public static Task<ListContactListsResponse> ListContactLists(AutoSendClient client) => client.ContactLists.ListAsync(ListKind.List);

    public static Task<ContactListResponse> CreateContactList(AutoSendClient client) => client.ContactLists.CreateAsync(new CreateContactListRequest
    {
        Name = "Gmail users",
        Type = ListKind.Segment,
        FilterCriteria = new FilterCriteria
        {
            LogicalOperator = LogicalOperator.And,
            Groups = [new FilterCondition { Field = "email", FieldType = PropertyDataType.String, Operator = FilterOperator.Contains, Value = "@gmail.com" }],
        },
    });

    public static Task<ContactListResponse> GetContactList(AutoSendClient client) => client.ContactLists.GetAsync(ContactListId);

    public static Task<ContactListResponse> DeleteContactList(AutoSendClient client) => client.ContactLists.DeleteAsync(ContactListId);

    public static Task<BulkAddContactsToListResponse> BulkAddContactsToList(AutoSendClient client) => client.ContactLists.BulkAddContactsAsync(new BulkAddContactsToListRequest
    {
        ContactListId = ContactListId,
        Emails = ["jane@example.com", "john@example.com", "alice@example.com"],
    });

    public static Task<RemoveContactsFromListResponse> RemoveContactsFromList(AutoSendClient client) =>
        client.ContactLists.RemoveContactsAsync(ContactListId, new RemoveContactsFromListRequest { Emails = ["jane@example.com", "john@example.com"] });

    public static Task<SearchContactsInListResponse> SearchContactsInList(AutoSendClient client) =>
        client.ContactLists.SearchContactsAsync(new SearchContactsInListRequest { ContactListId = ContactListId, Page = 1, Limit = 20, Email = "jane" });

    public static Task<List<Contact>> SearchContactsInListAll(AutoSendClient client) =>
        Walk(client.ContactLists.SearchContactsAllAsync(new SearchContactsInListRequest { ContactListId = ContactListId, Limit = 20 }));

    // ---------------------------------------------------------------- Templates

    public static Task<ListTemplatesResponse> ListTemplates(AutoSendClient client) => client.Templates.ListAsync(TemplateType.Transactional, limit: 10);

    public static Task<TemplateResponse> CreateTemplate(AutoSendClient client) => client.Templates.CreateAsync(new CreateTemplateRequest
    {
        TemplateName = "Welcome Email",
        Subject = "Welcome to {{companyName}}, {{firstName}}!",
        Description = "Welcome email for new users",
        PreviewText = "We are glad to have you on board",
        EmailTemplate = "<h1>Welcome, {{firstName}}!</h1><p>Thanks for joining {{companyName}}.</p>",
        TemplateType = TemplateType.Transactional,
        BuilderType = TemplateBuilderType.Code,
        DynamicVariables = new JsonObject { ["firstName"] = "string", ["companyName"] = "string" },
    });

    public static Task<SearchTemplatesResponse> SearchTemplates(AutoSendClient client) =>
        client.Templates.SearchAsync(query: "welcome", templateType: TemplateType.Transactional, page: 1, limit: 10, sortBy: "createdAt");

    public static Task<List<Template>> SearchTemplatesAll(AutoSendClient client) => Walk(client.Templates.SearchAllAsync(query: "welcome", limit: 10));

    public static Task<TemplateResponse> GetTemplate(AutoSendClient client) => client.Templates.GetAsync(TemplateId);

    public static Task<TemplateResponse> UpdateTemplate(AutoSendClient client) => client.Templates.UpdateAsync(TemplateId, new UpdateTemplateRequest
    {
        TemplateName = "Updated Welcome Email",
        Subject = "Welcome aboard, {{firstName}}!",
        EmailTemplate = "<h1>Hey {{firstName}}!</h1><p>We are excited to have you at {{companyName}}.</p>",
        PreviewText = "Your journey starts here",
    });

    public static Task<SuccessResponse> DeleteTemplate(AutoSendClient client) => client.Templates.DeleteAsync(TemplateId);

    public static Task<TemplateResponse> UpdateTemplatePreviewText(AutoSendClient client) =>
        client.Templates.UpdatePreviewTextAsync(TemplateId, new UpdateTemplatePreviewTextRequest { PreviewText = "Don't miss out on our latest updates" });

    // ---------------------------------------------------------------- Senders

    public static Task<ListSendersResponse> ListSenders(AutoSendClient client) => client.Senders.ListAsync(projectId: ProjectId);

    public static Task<CreateSenderResponse> CreateSender(AutoSendClient client) =>
        client.Senders.CreateAsync(new CreateSenderRequest { Email = "hello@example.com", Name = "Example Team", ReplyTo = "support@example.com" });

    public static Task<SenderResponse> GetSender(AutoSendClient client) => client.Senders.GetAsync(SenderId);

    public static Task<SuccessResponse> DeleteSender(AutoSendClient client) => client.Senders.DeleteAsync(SenderId);

    // ---------------------------------------------------------------- Domains

    public static Task<ListDomainsResponse> ListDomains(AutoSendClient client) => client.Domains.ListAsync();

    public static Task<DomainResponse> AddDomain(AutoSendClient client) =>
        client.Domains.AddAsync(new AddDomainRequest { Domain = "example.com", RegionKey = Region.UsEast1 });

    public static Task<DomainResponse> GetDomain(AutoSendClient client) => client.Domains.GetAsync(DomainId);

    public static Task<SuccessResponse> DeleteDomain(AutoSendClient client) => client.Domains.DeleteAsync(DomainId);

    public static Task<VerifyDomainResponse> VerifyDomain(AutoSendClient client) => client.Domains.VerifyAsync(DomainId);

    public static Task<DomainResponse> EnableDomainInbound(AutoSendClient client) => client.Domains.EnableInboundAsync(DomainId);

    public static Task<DomainResponse> DisableDomainInbound(AutoSendClient client) => client.Domains.DisableInboundAsync(DomainId);

    // ---------------------------------------------------------------- SuppressionGroups

    public static Task<ListSuppressionGroupsResponse> ListSuppressionGroups(AutoSendClient client) => client.SuppressionGroups.ListAsync(includeGlobal: true);

    public static Task<SuppressionGroupResponse> CreateSuppressionGroup(AutoSendClient client) => client.SuppressionGroups.CreateAsync(new CreateSuppressionGroupRequest
    {
        Name = "Marketing Unsubscribes",
        Description = "Users who opted out of marketing",
        IsActive = true,
    });

    public static Task<SuppressionGroupResponse> GetSuppressionGroup(AutoSendClient client) => client.SuppressionGroups.GetAsync(GroupId);

    public static Task<SuppressionGroupResponse> UpdateSuppressionGroup(AutoSendClient client) => client.SuppressionGroups.UpdateAsync(GroupId, new UpdateSuppressionGroupRequest
    {
        Name = "Marketing Unsubscribes - Updated",
        Description = "Users who opted out of all marketing emails",
        IsActive = true,
    });

    public static Task<SuccessResponse> DeleteSuppressionGroup(AutoSendClient client) => client.SuppressionGroups.DeleteAsync(GroupId);

    public static Task<SuppressionGroupListResponse> ListSuppressionGroupsForEmail(AutoSendClient client) =>
        client.SuppressionGroups.ListForEmailAsync(new ListSuppressionGroupsForEmailRequest { Email = "user@example.com" });

    public static Task<SearchSuppressionEntriesResponse> SearchSuppressionEntries(AutoSendClient client) => client.SuppressionGroups.SearchEntriesAsync(new SearchSuppressionEntriesRequest
    {
        GroupId = GroupId,
        Reason = SuppressionReason.Unsubscribe,
        Page = 1,
        Limit = 20,
        StartDate = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        EndDate = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
    });

    public static Task<List<SuppressionEntry>> SearchSuppressionEntriesAll(AutoSendClient client) =>
        Walk(client.SuppressionGroups.SearchEntriesAllAsync(new SearchSuppressionEntriesRequest { GroupId = GroupId, Limit = 20 }));

    public static Task<SuppressionEntryListResponse> ListAllSuppressionEntries(AutoSendClient client) =>
        client.SuppressionGroups.ListAllEntriesAsync(new ListAllSuppressionEntriesRequest { GroupId = GroupId, Reason = SuppressionReason.Bounce });

    public static Task<SuppressEmailsResponse> SuppressEmails(AutoSendClient client) => client.SuppressionGroups.SuppressEmailsAsync(new SuppressEmailsRequest
    {
        Emails = ["user@example.com", "another@example.com"],
        GroupId = GroupId,
        Reason = SuppressionReason.Unsubscribe,
        IsGlobal = false,
    });

    public static Task<UnsuppressEmailsResponse> UnsuppressEmails(AutoSendClient client) =>
        client.SuppressionGroups.UnsuppressEmailsAsync(new UnsuppressEmailsRequest { Emails = ["user@example.com"], GroupId = GroupId });

    // ---------------------------------------------------------------- Webhooks

    public static Task<ListWebhooksResponse> ListWebhooks(AutoSendClient client) => client.Webhooks.ListAsync(isActive: true, page: 1, limit: 50);

    public static Task<List<Webhook>> ListWebhooksAll(AutoSendClient client) => Walk(client.Webhooks.ListAllAsync(isActive: true, limit: 50));

    public static Task<CreateWebhookResponse> CreateWebhook(AutoSendClient client) => client.Webhooks.CreateAsync(new CreateWebhookRequest
    {
        Url = "https://example.com/webhooks/autosend",
        Events = [WebhookEventType.EmailDelivered, WebhookEventType.EmailBounced],
        Metadata = new JsonObject { ["team"] = "growth" },
    });

    public static Task<ListWebhookEventTypesResponse> ListWebhookEventTypes(AutoSendClient client) => client.Webhooks.ListEventTypesAsync();

    public static Task<WebhookResponse> GetWebhook(AutoSendClient client) => client.Webhooks.GetAsync(WebhookId);

    public static Task<WebhookResponse> UpdateWebhook(AutoSendClient client) => client.Webhooks.UpdateAsync(WebhookId, new UpdateWebhookRequest
    {
        Events = [WebhookEventType.EmailDelivered, WebhookEventType.EmailOpened, WebhookEventType.EmailClicked],
        IsActive = false,
    });

    public static Task<SuccessResponse> DeleteWebhook(AutoSendClient client) => client.Webhooks.DeleteAsync(WebhookId);

    public static Task<ListWebhookDeliveryLogsResponse> ListWebhookDeliveryLogs(AutoSendClient client) => client.Webhooks.ListDeliveryLogsAsync(WebhookId, page: 1, limit: 50);

    public static Task<List<WebhookDeliveryLog>> ListWebhookDeliveryLogsAll(AutoSendClient client) => Walk(client.Webhooks.ListDeliveryLogsAllAsync(WebhookId, limit: 50));

    public static Task<RevealWebhookSecretResponse> RevealWebhookSecret(AutoSendClient client) => client.Webhooks.RevealSecretAsync(WebhookId);

    public static Task<ResendWebhookResponse> ResendWebhook(AutoSendClient client) => client.Webhooks.ResendAsync(WebhookId, new ResendWebhookRequest
    {
        Event = WebhookEventType.EmailDelivered,
        Data = new JsonObject { ["messageId"] = "msg_abc123", ["to"] = "recipient@example.com" },
    });

    // ---------------------------------------------------------------- Automations

    public static Task<ListAutomationsResponse> ListAutomations(AutoSendClient client) => client.Automations.ListAsync(AutomationStatus.Active, tags: "onboarding,trial", page: 1, limit: 20);

    public static Task<List<Automation>> ListAutomationsAll(AutoSendClient client) => Walk(client.Automations.ListAllAsync(AutomationStatus.Active, limit: 20));

    public static Task<AutomationResponse> CreateAutomation(AutoSendClient client) => client.Automations.CreateAsync(new CreateAutomationRequest
    {
        Name = "Welcome Series",
        Active = true,
        EntryCriteria = new AutomationEntryCriteria { Type = AutomationEntryType.ContactCreated },
        ExitCriteria = new AutomationExitCriteria { Type = AutomationExitType.WorkflowComplete },
        Tags = ["onboarding"],
        TrackingOpen = true,
        TrackingClick = true,
        Steps =
        [
            new AutomationStep
            {
                StepId = "step_wait_intro",
                Type = AutomationStepType.Wait,
                Delay = new AutomationDelay { Value = 2, Unit = AutomationDelayUnit.Mins },
                NextStepId = "step_email_intro",
            },
            new AutomationStep
            {
                StepId = "step_email_intro",
                Type = AutomationStepType.Email,
                Email = new AutomationEmail
                {
                    SenderEmail = "team@example.com",
                    SenderName = "Example Team",
                    Subject = "Welcome to Example!",
                    PreviewText = "Glad to have you with us.",
                    HtmlTemplate = "<html><body><h1>Welcome {{firstName}}!</h1></body></html>",
                },
            },
        ],
    });

    public static Task<AutomationResponse> GetAutomation(AutoSendClient client) => client.Automations.GetAsync(AutomationId);

    public static Task<AutomationResponse> UpdateAutomation(AutoSendClient client) => client.Automations.UpdateAsync(AutomationId, new UpdateAutomationRequest
    {
        Name = "Welcome Series v2",
        Tags = ["onboarding", "v2"],
        TrackingClick = true,
        Active = true,
    });

    public static Task<SuccessResponse> DeleteAutomation(AutoSendClient client) => client.Automations.DeleteAsync(AutomationId);

    public static Task<AutomationResponse> PauseAutomation(AutoSendClient client) => client.Automations.PauseAsync(AutomationId);

    public static Task<AutomationResponse> ResumeAutomation(AutoSendClient client) => client.Automations.ResumeAsync(AutomationId, projectId: ProjectId);

    // ---------------------------------------------------------------- Events

    public static Task<ListEventsResponse> ListEvents(AutoSendClient client) => client.Events.ListAsync();

    public static Task<EventDefinitionResponse> CreateEvent(AutoSendClient client) => client.Events.CreateAsync(new CreateEventRequest
    {
        EventName = EventName,
        Description = "Fired when a customer completes a checkout",
        Properties =
        [
            new EventPropertyDefinitionInput { PropertyName = "order_total", Type = PropertyDataType.Number, Description = "Total order value in USD" },
            new EventPropertyDefinitionInput { PropertyName = "currency", Type = PropertyDataType.String, SuggestedValues = new SuggestedValues([JsonValue.Create("USD"), JsonValue.Create("EUR"), JsonValue.Create("GBP")]) },
            new EventPropertyDefinitionInput { PropertyName = "plan", Type = PropertyDataType.String, SuggestedValues = "free,pro,team" },
        ],
    });

    public static Task<EventDefinitionResponse> GetEvent(AutoSendClient client) => client.Events.GetAsync(EventName);

    public static Task<EventDefinitionResponse> UpdateEvent(AutoSendClient client) => client.Events.UpdateAsync(EventName, new UpdateEventRequest
    {
        Description = "Updated: fired on successful checkout",
        Properties =
        [
            new EventPropertyDefinitionInput { PropertyName = "order_total", Type = PropertyDataType.Number },
            new EventPropertyDefinitionInput { PropertyName = "coupon_code", Type = PropertyDataType.String },
        ],
    });

    public static Task<SuccessResponse> DeleteEvent(AutoSendClient client) => client.Events.DeleteAsync(EventName);

    public static Task<SendEventResponse> SendEvent(AutoSendClient client) => client.Events.SendAsync(new SendEventRequest
    {
        EventName = EventName,
        Email = "jane@example.com",
        EventProperties = new JsonObject { ["order_total"] = 129.99, ["currency"] = "USD", ["is_first_purchase"] = true },
    });

    // ---------------------------------------------------------------- Projects

    public static Task<ListProjectsResponse> ListProjects(AutoSendClient client) => client.Projects.ListAsync();

    public static Task<ProjectResponse> CreateProject(AutoSendClient client) =>
        client.Projects.CreateAsync(new CreateProjectRequest { Name = "My New Project", Domain = "example.com", RegionKey = Region.UsEast1 });

    public static Task<ProjectResponse> GetProject(AutoSendClient client) => client.Projects.GetAsync(AccountProjectId);

    public static Task<SuccessResponse> DeleteProject(AutoSendClient client) => client.Projects.DeleteAsync(AccountProjectId, xProjectId: AccountProjectId);

    // ---------------------------------------------------------------- InboundEmails

    public static Task<ListInboundEmailsResponse> ListInboundEmails(AutoSendClient client) => client.InboundEmails.ListAsync(
        from: "customer@gmail.com",
        dateFrom: new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
        includeBlocked: false,
        page: 1,
        limit: 50);

    public static Task<List<InboundEmailSummary>> ListInboundEmailsAll(AutoSendClient client) =>
        Walk(client.InboundEmails.ListAllAsync(to: "help@support.example.com", dateTo: new DateTimeOffset(2026, 7, 1, 12, 30, 0, TimeSpan.FromHours(2)), limit: 50));

    public static Task<InboundEmailResponse> GetInboundEmail(AutoSendClient client) => client.InboundEmails.GetAsync(InboundEmailId);

    public static Task<InboundEmailDownloadLinkResponse> GetInboundEmailRawMimeUrl(AutoSendClient client) => client.InboundEmails.GetRawMimeUrlAsync(InboundEmailId);

    public static Task<InboundEmailDownloadLinkResponse> DownloadInboundEmailAttachment(AutoSendClient client) =>
        client.InboundEmails.DownloadAttachmentAsync(InboundEmailId, AttachmentId);

    public static Task<ApiFile> DownloadInboundEmailAttachmentFile(AutoSendClient client) =>
        client.InboundEmails.DownloadAttachmentFileAsync(InboundEmailId, AttachmentId, download: true);

    public static Task<ReplyToInboundEmailResponse> ReplyToInboundEmail(AutoSendClient client) => client.InboundEmails.ReplyAsync(InboundEmailId, new ReplyToInboundEmailRequest
    {
        From = new InboundReplySender { Email = "help@support.example.com", Name = "Support Team" },
        Subject = "Re: Question about my order",
        Html = "<p>Hi Jane, your order #4821 shipped today.</p>",
        Text = "Hi Jane, your order #4821 shipped today.",
        Attachments = [new InboundReplyAttachment { FileName = "label.txt", Content = "Tracking: 1Z999"u8.ToArray(), ContentType = "text/plain" }],
    });

    // ---------------------------------------------------------------- Campaigns

    public static Task<ListCampaignsResponse> ListCampaigns(AutoSendClient client) => client.Campaigns.ListAsync(
        status: CampaignStatus.Sent,
        page: 1,
        limit: 20,
        startDate: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        includeCounts: BooleanString.True);

    public static Task<List<Campaign>> ListCampaignsAll(AutoSendClient client) => Walk(client.Campaigns.ListAllAsync(name: "Spring", limit: 20));

    public static Task<CampaignResponse> CreateCampaign(AutoSendClient client) => client.Campaigns.CreateAsync(new CreateCampaignRequest
    {
        Name = "Spring Sale Newsletter",
        Subject = "Don't miss our Spring Sale!",
        PreviewText = "Up to 50% off this weekend only",
        From = new EmailIdentity { Email = "hello@example.com", Name = "Example Team" },
        ReplyTo = "support@example.com",
        TemplateId = "A-280fa451a7ca5cc17513",
        ToLists = ["60d5ec49f1b2c72d9c8b0001"],
        SendMode = CampaignSendMode.Gradual,
        GradualStrategy = GradualStrategy.Value1_5x,
        DailyBatchSize = 200,
        ScheduledAt = new DateTimeOffset(2026, 4, 6, 8, 0, 0, TimeSpan.Zero),
        Timezone = "America/New_York",
        TrackingClick = true,
        TrackingOpen = true,
    });

    public static Task<CampaignResponse> GetCampaign(AutoSendClient client) => client.Campaigns.GetAsync(CampaignId, projectId: ProjectId);

    public static Task<CampaignResponse> UpdateCampaign(AutoSendClient client) => client.Campaigns.UpdateAsync(CampaignId, new UpdateCampaignRequest
    {
        Name = "Spring Sale Newsletter - Final",
        Subject = "Last chance: Spring Sale ends tonight!",
        PreviewText = "Up to 50% off, ends at midnight",
        TrackingClick = true,
        TrackingOpen = true,
    });

    public static Task<SuccessResponse> DeleteCampaign(AutoSendClient client) => client.Campaigns.DeleteAsync(CampaignId);

    public static Task<CampaignResponse> DuplicateCampaign(AutoSendClient client) => client.Campaigns.DuplicateAsync(CampaignId);

    public static Task<CampaignResponse> PauseCampaign(AutoSendClient client) => client.Campaigns.PauseAsync(CampaignId);

    public static Task<CampaignResponse> ResumeCampaign(AutoSendClient client) => client.Campaigns.ResumeAsync(CampaignId);

    public static Task<CampaignResponse> AbortCampaign(AutoSendClient client) => client.Campaigns.AbortAsync(CampaignId);

    // ---------------------------------------------------------------- Encryption

    public static Task<JsonWebKeySet> GetPublicKeys(AutoSendClient client) => client.Encryption.GetPublicKeysAsync();

    // ----------------------------------------------------------------

    /// <summary>Walks a paginated list, at most <see cref="MaxItems"/> items: Prism serves the same page for every page number.</summary>
    private static async Task<List<T>> Walk<T>(IAsyncEnumerable<T> items) => await items.Take(MaxItems).ToListAsync();

    private static void Add<T>(string name, Func<AutoSendClient, Task<T>> call) => s_byName.Add(name, async client =>
    {
        T result = await call(client);
        if (result is IDisposable disposable)
        {
            // An ApiFile: read it to the end, as a caller would, then release the connection.
            if (result is ApiFile file)
            {
                await file.Content.CopyToAsync(Stream.Null);
            }

            disposable.Dispose();
        }

        return result!;
    });
}

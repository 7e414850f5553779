using AutoSend.Client;

namespace AutoSend.Client.Tests.Prism.Examples;

// Each test calls one operation against Prism serving the spec's examples: a pass means Prism accepted the request
// (with --errors, an invalid one would be an ApiException) and the example deserialized into the generated types.
// Test names start with the operation id; AllOperationsTests checks that every operation has one.

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class MailsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task SendMail_returns_the_queued_example()
    {
        SendMailResponse response = await Operations.SendMail(Client);

        Assert.True(response.Success);
        Assert.Equal("698afb75ff4bc5466e3a797a", response.Data.EmailId);
        Assert.Equal(1, response.Data.TotalRecipients);
    }

    [Fact]
    public async Task SendBulkMail_returns_the_batch_example()
    {
        SendBulkMailResponse response = await Operations.SendBulkMail(Client);

        Assert.Equal(Guid.Parse("ae22c1e0-2022-4f6b-bdca-ce94901fbc6e"), response.Data.BatchId);
        Assert.Equal(2, response.Data.SuccessCount);
        Assert.Equal(0, response.Data.FailedCount);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class ContactsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task CreateContact_returns_the_created_contact()
    {
        ContactResponse response = await Operations.CreateContact(Client);

        Assert.Equal(Operations.ContactId, response.Data.Id);
        Assert.Equal("john.doe@example.com", response.Data.Email);
        Assert.Equal("Acme Corp", (string?)response.Data.CustomFields!["company"]);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.Zero), response.Data.CreatedAt);
    }

    [Fact]
    public async Task UpsertContact_returns_the_upserted_contact()
    {
        ContactResponse response = await Operations.UpsertContact(Client);

        Assert.Equal("+14155552671", response.Data.Mobile);
        Assert.Empty(response.Data.SegmentIds!);
    }

    [Fact]
    public async Task GetContact_returns_the_example_contact()
    {
        ContactResponse response = await Operations.GetContact(Client);

        Assert.Equal("user_12345", response.Data.UserId);
        Assert.Equal(["6a0c0fb56ae88a19f5a010a9"], response.Data.SegmentIds);
        Assert.Equal("229f1f77bcf86cd9273048038", response.Data.ProjectId);
    }

    [Fact]
    public async Task DeleteContact_returns_success()
    {
        SuccessResponse response = await Operations.DeleteContact(Client);

        Assert.True(response.Success);
        Assert.Equal("Contact deleted successfully", response.Message);
    }

    [Fact]
    public async Task SearchContactsByEmails_returns_the_found_contacts()
    {
        SearchContactsByEmailsResponse response = await Operations.SearchContactsByEmails(Client);

        Contact contact = Assert.Single(response.Data.Contacts);
        Assert.Equal("john.doe@example.com", contact.Email);
        Assert.Equal("premium", (string?)contact.CustomFields!["plan"]);
    }

    [Fact]
    public async Task DuplicateContact_returns_source_and_copy()
    {
        DuplicateContactResponse response = await Operations.DuplicateContact(Client);

        Assert.Equal("old-email@example.com", response.Data.SourceContact!.Email);
        Assert.Equal("new-email@example.com", response.Data.NewContact!.Email);
        Assert.Equal("507f1f77bcf86cd799439099", response.Data.NewContact.Id);
    }

    [Fact]
    public async Task UpdateContactCustomFields_returns_the_updated_values()
    {
        ContactResponse response = await Operations.UpdateContactCustomFields(Client);

        Assert.Equal(499.99, (double)response.Data.CustomFields!["totalSpent"]!);
        Assert.Equal("gold", (string?)response.Data.CustomFields["loyaltyTier"]);
        Assert.Equal("/contacts/email/john.doe%40example.com/custom-fields", Assert.Single(Prism.Traffic.Since(Prism.Traffic.Count - 1)).PathAndQuery);
    }

    [Fact]
    public async Task DeleteContactByUserId_returns_success()
    {
        SuccessResponse response = await Operations.DeleteContactByUserId(Client);

        Assert.Equal("Contact deleted successfully", response.Message);
    }

    [Fact]
    public async Task BulkUpdateContacts_returns_the_counts()
    {
        BulkUpdateContactsResponse response = await Operations.BulkUpdateContacts(Client);

        Assert.Equal(1, response.Data.SuccessCount);
        Assert.Equal(1, response.Data.TotalCount);
    }

    [Fact]
    public async Task RemoveContacts_returns_success()
    {
        SuccessResponse response = await Operations.RemoveContacts(Client);

        Assert.True(response.Success);
        Assert.Null(response.Message);
    }

    [Fact]
    public async Task ListContactUnsubscribeGroups_returns_the_groups()
    {
        ListContactUnsubscribeGroupsResponse response = await Operations.ListContactUnsubscribeGroups(Client);

        ContactUnsubscribeGroup group = Assert.Single(response.Data.Groups);
        Assert.Equal("20XWO", group.GroupId);
        Assert.Equal("Our blog", group.Name);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class ContactPropertiesExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListContactProperties_returns_both_properties()
    {
        ListContactPropertiesResponse response = await Operations.ListContactProperties(Client);

        Assert.Equal(["isVerified", "company"], response.Data.ContactProperties.Select(p => p.Name));
        Assert.Equal(PropertyDataType.Boolean, response.Data.ContactProperties[0].Type);
        Assert.Equal("Contact properties retrieved successfully", response.Message);
    }

    [Fact]
    public async Task CreateContactProperty_returns_the_created_property()
    {
        ContactPropertyResponse response = await Operations.CreateContactProperty(Client);

        Assert.Equal("company", response.Data.Name);
        Assert.Equal(PropertyDataType.String, response.Data.Type);
        Assert.Equal("6960953e729f65f154369408", response.Data.Id);
    }

    [Fact]
    public async Task GetContactProperty_returns_the_example_property()
    {
        ContactPropertyResponse response = await Operations.GetContactProperty(Client);

        Assert.Equal("isVerified", response.Data.Name);
        Assert.Equal(PropertyDataType.Boolean, response.Data.Type);
        Assert.Equal(new DateTimeOffset(2026, 3, 24, 9, 26, 18, 826, TimeSpan.Zero), response.Data.UpdatedAt);
    }

    [Fact]
    public async Task DeleteContactProperty_returns_success()
    {
        SuccessResponse response = await Operations.DeleteContactProperty(Client);

        Assert.Equal("Contact property deleted successfully", response.Message);
    }
}

[Collection(PrismExamplesDefinition.Name)]
[Trait("Category", "Slow")]
public sealed class CustomFieldsExampleTests(PrismExamplesFixture prism) : PrismTest(prism)
{
    [Fact]
    public async Task ListCustomFields_returns_the_field()
    {
        ListCustomFieldsResponse response = await Operations.ListCustomFields(Client);

        CustomField field = Assert.Single(response.Data.CustomFields);
        Assert.Equal("company", field.FieldName);
        Assert.Equal(PropertyDataType.String, field.FieldType);
    }

    [Fact]
    public async Task CreateCustomField_returns_the_created_field()
    {
        CustomFieldResponse response = await Operations.CreateCustomField(Client);

        Assert.Equal("229f1f77bcf86cd9273048038", response.Data.ProjectId);
        Assert.Equal("Custom field created successfully", response.Message);
    }

    [Fact]
    public async Task GetCustomField_returns_the_example_field()
    {
        CustomFieldResponse response = await Operations.GetCustomField(Client);

        Assert.Equal("6960953e729f65f154369408", response.Data.Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 9, 5, 42, 22, 171, TimeSpan.Zero), response.Data.CreatedAt);
    }

    [Fact]
    public async Task DeleteCustomField_returns_success()
    {
        SuccessResponse response = await Operations.DeleteCustomField(Client);

        Assert.Equal("Custom field deleted successfully", response.Message);
    }
}

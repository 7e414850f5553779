using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AutoSend.Runtime;
using AutoSend.Testing;
using Fixtures.Hooks;

namespace AutoSend.Client.Tests;

/// <summary>
/// Receiving webhooks: AutoSend's 14 documented deliveries verified with its scheme (hex HMAC-SHA256 of the raw body
/// with the whsec_ secret, timestamp in milliseconds) and parsed into their payload types; a wrong signature never
/// yields a payload. The Hooks fixture covers a discriminator union, Base64 after a prefix and seconds.
/// </summary>
public sealed class WebhookTests
{
    private const string Secret = "whsec_test_5f2b6c1c0b8e4f1a";
    private static readonly ManualClock s_clock = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));

    private const string EmailSent = """
        {"type":"email.sent","createdAt":"2026-03-01T09:59:59.000Z","data":{"emailId":"64f1a2b3c4d5e6f7a8b9c0d1","from":"news@example.com","to":{"email":"user@example.com","name":"Ada"},"subject":"Spring sale","test":false,"campaignId":"60d5ec49f1b2c72d9c8b4567"}}
        """;

    private static string HexSignature(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static Func<string, string?> Headers(string body, string? signature = null, long? timestamp = null, string? eventName = null) => name => name switch
    {
        "X-Webhook-Signature" => signature ?? HexSignature(body, Secret),
        "X-Webhook-Timestamp" => (timestamp ?? s_clock.GetUtcNow().ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture),
        "X-Webhook-Event" => eventName,
        _ => null,
    };

    [Fact]
    public void A_signed_AutoSend_delivery_is_verified_and_parsed_into_its_payload_type()
    {
        AutoSendWebhook delivery = AutoSendWebhooks.Parse(Encoding.UTF8.GetBytes(EmailSent), Headers(EmailSent), Secret, s_clock);

        Assert.True(delivery.IsKnown);
        Assert.Equal("email.sent", delivery.Name);
        EmailSentEvent sent = Assert.IsType<EmailSentEvent>(delivery.Payload);
        Assert.Same(sent, delivery.EmailSent);
        Assert.Null(delivery.EmailBounced);
        Assert.Equal("60d5ec49f1b2c72d9c8b4567", sent.Data.CampaignId);
        Assert.Equal("user@example.com", sent.Data.To!.Email);
    }

    [Fact]
    public void Every_documented_AutoSend_event_has_a_payload_property()
    {
        string[] documented =
        [
            "EmailSent", "EmailDelivered", "EmailDeferred", "EmailBounced", "EmailOpened", "EmailClicked", "EmailSpamReported",
            "EmailUnsubscribed", "EmailGroupUnsubscribed", "EmailGroupResubscribed", "ContactCreated", "ContactUpdated", "ContactDeleted", "EmailReceived",
        ];

        Assert.All(documented, name => Assert.NotNull(typeof(AutoSendWebhook).GetProperty(name)));
    }

    [Theory]
    [InlineData("tampered body")]
    [InlineData("other secret")]
    [InlineData("missing signature")]
    [InlineData("not hex")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("missing timestamp")]
    public void A_delivery_that_fails_verification_throws_and_returns_no_payload(string fault)
    {
        string body = fault == "tampered body" ? EmailSent.Replace("Spring sale", "Spring sale!", StringComparison.Ordinal) : EmailSent;
        long now = s_clock.GetUtcNow().ToUnixTimeMilliseconds();
        Func<string, string?> headers = fault switch
        {
            "other secret" => Headers(body, HexSignature(body, "whsec_other")),
            "missing signature" => name => name == "X-Webhook-Signature" ? null : Headers(body)(name),
            "not hex" => Headers(body, "zz" + HexSignature(body, Secret)[2..]),
            "stale" => Headers(body, timestamp: now - 301_000),
            "future" => Headers(body, timestamp: now + 61_000),
            "missing timestamp" => name => name == "X-Webhook-Timestamp" ? null : Headers(body)(name),
            _ => Headers(EmailSent),
        };

        ApiWebhookSignatureException error = Assert.Throws<ApiWebhookSignatureException>(() =>
            AutoSendWebhooks.Parse(Encoding.UTF8.GetBytes(body), headers, Secret, s_clock));

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(HexSignature(body, Secret), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_the_document_does_not_know_is_kept_as_JSON_and_the_signed_body_outranks_the_event_header()
    {
        const string future = """{"type":"campaign.finished","createdAt":"2026-03-01T10:00:00.000Z","data":{"campaignId":"c1"}}""";

        // X-Webhook-Event is not covered by the signature: the body's own type decides.
        AutoSendWebhook unknown = AutoSendWebhooks.Parse(Encoding.UTF8.GetBytes(future), Headers(future, eventName: "email.sent"), Secret, s_clock);

        Assert.False(unknown.IsKnown);
        Assert.Equal("campaign.finished", unknown.Name);
        Assert.Null(unknown.EmailSent);
        Assert.Equal("c1", (string?)Assert.IsAssignableFrom<System.Text.Json.Nodes.JsonNode>(unknown.Payload)["data"]!["campaignId"]);
    }

    [Fact]
    public void A_signed_body_that_is_not_the_documented_JSON_is_a_FormatException()
    {
        const string body = """{"type":"email.sent","createdAt":"not a date","data":{}}""";

        Assert.Throws<FormatException>(() => AutoSendWebhooks.Parse(Encoding.UTF8.GetBytes(body), Headers(body), Secret, s_clock));
    }

    [Fact]
    public void A_discriminator_union_payload_with_a_prefixed_Base64_signature_and_a_timestamp_in_seconds()
    {
        const string secret = "hook-secret";
        const string body = """{"kind":"order.cancelled","orderId":"o-7","reason":"out of stock"}""";
        string signature = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
        string seconds = s_clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        HooksWebhook delivery = HooksWebhooks.Parse(Encoding.UTF8.GetBytes(body), name => name switch
        {
            "X-Hook-Signature" => signature,
            "X-Hook-Time" => seconds,
            _ => null,
        }, secret, s_clock);
        HooksWebhook ping = HooksWebhooks.ParseUnverified("""{"sentAt":"2026-03-01T10:00:00Z"}"""u8, "ping");

        Assert.Equal("order.cancelled", delivery.Name);
        Assert.Null(delivery.OrderCreated);
        Assert.Equal("out of stock", delivery.OrderCancelled!.AsOrderCancelled!.Reason);
        Assert.NotNull(ping.Ping);
        Assert.Throws<FormatException>(() => HooksWebhooks.ParseUnverified("{}"u8));
    }

    [Fact]
    public async Task The_sandbox_delivers_a_signed_email_sent_when_a_campaign_starts_sending_and_it_verifies()
    {
        var clock = new ManualClock();
        await using LoopbackServer receiver = await LoopbackServer.StartAsync(200, """{"received":true}""");
        await using Sandbox.Sandbox sandbox = await Sandbox.Sandbox.StartAsync(new Sandbox.SandboxOptions
        {
            Clock = clock,
            Webhooks = [new Sandbox.SandboxWebhook(new Uri(receiver.Address, "hooks/autosend"), Secret)],
        });
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = "AS_test.key", BaseAddress = sandbox.BaseAddress, MaxRetries = 0 });

        CampaignResponse created = await client.Campaigns.CreateAsync(new CreateCampaignRequest
        {
            Name = "Spring Sale", Subject = "Sale", HtmlTemplate = "<p>Hi</p>", ToLists = ["60d5ec49f1b2c72d9c8b1111"], SendNow = true,
        });
        clock.Advance(TimeSpan.FromSeconds(2));
        await client.Campaigns.GetAsync(created.Data.Id!);
        IReadOnlyList<Sandbox.SandboxWebhookDelivery> deliveries = await sandbox.FlushWebhooksAsync();

        Assert.Equal(200, Assert.Single(deliveries).StatusCode);
        RecordedRequest request = Assert.Single(receiver.Requests);
        Assert.Equal("POST /hooks/autosend", request.Line);
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
        AutoSendWebhook delivery = AutoSendWebhooks.Parse(request.Body, name => headers.GetValueOrDefault(name), Secret, clock);
        Assert.Equal(created.Data.Id, delivery.EmailSent!.Data.CampaignId);
        Assert.Throws<ApiWebhookSignatureException>(() =>
            AutoSendWebhooks.Parse(request.Body, name => headers.GetValueOrDefault(name), "whsec_wrong", clock));
    }
}

using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>The document's webhooks (OpenAPI 3.1 <c>webhooks</c>): what a receiver of its deliveries gets generated.</summary>
/// <param name="ClassName">The static class with <c>Parse</c>, e.g. <c>AutoSendWebhooks</c>.</param>
/// <param name="DeliveryName">The class a parsed delivery is, e.g. <c>AutoSendWebhook</c>.</param>
/// <param name="Webhooks">Every webhook with a JSON payload, in document order.</param>
/// <param name="Discriminator">The top-level payload property whose value is the webhook's name, if every payload that has it agrees.</param>
/// <param name="Signature">How deliveries are signed (<c>x-webhook-signature</c>), if the document says.</param>
internal sealed record WebhooksSpec(
    string ClassName,
    string DeliveryName,
    EquatableArray<WebhookSpec> Webhooks,
    string? Discriminator,
    WebhookSignatureSpec? Signature);

/// <summary>One webhook.</summary>
/// <param name="Name">The webhook's name in the document, e.g. <c>email.sent</c>.</param>
/// <param name="PropertyName">The delivery's property holding this payload, e.g. <c>EmailSent</c>.</param>
/// <param name="PayloadType">The payload type.</param>
/// <param name="Summary">The summary or description of the webhook's operation.</param>
internal sealed record WebhookSpec(string Name, string PropertyName, TypeRef PayloadType, string? Summary);

/// <summary>An HMAC-SHA256 signature over the raw body.</summary>
/// <param name="Header">The header holding the signature.</param>
/// <param name="Base64">Whether the signature is Base64 (else hex).</param>
/// <param name="Prefix">Text before the signature, e.g. <c>sha256=</c>.</param>
/// <param name="TimestampHeader">The header holding the send time, if any.</param>
/// <param name="TimestampInMilliseconds">Whether the send time counts milliseconds.</param>
/// <param name="ToleranceSeconds">How old a delivery may be, in seconds; null does not check.</param>
/// <param name="EventHeader">The header naming the webhook, used when the body does not.</param>
internal sealed record WebhookSignatureSpec(string Header, bool Base64, string? Prefix, string? TimestampHeader, bool TimestampInMilliseconds, int? ToleranceSeconds, string? EventHeader);

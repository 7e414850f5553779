namespace AutoSend.Sandbox;

/// <summary>How the sandbox behaves. The defaults suit the demo: campaigns start sending a second after creation.</summary>
public sealed class SandboxOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Bearer keys the sandbox accepts; empty accepts any key that starts with <c>AS_</c> or <c>ASA_</c>.</summary>
    public IReadOnlyCollection<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// How long a campaign stays <c>scheduled</c> after <c>sendNow</c> before it starts sending. AutoSend documents
    /// about 120 seconds; the sandbox uses one second so that a demo does not wait.
    /// </summary>
    public TimeSpan SendDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a campaign sends (time spent paused excluded) before it is <c>sent</c>.</summary>
    public TimeSpan SendDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Requests per second allowed per key (AutoSend's default is 2); 0 turns rate limiting off.</summary>
    public int RequestsPerSecond { get; set; }

    /// <summary>
    /// Endpoints that receive signed webhook deliveries. The sandbox delivers <c>email.sent</c> (with the campaign's
    /// id) when a campaign starts sending, and again when it resumes: AutoSend has no campaign status events, so the
    /// campaign's emails are what a receiver hears about.
    /// </summary>
    public IReadOnlyList<SandboxWebhook> Webhooks { get; set; } = [];

    /// <summary>The clock; tests replace it to move time forward.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
}

/// <summary>An endpoint the sandbox delivers webhook events to, as an AutoSend webhook would.</summary>
/// <param name="Url">Where deliveries are POSTed.</param>
/// <param name="Secret">The signing secret, <c>whsec_...</c> as AutoSend issues them.</param>
public sealed record SandboxWebhook(Uri Url, string Secret)
{
    /// <summary>Names the endpoint, never the secret.</summary>
    public override string ToString() => $"SandboxWebhook {{ Url = {Url} }}";
}

/// <summary>The outcome of one webhook delivery.</summary>
/// <param name="DeliveryId">The <c>X-Webhook-Delivery-Id</c> sent.</param>
/// <param name="Type">The event type.</param>
/// <param name="Url">The endpoint.</param>
/// <param name="StatusCode">The endpoint's answer, or 0 when it could not be reached.</param>
/// <param name="Error">Why it could not be reached.</param>
public sealed record SandboxWebhookDelivery(string DeliveryId, string Type, Uri Url, int StatusCode, string? Error);

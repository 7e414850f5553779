using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoSend.Sandbox.Webhooks;

/// <summary>
/// Delivers webhook events the way AutoSend documents it (API-FACTS §6.9): a JSON body <c>{type, createdAt, data}</c>
/// POSTed to each endpoint, signed with the endpoint's <c>whsec_</c> secret (hex HMAC-SHA256 of the raw body in
/// <c>X-Webhook-Signature</c>), with <c>X-Webhook-Event</c>, <c>X-Webhook-Delivery-Id</c> and
/// <c>X-Webhook-Timestamp</c> (milliseconds). One attempt per delivery; the outcome is kept for tests.
/// </summary>
internal sealed class WebhookSender(SandboxOptions options) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentQueue<Task<SandboxWebhookDelivery>> _deliveries = new();

    /// <summary>Posts an event to every endpoint; returns at once (the deliveries run in the background).</summary>
    public void Deliver(string type, JsonObject data)
    {
        foreach (SandboxWebhook endpoint in options.Webhooks)
        {
            _deliveries.Enqueue(SendAsync(endpoint, type, (JsonObject)data.DeepClone()));
        }
    }

    /// <summary>Waits for every delivery started so far and returns their outcomes, in order.</summary>
    public async Task<IReadOnlyList<SandboxWebhookDelivery>> FlushAsync() => await Task.WhenAll(_deliveries.ToArray());

    public void Dispose() => _http.Dispose();

    private async Task<SandboxWebhookDelivery> SendAsync(SandboxWebhook endpoint, string type, JsonObject data)
    {
        DateTimeOffset now = options.Clock.GetUtcNow();
        var payload = new JsonObject
        {
            ["type"] = type,
            ["createdAt"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["data"] = data,
        };
        byte[] body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        string signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(endpoint.Secret), body));
        string deliveryId = Ids.New();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Webhook-Signature", signature);
        request.Headers.TryAddWithoutValidation("X-Webhook-Event", type);
        request.Headers.TryAddWithoutValidation("X-Webhook-Delivery-Id", deliveryId);
        request.Headers.TryAddWithoutValidation("X-Webhook-Timestamp", now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("User-Agent", "AutoSend-Sandbox-Webhooks/1.0");
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request).ConfigureAwait(false);
            return new SandboxWebhookDelivery(deliveryId, type, endpoint.Url, (int)response.StatusCode, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new SandboxWebhookDelivery(deliveryId, type, endpoint.Url, 0, exception.Message);
        }
    }
}

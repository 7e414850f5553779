using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>How a document's webhook deliveries are signed (its <c>x-webhook-signature</c>): an HMAC-SHA256 of the
/// raw body, keyed with the webhook secret, in a header; optionally a send time in another header.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiWebhookSignature
{
    // A sender's clock may run a little ahead of the receiver's.
    private static readonly TimeSpan s_futureSkew = TimeSpan.FromMinutes(1);

    /// <summary>Describes a signature scheme.</summary>
    /// <param name="header">The header holding the signature, e.g. <c>X-Webhook-Signature</c>.</param>
    /// <param name="base64">Whether the signature is Base64 (else hexadecimal, in either case).</param>
    /// <param name="prefix">Text before the signature in the header (e.g. <c>sha256=</c>), or null.</param>
    /// <param name="timestampHeader">The header holding the send time as a Unix time, or null when there is none.</param>
    /// <param name="timestampInMilliseconds">Whether that time counts milliseconds (else seconds).</param>
    /// <param name="tolerance">How old a delivery may be; null does not check the age.</param>
    public ApiWebhookSignature(string header, bool base64, string? prefix, string? timestampHeader, bool timestampInMilliseconds, TimeSpan? tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(header);
        Header = header;
        IsBase64 = base64;
        Prefix = prefix;
        TimestampHeader = timestampHeader;
        TimestampInMilliseconds = timestampInMilliseconds;
        Tolerance = tolerance;
    }

    /// <summary>The header holding the signature.</summary>
    public string Header { get; }

    /// <summary>Whether the signature is Base64 rather than hexadecimal.</summary>
    public bool IsBase64 { get; }

    /// <summary>Text before the signature in the header, or null.</summary>
    public string? Prefix { get; }

    /// <summary>The header holding the send time, or null.</summary>
    public string? TimestampHeader { get; }

    /// <summary>Whether the send time counts milliseconds.</summary>
    public bool TimestampInMilliseconds { get; }

    /// <summary>How old a delivery may be, or null.</summary>
    public TimeSpan? Tolerance { get; }

    /// <summary>
    /// Checks a delivery: the signature over <paramref name="body"/> (compared in constant time) and, when the scheme
    /// has a timestamp, that it is at most <see cref="Tolerance"/> old and at most a minute in the future.
    /// </summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="headers">Returns a request header's value by name (null when absent).</param>
    /// <param name="secret">The webhook's signing secret.</param>
    /// <param name="clock">The clock the timestamp is checked against; null uses the system clock.</param>
    /// <exception cref="ApiWebhookSignatureException">A check failed.</exception>
    public void Verify(ReadOnlySpan<byte> body, Func<string, string?> headers, string secret, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        string? signature = headers(Header)?.Trim();
        if (string.IsNullOrEmpty(signature))
        {
            throw new ApiWebhookSignatureException($"The webhook delivery has no {Header} header.");
        }

        if (Prefix is not null)
        {
            if (!signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new ApiWebhookSignatureException($"The {Header} header does not start with '{Prefix}'.");
            }

            signature = signature.Substring(Prefix.Length);
        }

        byte[]? received = Decode(signature);
        byte[] secretBytes = Encoding.UTF8.GetBytes(secret);
        byte[] expected = HMACSHA256.HashData(secretBytes, body);
        bool valid = received is not null && CryptographicOperations.FixedTimeEquals(received, expected);
        CryptographicOperations.ZeroMemory(secretBytes);
        if (!valid)
        {
            throw new ApiWebhookSignatureException($"The {Header} header does not match the body: the delivery was not signed with this secret, or the body was changed (verify the raw bytes, before any parsing).");
        }

        if (TimestampHeader is not null)
        {
            CheckTimestamp(headers(TimestampHeader), clock ?? TimeProvider.System);
        }
    }

    /// <summary>The string value of a top-level property of a JSON object, or null (not an object, no such property, not a string, not JSON).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="propertyName">The property name.</param>
    /// <returns>The value, or null.</returns>
    public static string? ReadTopLevelString(ReadOnlySpan<byte> json, string propertyName)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool match = reader.ValueTextEquals(propertyName);
                reader.Read();
                if (match)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the caller reports it when it deserializes.
        }

        return null;
    }

    private void CheckTimestamp(string? text, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(text) || !long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            throw new ApiWebhookSignatureException($"The webhook delivery has no valid {TimestampHeader} header (a Unix time in {(TimestampInMilliseconds ? "milliseconds" : "seconds")}).");
        }

        if (Tolerance is not { } tolerance)
        {
            return;
        }

        long now = TimestampInMilliseconds ? clock.GetUtcNow().ToUnixTimeMilliseconds() : clock.GetUtcNow().ToUnixTimeSeconds();
        double unit = TimestampInMilliseconds ? 1000 : 1;
        double ageSeconds = (now - (double)value) / unit;
        if (ageSeconds > tolerance.TotalSeconds || -ageSeconds > s_futureSkew.TotalSeconds)
        {
            throw new ApiWebhookSignatureException(FormattableString.Invariant(
                $"The webhook delivery's {TimestampHeader} is {(ageSeconds > 0 ? Math.Round(ageSeconds) + " s old" : Math.Round(-ageSeconds) + " s in the future")}; at most {tolerance.TotalSeconds} s old and 60 s ahead is accepted (a replayed or delayed delivery)."));
        }
    }

    private byte[]? Decode(string signature)
    {
        try
        {
            return IsBase64 ? Convert.FromBase64String(signature) : Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

using System;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Errors;

/// <summary>
/// Reads how long a server asks the client to wait before retrying, in priority order: the <c>Retry-After</c> header
/// (delta-seconds or an HTTP date), then for a 429 the <c>X-RateLimit-Reset</c> header, then for a 429 or 503 the
/// body fields the operation declares with <see cref="ApiOperation.WithRetryAfterBody"/>.
/// </summary>
internal static class ApiRetryHints
{
    // Numbers above this are Unix times in seconds (2001-09-09 onwards), not durations (31 years).
    private const double EpochThreshold = 1e9;

    // 9999-12-31T23:59:59Z, the largest time DateTimeOffset holds.
    private const double MaxUnixSeconds = 253402300799;

    public static TimeSpan? Find(HttpResponseMessage response, ApiOperation operation, ReadOnlyMemory<byte> body, bool bodyIsComplete)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is TimeSpan delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is DateTimeOffset date)
            {
                return Until(date, now);
            }
        }

        int status = (int)response.StatusCode;
        if (status == 429 && response.Headers.TryGetValues("X-RateLimit-Reset", out var values))
        {
            foreach (string value in values)
            {
                if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && FromNumber(number, now) is { } reset)
                {
                    return reset;
                }
            }
        }

        if ((status == 429 || status == 503) && operation.RetryAfterBodyPointers.Count > 0 && bodyIsComplete && !body.IsEmpty)
        {
            return FromBody(body, operation, now);
        }

        return null;
    }

    private static TimeSpan? FromBody(ReadOnlyMemory<byte> body, ApiOperation operation, DateTimeOffset now)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            foreach (string pointer in operation.RetryAfterBodyPointers)
            {
                if (!TryResolve(document.RootElement, pointer, out JsonElement value))
                {
                    continue;
                }

                TimeSpan? hint = value.ValueKind switch
                {
                    JsonValueKind.Number => FromNumber(value.GetDouble(), now),
                    JsonValueKind.String => FromString(value.GetString()!, now),
                    _ => null,
                };
                if (hint is not null)
                {
                    return hint;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: no hint.
        }

        return null;
    }

    private static TimeSpan? FromString(string text, DateTimeOffset now)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return FromNumber(number, now);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
            ? Until(date, now)
            : null;
    }

    // Seconds to wait, or (above 1e9) a Unix time in seconds: AutoSend's documentation says both.
    private static TimeSpan? FromNumber(double number, DateTimeOffset now)
    {
        if (double.IsNaN(number) || double.IsInfinity(number) || number < 0)
        {
            return null;
        }

        return number > EpochThreshold
            ? Until(DateTimeOffset.FromUnixTimeMilliseconds((long)(Math.Min(number, MaxUnixSeconds) * 1000)), now)
            : TimeSpan.FromSeconds(number);
    }

    private static TimeSpan Until(DateTimeOffset time, DateTimeOffset now) => time > now ? time - now : TimeSpan.Zero;

    // RFC 6901: "" is the whole document; each "/token" steps into an object member or an array index.
    private static bool TryResolve(JsonElement root, string pointer, out JsonElement value)
    {
        value = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        foreach (string rawToken in pointer.Substring(1).Split('/'))
        {
            string token = rawToken.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (value.ValueKind == JsonValueKind.Object)
            {
                if (!value.TryGetProperty(token, out value))
                {
                    return false;
                }
            }
            else if (value.ValueKind == JsonValueKind.Array
                && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}

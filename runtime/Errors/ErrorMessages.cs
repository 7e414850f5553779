using System;
using System.Globalization;
using System.Net;
using System.Text;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Errors;

/// <summary>
/// The text of every exception the runtime throws, in one place so that they read alike: the operation and its route
/// template first (never parameter values, the query or headers), then what happened, and server text last, sanitized
/// and cut to a bounded length.
/// </summary>
internal static class ErrorMessages
{
    private const int MaxMessageDetailLength = 1000;

    /// <summary>For an error status, or a success status whose body is not JSON.</summary>
    public static string ForResponse(ApiErrorResponse response)
    {
        var text = new StringBuilder();
        bool success = (int)response.StatusCode is >= 200 and <= 299;
        text.Append(response.Operation.ToString()).Append(success ? " returned HTTP " : " failed with HTTP ")
            .Append(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            text.Append(' ').Append(Sanitize(response.ReasonPhrase, 100));
        }

        text.Append(Attempts(response.Attempt));
        if (success)
        {
            text.Append(", but the body is ").Append(response.MediaType is null ? "not JSON" : Sanitize(response.MediaType, 100) + ", not JSON");
            if (!response.Body.IsEmpty)
            {
                text.Append(": \"").Append(Sanitize(response.BodyText, 200)).Append('"');
            }
        }
        else if (response.ErrorMessage is not null)
        {
            text.Append(": ").Append(Sanitize(response.ErrorMessage, MaxMessageDetailLength));
        }
        else if (response.Body.IsEmpty)
        {
            text.Append(": the response has no body");
        }
        else
        {
            text.Append(": ").Append(response.IsJson ? "the body has no error message" : $"the body is {response.MediaType ?? "not JSON"}")
                .Append(": \"").Append(Sanitize(response.BodyText, 200)).Append('"');
        }

        if (response.ErrorCode is not null)
        {
            text.Append(" (").Append(Sanitize(response.ErrorCode, 100)).Append(')');
        }

        return text.Append('.').ToString();
    }

    /// <summary>For a success body over <see cref="ApiClientOptions.MaxResponseBodyBytes"/>; <paramref name="size"/> says how: <c>declares N bytes</c> or <c>is longer</c>.</summary>
    public static string TooLarge(ApiOperation operation, HttpStatusCode status, int attempt, string size, long limit) =>
        $"{operation} returned HTTP {(int)status}{Attempts(attempt)}, but its body {size} than the limit of {limit} bytes (MaxResponseBodyBytes).";

    /// <summary>For a success body that is not the documented JSON.</summary>
    public static string InvalidBody(ApiOperation operation, HttpStatusCode status, int attempt, Exception exception, ReadOnlyMemory<byte> excerpt)
    {
        string start = excerpt.IsEmpty ? "the body is empty" : $"the body starts \"{Sanitize(Encoding.UTF8.GetString(excerpt.Span), 200)}\"";
        return $"{operation} returned HTTP {(int)status}{Attempts(attempt)}, but the body is not the documented JSON: {Sanitize(exception.Message, 300)} ({start}).";
    }

    /// <summary>For a success body that is the JSON <c>null</c>.</summary>
    public static string NullBody(ApiOperation operation, HttpStatusCode status, Type expected) =>
        $"{operation} returned HTTP {(int)status} with a null body where a {expected.Name} was expected.";

    /// <summary>For <see cref="ApiTimeoutException"/>.</summary>
    public static string Timeout(ApiOperation operation, TimeSpan timeout, bool isTotalTimeout, HttpStatusCode statusCode, int attempts)
    {
        string what = isTotalTimeout
            ? $"did not complete within its total timeout of {Duration(timeout)} (TotalTimeout)"
            : $"timed out: an attempt took longer than {Duration(timeout)}";
        string where = statusCode == 0
            ? " before the response arrived"
            : $" while reading the body of an HTTP {((int)statusCode).ToString(CultureInfo.InvariantCulture)} response";
        return $"{operation} {what}{where}{Attempts(attempts)}.";
    }

    /// <summary>For an <see cref="ApiTimeoutException"/> of a stream that sent nothing for too long.</summary>
    public static string StreamIdle(ApiOperation operation, TimeSpan timeout, HttpStatusCode statusCode, int attempts) =>
        $"{operation} returned HTTP {((int)statusCode).ToString(CultureInfo.InvariantCulture)}{Attempts(attempts)}, but its stream sent nothing for {Duration(timeout)} (StreamIdleTimeout); the connection was closed.";

    /// <summary>For <see cref="ApiConnectionException"/>.</summary>
    public static string Connection(ApiOperation operation, bool requestSent, HttpStatusCode statusCode, int attempts, Exception cause)
    {
        string what = !requestSent
            ? "could not connect to the server"
            : statusCode == 0
                ? "lost the connection before the response arrived"
                : $"received HTTP {((int)statusCode).ToString(CultureInfo.InvariantCulture)}, but the connection broke before the whole body was read";
        return $"{operation} {what}{Attempts(attempts)}: {Sanitize(cause.Message, 300)}";
    }

    /// <summary><c> after N attempts</c> when there was more than one, else nothing.</summary>
    public static string Attempts(int attempts) =>
        attempts > 1 ? " after " + attempts.ToString(CultureInfo.InvariantCulture) + " attempts" : string.Empty;

    /// <summary>A duration for messages: <c>1.5 s</c>, <c>250 ms</c>.</summary>
    public static string Duration(TimeSpan value) =>
        value == System.Threading.Timeout.InfiniteTimeSpan ? "infinite"
        : value < TimeSpan.FromSeconds(1) ? value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms"
        : value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>Keeps server text to one line of bounded length, so it cannot forge log lines.</summary>
    public static string Sanitize(string value, int maxLength)
    {
        var text = new StringBuilder(Math.Min(value.Length, maxLength + 1));
        foreach (char c in value)
        {
            if (text.Length == maxLength)
            {
                return text.Append('…').ToString();
            }

            text.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return text.ToString();
    }
}

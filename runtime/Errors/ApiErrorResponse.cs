using System;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

using AutoSend.Runtime.Http;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Errors;

/// <summary>
/// An error response as the client captured it: status, the first bytes of the body (capped), and what could be read
/// from it without knowing its declared type.
/// </summary>
internal sealed class ApiErrorResponse
{
    public ApiErrorResponse(ApiOperation operation, HttpStatusCode statusCode, string? reasonPhrase, MediaTypeHeaderValue? contentType, ReadOnlyMemory<byte> body, bool isTruncated,
        string? requestId, int attempt, TimeSpan? retryAfter)
    {
        Attempt = attempt;
        RetryAfter = retryAfter;
        Operation = operation;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        MediaType = contentType?.MediaType;
        Body = body;
        IsTruncated = isTruncated;
        RequestId = requestId;
        IsJson = LooksLikeJson(contentType, body.Span);
        bool success = (int)statusCode is >= 200 and <= 299;
        if (IsJson && !isTruncated && !success)
        {
            (ErrorMessage, ErrorCode) = ReadMessageAndCode(body.Span);
        }
    }

    public ApiOperation Operation { get; }

    public HttpStatusCode StatusCode { get; }

    public string? ReasonPhrase { get; }

    /// <summary>The media type without parameters, e.g. <c>application/json</c>; null when the response declares none.</summary>
    public string? MediaType { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public bool IsTruncated { get; }

    /// <summary>Whether the body is JSON, by its declared media type or, without one, by its first character.</summary>
    public bool IsJson { get; }

    public string? RequestId { get; }

    public string? ErrorMessage { get; }

    public string? ErrorCode { get; }

    /// <summary>The attempt that received this response, from 1.</summary>
    public int Attempt { get; }

    /// <summary>How long the server asked to wait before retrying, if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    private static bool LooksLikeJson(MediaTypeHeaderValue? contentType, ReadOnlySpan<byte> body)
    {
        if (contentType?.MediaType is not null)
        {
            return MediaTypes.IsJson(contentType);
        }

        ReadOnlySpan<byte> trimmed = body.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] is (byte)'{' or (byte)'[';
    }

    // Error bodies differ between APIs and even between endpoints of one API; these are the common places for a
    // human-readable message and a machine-readable code, tried in order.
    private static (string? Message, string? Code) ReadMessageAndCode(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            JsonElement error = root.TryGetProperty("error", out JsonElement e) ? e : default;
            JsonElement firstError = error.ValueKind == JsonValueKind.Array && error.GetArrayLength() > 0 ? error[0] : default;
            JsonElement firstOfErrors = root.TryGetProperty("errors", out JsonElement es) && es.ValueKind == JsonValueKind.Array && es.GetArrayLength() > 0 ? es[0] : default;

            string? message = StringProperty(error, "message")
                ?? StringProperty(root, "message")
                ?? (error.ValueKind == JsonValueKind.String ? error.GetString() : null)
                ?? StringProperty(firstError, "message")
                ?? StringProperty(root, "detail")
                ?? StringProperty(root, "title")
                ?? StringProperty(firstOfErrors, "message");
            string? code = StringProperty(error, "code")
                ?? StringProperty(root, "code")
                ?? StringProperty(firstError, "code")
                ?? StringProperty(root, "errorCode")
                ?? StringProperty(root, "error_code");
            return (message, code);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

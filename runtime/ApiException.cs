using System;
using System.Globalization;
using System.Net;
using System.Text;

namespace AutoSend.Runtime;

/// <summary>
/// The API answered with an error status, or with a response the client could not read. It carries the status, the
/// server's error code and message when the body has them, the request id and a size-capped copy of the body.
/// It never contains request headers, so credentials cannot leak through it.
/// </summary>
public class ApiException : Exception
{
    private const int MaxMessageDetailLength = 1000;

    /// <summary>Creates an exception, e.g. for tests or for a fake implementation of a client.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status of the response.</param>
    /// <param name="errorCode">The server's error code, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiException(string message, HttpStatusCode statusCode, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    internal ApiException(ApiErrorResponse response)
        : base(DescribeError(response))
    {
        StatusCode = response.StatusCode;
        ErrorCode = response.ErrorCode;
        ErrorMessage = response.ErrorMessage;
        RequestId = response.RequestId;
        OperationId = response.Operation.OperationId;
        ResponseBody = response.Body.IsEmpty ? null : response.BodyText;
        IsResponseBodyTruncated = response.IsTruncated;
    }

    internal ApiException(ApiOperation operation, HttpStatusCode statusCode, string message, string? requestId, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        OperationId = operation.OperationId;
    }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The machine-readable error code from the body (e.g. <c>CAMPAIGN_NOT_FOUND</c>), if there is one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The human-readable message from the body (e.g. <c>Campaign not found</c>), if there is one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The request id the server returned in <c>X-Request-Id</c> or a similar header, for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>The OpenAPI operation id of the call that failed.</summary>
    public string? OperationId { get; }

    /// <summary>The response body as text, cut at <see cref="ApiClientOptions.MaxErrorBodyBytes"/>; null when empty.</summary>
    public string? ResponseBody { get; }

    /// <summary>Whether <see cref="ResponseBody"/> is only the start of a longer body.</summary>
    public bool IsResponseBodyTruncated { get; }

    private static string DescribeError(ApiErrorResponse response)
    {
        var text = new StringBuilder();
        text.Append(response.Operation.OperationId).Append(" (").Append(response.Operation.Method.Method).Append(' ')
            .Append(response.Operation.Route).Append(") failed with HTTP ")
            .Append(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(response.ReasonPhrase))
        {
            text.Append(' ').Append(Sanitize(response.ReasonPhrase, 100));
        }

        if (response.ErrorMessage is not null)
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

    /// <summary>Keeps server text to one line of bounded length, so it cannot forge log lines.</summary>
    internal static string Sanitize(string value, int maxLength)
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

/// <summary>An <see cref="ApiException"/> whose body matched the error type the document declares for its status.</summary>
/// <typeparam name="TError">The declared error body type.</typeparam>
public sealed class ApiException<TError> : ApiException
{
    /// <summary>Creates an exception with a typed error body, e.g. for tests.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The error body.</param>
    /// <param name="errorCode">The server's error code, if any.</param>
    public ApiException(string message, HttpStatusCode statusCode, TError error, string? errorCode = null)
        : base(message, statusCode, errorCode) => Error = error;

    internal ApiException(ApiErrorResponse response, TError error)
        : base(response) => Error = error;

    /// <summary>The error body, as the document declares it.</summary>
    public TError Error { get; }
}

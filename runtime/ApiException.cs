using System;
using System.Net;
using System.Text;

using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime;

/// <summary>
/// The API answered with an error status, or with a response the client could not use (not JSON, not the documented
/// shape, larger than <see cref="ApiClientOptions.MaxResponseBodyBytes"/>). It carries the status, the server's error
/// code and message when the body has them, the request id, a size-capped copy of the body, the number of attempts
/// and the server's retry hint. Two subtypes cover calls without a usable response: <see cref="ApiTimeoutException"/>
/// and <see cref="ApiConnectionException"/>. It never contains request headers, so credentials cannot leak through it.
/// </summary>
public class ApiException : Exception
{
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
        Attempts = 1;
    }

    internal ApiException(ApiErrorResponse response)
        : base(ErrorMessages.ForResponse(response))
    {
        StatusCode = response.StatusCode;
        ErrorCode = response.ErrorCode;
        ErrorMessage = response.ErrorMessage;
        RequestId = response.RequestId;
        OperationId = response.Operation.OperationId;
        ResponseBody = response.Body.IsEmpty ? null : response.BodyText;
        IsResponseBodyTruncated = response.IsTruncated;
        Attempts = response.Attempt;
        RetryAfter = response.RetryAfter;
    }

    /// <summary>For failures without a readable error body: the response, if any, as far as it was read.</summary>
    internal ApiException(string message, Exception? innerException, ApiOperation operation, HttpStatusCode statusCode, string? requestId,
        ReadOnlyMemory<byte> body, bool isBodyTruncated, int attempts)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        OperationId = operation.OperationId;
        ResponseBody = body.IsEmpty ? null : Encoding.UTF8.GetString(body.Span);
        IsResponseBodyTruncated = isBodyTruncated;
        Attempts = attempts;
    }

    /// <summary>
    /// The HTTP status of the response; 0 when no response status was received (a connection failure or a timeout
    /// before the headers). A success status (2xx) means the server answered but its body could not be used.
    /// </summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The machine-readable error code from the body (e.g. <c>CAMPAIGN_NOT_FOUND</c>), if there is one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The human-readable message from the body (e.g. <c>Campaign not found</c>), if there is one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The request id the server returned in <c>X-Request-Id</c> or a similar header, for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>The OpenAPI operation id of the call that failed.</summary>
    public string? OperationId { get; }

    /// <summary>
    /// The response body as text, as far as it was read: cut at <see cref="ApiClientOptions.MaxErrorBodyBytes"/> for
    /// an error body, the first bytes of a success body that could not be read; null when empty or not read.
    /// </summary>
    public string? ResponseBody { get; }

    /// <summary>Whether <see cref="ResponseBody"/> is only the start of a longer body.</summary>
    public bool IsResponseBodyTruncated { get; }

    /// <summary>How many attempts the call made, retries included; this exception describes the last one.</summary>
    public int Attempts { get; }

    /// <summary>
    /// How long the server asked the client to wait before trying again (<c>Retry-After</c>, <c>X-RateLimit-Reset</c>
    /// or the operation's declared body field), measured when the response arrived; null when it gave no hint.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
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

using System;
using System.Net;

using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime;

/// <summary>
/// The connection failed: the server could not be reached, or the connection broke before the whole response was
/// read (reset, closed early, a body shorter than its <c>Content-Length</c>). The cause is in
/// <see cref="Exception.InnerException"/>.
/// </summary>
/// <remarks>
/// <see cref="ApiException.StatusCode"/> is 0 when no response headers were received, else the status of the
/// response whose body broke off; <see cref="ApiException.ResponseBody"/> then holds the start of what was read.
/// </remarks>
public sealed class ApiConnectionException : ApiException
{
    /// <summary>Creates an exception, e.g. for tests or for a fake implementation of a client.</summary>
    /// <param name="message">The message.</param>
    /// <param name="requestSent">Whether the request may have reached the server.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiConnectionException(string message, bool requestSent = true, Exception? innerException = null)
        : base(message, default, null, innerException) => RequestSent = requestSent;

    internal ApiConnectionException(ApiOperation operation, bool requestSent, HttpStatusCode statusCode, string? requestId,
        ReadOnlyMemory<byte> body, bool isBodyTruncated, int attempts, Exception innerException)
        : base(ErrorMessages.Connection(operation, requestSent, statusCode, attempts, innerException), innerException, operation, statusCode, requestId, body, isBodyTruncated, attempts) =>
        RequestSent = requestSent;

    /// <summary>
    /// False when the failure provably happened before the request was sent (no connection could be made: refused,
    /// unreachable, name resolution, TLS handshake), so the server cannot have processed it; true otherwise.
    /// </summary>
    public bool RequestSent { get; }
}

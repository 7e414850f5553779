using System;
using System.Net;

using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime;

/// <summary>
/// A call did not complete in time: one attempt took longer than <see cref="ApiClientOptions.Timeout"/> (or the
/// caller's <see cref="System.Net.Http.HttpClient.Timeout"/>) and was not retried, or the whole call took longer than
/// <see cref="ApiClientOptions.TotalTimeout"/>, or a streamed response sent nothing for longer than
/// <see cref="ApiClientOptions.StreamIdleTimeout"/>. The caller's own cancellation is never reported this way: it throws
/// <see cref="OperationCanceledException"/> with the caller's token.
/// </summary>
/// <remarks>
/// <see cref="ApiException.StatusCode"/> is 0 when the timeout struck before the response headers arrived, else the
/// status of the response whose body was being read. For a POST the server may have processed the request.
/// </remarks>
public sealed class ApiTimeoutException : ApiException
{
    /// <summary>Creates an exception, e.g. for tests or for a fake implementation of a client.</summary>
    /// <param name="message">The message.</param>
    /// <param name="timeout">The time limit that expired.</param>
    /// <param name="isTotalTimeout">Whether it was the limit on the whole call rather than on one attempt.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiTimeoutException(string message, TimeSpan timeout, bool isTotalTimeout = false, Exception? innerException = null)
        : base(message, default, null, innerException)
    {
        Timeout = timeout;
        IsTotalTimeout = isTotalTimeout;
    }

    internal ApiTimeoutException(ApiOperation operation, TimeSpan timeout, bool isTotalTimeout, HttpStatusCode statusCode, string? requestId,
        int attempts, Exception? innerException)
        : base(ErrorMessages.Timeout(operation, timeout, isTotalTimeout, statusCode, attempts), innerException, operation, statusCode, requestId, default, false, attempts)
    {
        Timeout = timeout;
        IsTotalTimeout = isTotalTimeout;
    }

    // A streamed response whose body sent nothing for longer than the idle limit.
    internal ApiTimeoutException(ApiOperation operation, TimeSpan idleTimeout, HttpStatusCode statusCode, string? requestId, int attempts, Exception? innerException)
        : base(ErrorMessages.StreamIdle(operation, idleTimeout, statusCode, attempts), innerException, operation, statusCode, requestId, default, false, attempts)
    {
        Timeout = idleTimeout;
        IsStreamIdleTimeout = true;
    }

    /// <summary>The time limit that expired.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// True when <see cref="ApiClientOptions.TotalTimeout"/> (the whole call) expired; false when one attempt exceeded
    /// <see cref="ApiClientOptions.Timeout"/> or the caller's <see cref="System.Net.Http.HttpClient.Timeout"/>.
    /// </summary>
    public bool IsTotalTimeout { get; }

    /// <summary>
    /// True when a streamed response (server-sent events, JSON lines) sent nothing for longer than
    /// <see cref="ApiClientOptions.StreamIdleTimeout"/> (or the call's <see cref="ApiRequestOptions.StreamIdleTimeout"/>);
    /// <see cref="ApiException.StatusCode"/> is then the stream's 2xx status and <see cref="Timeout"/> the idle limit.
    /// </summary>
    public bool IsStreamIdleTimeout { get; }
}

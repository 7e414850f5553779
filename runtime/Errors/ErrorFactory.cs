using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Http;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Errors;

/// <summary>
/// Turns what went wrong in a call into the exception the caller sees: an error response (typed when the operation
/// declares its body), a success body that cannot be used, a connection that failed or broke. One per connection.
/// </summary>
internal sealed class ErrorFactory(BodyLimits limits)
{
    private static readonly string[] s_requestIdHeaders = ["X-Request-Id", "Request-Id", "X-Correlation-Id"];

    /// <summary>
    /// Reads up to <see cref="BodyLimits.MaxErrorBodyBytes"/> of the body and builds the exception for it: the declared
    /// error type's for an error status, else an untyped one. Also used for a success status whose body is not what
    /// the operation returns.
    /// </summary>
    public async ValueTask<ApiException> FromResponseAsync(HttpResponseMessage response, ApiOperation operation, int attempt, CancellationToken cancellationToken)
    {
        CappedBody body = await CappedBody.ReadAsync(response.Content, limits.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        bool complete = !body.IsTruncated && body.Failure is null;
        TimeSpan? retryAfter = response.IsSuccessStatusCode ? null : ApiRetryHints.Find(response, operation, body.Bytes, complete);
        var error = new ApiErrorResponse(operation, response.StatusCode, response.ReasonPhrase,
            response.Content.Headers.ContentType, body.Bytes, !complete, RequestId(response), attempt, retryAfter);
        ApiErrorType? declared = response.IsSuccessStatusCode ? null : operation.FindError((int)response.StatusCode);
        return declared?.CreateException(error) ?? new ApiException(error);
    }

    /// <summary>Sending failed: no response arrived.</summary>
    public static ApiConnectionException SendFailed(ApiOperation operation, HttpRequestException exception, int attempt) =>
        new(operation, !NotSent(exception), 0, null, default, false, attempt, exception);

    /// <summary>The connection broke while a success body was read; <paramref name="excerpt"/> is what arrived (or its start).</summary>
    public static ApiConnectionException BodyBroken(HttpResponseMessage response, ApiOperation operation, int attempt, ReadOnlyMemory<byte> excerpt, Exception failure) =>
        new(operation, true, response.StatusCode, RequestId(response), excerpt, true, attempt, failure);

    /// <summary>A success body over <see cref="BodyLimits.MaxResponseBodyBytes"/>; <paramref name="size"/> says how: <c>declares N bytes</c> or <c>is longer</c>.</summary>
    public ApiException TooLarge(HttpResponseMessage response, ApiOperation operation, int attempt, string size, ReadOnlyMemory<byte> excerpt, bool truncated) =>
        new(ErrorMessages.TooLarge(operation, response.StatusCode, attempt, size, limits.MaxResponseBodyBytes), null, operation, response.StatusCode,
            RequestId(response), excerpt, truncated, attempt);

    /// <summary>A success body that is not the documented JSON.</summary>
    public static ApiException InvalidBody(HttpResponseMessage response, ApiOperation operation, int attempt, JsonException exception, ReadOnlyMemory<byte> excerpt, bool truncated) =>
        new(ErrorMessages.InvalidBody(operation, response.StatusCode, attempt, exception, excerpt), exception, operation, response.StatusCode,
            RequestId(response), excerpt, truncated, attempt);

    /// <summary>A success body that is the JSON <c>null</c> where a value of <paramref name="expected"/> was documented.</summary>
    public static ApiException NullBody(HttpResponseMessage response, ApiOperation operation, int attempt, Type expected) =>
        new(ErrorMessages.NullBody(operation, response.StatusCode, expected), null, operation, response.StatusCode, RequestId(response), default, false, attempt);

    /// <summary>The request id the server returned (<c>X-Request-Id</c> or a similar header), sanitized; null when there is none.</summary>
    public static string? RequestId(HttpResponseMessage response)
    {
        foreach (string name in s_requestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (string value in values)
                {
                    return ErrorMessages.Sanitize(value, 200);
                }
            }
        }

        return null;
    }

    // Failures that happen before a connection exists: the request cannot have reached the server.
    private static bool NotSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}

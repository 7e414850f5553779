using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// Which failed attempts are sent again and after how long (docs/runtime.md, "Retries"): 429 always; 502, 503, 504,
/// attempt timeouts and connections lost after sending only for idempotent operations; connections that failed
/// before sending always. The server's wait hint wins over the exponential backoff; a wait longer than
/// <see cref="ApiClientOptions.MaxRetryDelay"/> or past the call's deadline ends the call instead.
/// </summary>
internal sealed class RetryPolicy(int maxRetries, TimeSpan retryDelay, TimeSpan maxRetryDelay, TimeSpan totalTimeout)
{
    internal const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The client's retries after the first attempt.</summary>
    public int MaxRetries => maxRetries;

    /// <summary>Whether the call may be retried at all: retries are on and its body can be sent again.</summary>
    /// <param name="request">The request.</param>
    /// <param name="callMaxRetries">The call's retries (the client's unless the call set its own).</param>
    public static bool CanRetry(HttpRequestMessage request, int callMaxRetries) =>
        callMaxRetries > 0 && request.Content is null or ByteArrayContent
#if NETSTANDARD2_0
            // netstandard2.0 has no ReadOnlyMemoryContent type; on a .NET Core runtime a caller may still pass one.
            || request.Content?.GetType().FullName == "System.Net.Http.ReadOnlyMemoryContent";
#else
            or ReadOnlyMemoryContent;
#endif

    /// <summary>Whether a request whose outcome is unknown may be sent again: the operation says so, or the request carries an <c>Idempotency-Key</c>.</summary>
    public static bool IsIdempotent(ApiOperation operation, HttpRequestMessage request) =>
        operation.IsIdempotent || request.Headers.Contains(IdempotencyKeyHeader);

    /// <summary>Whether attempt number <paramref name="attempt"/> of a call that <see cref="CanRetry"/>, having failed so, is followed by another, and after how long.</summary>
    /// <param name="failure">How the attempt failed.</param>
    /// <param name="idempotent">Whether the call is idempotent (<see cref="IsIdempotent"/>).</param>
    /// <param name="start">When the call started (<see cref="Stopwatch.GetTimestamp"/>).</param>
    /// <param name="attempt">The attempt that failed, from 1.</param>
    /// <param name="callMaxRetries">The call's retries (the client's unless the call set its own).</param>
    /// <param name="delay">The wait before the next attempt.</param>
    public bool ShouldRetry(ApiException failure, bool idempotent, long start, int attempt, int callMaxRetries, out TimeSpan delay)
    {
        delay = default;
        if (attempt > callMaxRetries)
        {
            return false;
        }

        bool retryable = failure switch
        {
            ApiTimeoutException timeout => !timeout.IsTotalTimeout && idempotent,
            ApiConnectionException connection => !connection.RequestSent || idempotent,
            _ => (int)failure.StatusCode switch
            {
                429 => true,
                502 or 503 or 504 => idempotent,
                _ => false,
            },
        };
        if (!retryable)
        {
            return false;
        }

        if (failure.RetryAfter is TimeSpan hint)
        {
            if (hint > maxRetryDelay)
            {
                return false;
            }

            // A little spread, so that clients told the same time do not all come back at once.
            delay = hint + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(hint.TotalMilliseconds * 0.1, 1000));
        }
        else
        {
            double ceiling = Math.Min(retryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1), maxRetryDelay.TotalMilliseconds);
            delay = TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
        }

        return totalTimeout == Timeout.InfiniteTimeSpan || Stopwatch.GetElapsedTime(start) + delay < totalTimeout;
    }
}

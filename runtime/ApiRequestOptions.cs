using System;
using System.Collections.Generic;

namespace AutoSend.Runtime;

/// <summary>
/// Changes one call of a generated client: extra headers, its own attempt timeout and retry count, an idempotency key.
/// Pass it as <c>requestOptions:</c>; nothing set here outlives the call.
/// </summary>
/// <example>
/// <code>
/// await client.Campaigns.ResumeAsync(id, requestOptions: new ApiRequestOptions
/// {
///     Headers = { ["X-Trace-Id"] = "t-1" },
///     MaxRetries = 0,
/// }, cancellationToken: cancellationToken);
/// </code>
/// </example>
public sealed class ApiRequestOptions
{
    private TimeSpan? _timeout;
    private int? _maxRetries;
    private TimeSpan? _streamIdleTimeout;

    /// <summary>
    /// Extra request headers, sent on every attempt of the call. A header the call would send anyway (a parameter,
    /// <c>Accept</c>, the credentials) is replaced by the one of the same name here; content headers such as
    /// <c>Content-Type</c> go on the body. Names are compared ignoring case.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The per-attempt timeout of this call instead of <see cref="ApiClientOptions.Timeout"/>; null keeps the client's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or longer than 24 days (2,147,483,647 ms), and not <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = value is { } timeout ? ApiClientOptions.CheckTimeout(timeout) : null;
    }

    /// <summary>
    /// For a streamed response, the longest wait for its next bytes instead of <see cref="ApiClientOptions.StreamIdleTimeout"/>;
    /// null keeps the client's, <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> removes the limit for this call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or longer than 24 days (2,147,483,647 ms), and not <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan? StreamIdleTimeout
    {
        get => _streamIdleTimeout;
        set => _streamIdleTimeout = value is { } timeout ? ApiClientOptions.CheckTimeout(timeout) : null;
    }

    /// <summary>The retries of this call after its first attempt instead of <see cref="ApiClientOptions.MaxRetries"/>; null keeps the client's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxRetries
    {
        get => _maxRetries;
        set
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetries cannot be negative.");
            }

            _maxRetries = value;
        }
    }

    /// <summary>
    /// Sent as the <c>Idempotency-Key</c> header on every attempt. It also makes the call count as idempotent, so a
    /// POST or PATCH is retried like a GET (see the runtime documentation, "Retries"); use it only with a server that
    /// honours the key.
    /// </summary>
    public string? IdempotencyKey { get; set; }
}

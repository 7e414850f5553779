using System;
using System.Diagnostics;
using System.Net;
using System.Threading;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// The time limits of one call: the caller's token, the call's deadline (<see cref="ApiClientOptions.TotalTimeout"/>)
/// and each attempt's timeout (<see cref="ApiClientOptions.Timeout"/>). The deadline needs no timer of its own on the
/// common path: each attempt's timer fires at the sooner of the attempt's timeout and the deadline, and a timer for the
/// deadline alone is made only when something waits outside an attempt (the rate limiter, the pause before a retry).
/// It carries the operation so that a timeout it reports names it.
/// </summary>
internal sealed class CallDeadline(ApiOperation operation, CancellationToken callerToken, long start, TimeSpan totalTimeout, TimeSpan attemptTimeout)
    : IDisposable
{
    private CancellationTokenSource? _deadline;
    private bool _attemptEndsAtDeadline;
    private CancellationTokenRegistration _callerLink;

    public ApiOperation Operation => operation;

    public CancellationToken CallerToken => callerToken;

    /// <summary>Canceled by the caller or by <see cref="ApiClientOptions.TotalTimeout"/>.</summary>
    public CancellationToken DeadlineToken
    {
        get
        {
            if (totalTimeout == Timeout.InfiniteTimeSpan)
            {
                return callerToken;
            }

            if (_deadline is null)
            {
                _deadline = callerToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(callerToken) : new CancellationTokenSource();
                _deadline.CancelAfter(Remaining());
            }

            return _deadline.Token;
        }
    }

    /// <summary>
    /// The source of the attempt's token (one timer, canceled too by the caller's token), or null when neither a timeout
    /// nor a deadline applies. Give it back with <see cref="EndAttempt"/>.
    /// </summary>
    public CancellationTokenSource? StartAttempt()
    {
        TimeSpan limit = attemptTimeout;
        _attemptEndsAtDeadline = false;
        if (totalTimeout != Timeout.InfiniteTimeSpan)
        {
            TimeSpan remaining = Remaining();
            if (limit == Timeout.InfiniteTimeSpan || remaining <= limit)
            {
                limit = remaining;
                _attemptEndsAtDeadline = true;
            }
        }

        if (limit == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        // A reused source rather than a linked one: a linked source stays tied to its caller's token through a reset.
        CancellationTokenSource source = AttemptTimers.Rent();
        source.CancelAfter(limit);
        if (callerToken.CanBeCanceled)
        {
            _callerLink = callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        }

        return source;
    }

    /// <summary>
    /// Ends the attempt that <paramref name="attempt"/> timed: it is reused by a later attempt when nothing can hold its
    /// token any more (<paramref name="tokenOutlivesAttempt"/> is false) and it can be reset (see <see cref="AttemptTimers.Return"/>).
    /// </summary>
    public void EndAttempt(CancellationTokenSource? attempt, bool tokenOutlivesAttempt)
    {
        if (attempt is null)
        {
            return;
        }

        // Disposing the link waits for a running callback, so the caller's token cannot cancel the source after this.
        _callerLink.Dispose();
        _callerLink = default;
        if (tokenOutlivesAttempt)
        {
            attempt.Dispose();
        }
        else
        {
            AttemptTimers.Return(attempt);
        }
    }

    /// <summary>
    /// Tells apart the caller's cancellation (rethrown with the caller's token), the deadline, the attempt's timeout and
    /// the HttpClient's own Timeout (the last three become an <see cref="ApiTimeoutException"/>). Returns
    /// <paramref name="canceled"/> itself when it is to be rethrown unchanged.
    /// </summary>
    public Exception MapCancellation(OperationCanceledException canceled, CancellationTokenSource? attempt, HttpStatusCode status,
        string? requestId, int attemptNumber, TimeSpan? httpClientTimeout = null)
    {
        if (callerToken.IsCancellationRequested)
        {
            return canceled.CancellationToken == callerToken ? canceled : new OperationCanceledException(canceled.Message, canceled, callerToken);
        }

        if (_deadline is { IsCancellationRequested: true } || (attempt is { IsCancellationRequested: true } && _attemptEndsAtDeadline))
        {
            return new ApiTimeoutException(operation, totalTimeout, true, status, requestId, attemptNumber, canceled);
        }

        if (attempt is { IsCancellationRequested: true })
        {
            return new ApiTimeoutException(operation, attemptTimeout, false, status, requestId, attemptNumber, canceled);
        }

        if (canceled.InnerException is TimeoutException && httpClientTimeout is { } clientTimeout)
        {
            return new ApiTimeoutException(operation, clientTimeout, false, status, requestId, attemptNumber, canceled);
        }

        return canceled;
    }

    public void Dispose() => _deadline?.Dispose();

    // Never zero or negative: CancelAfter(0) cancels at once, which is what an exhausted deadline should do.
    private TimeSpan Remaining()
    {
        TimeSpan remaining = totalTimeout - Stopwatch.GetElapsedTime(start);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }
}

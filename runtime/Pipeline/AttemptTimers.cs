using System;
using System.Threading;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// Reuses the timers of finished attempts. An attempt's <see cref="CancellationTokenSource"/> with
/// <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> costs the source and a timer; once the attempt has ended
/// un-canceled, <c>TryReset</c> stops the timer and drops every registration, and a later attempt sets the same timer
/// again. The spares are shared by all threads (an attempt often ends on another thread than the next one starts on);
/// a few suffice, since each is out only for the length of one attempt. On netstandard2.0 nothing can be reset, so
/// every attempt gets a new source.
/// </summary>
internal static class AttemptTimers
{
    private static readonly CancellationTokenSource?[] s_spares = new CancellationTokenSource?[Math.Min(Environment.ProcessorCount * 2, 64)];

    /// <summary>An un-canceled source whose timer is not running.</summary>
    public static CancellationTokenSource Rent()
    {
        CancellationTokenSource?[] spares = s_spares;
        for (int i = 0; i < spares.Length; i++)
        {
            if (Volatile.Read(ref spares[i]) is not null && Interlocked.Exchange(ref spares[i], null) is { } spare)
            {
                return spare;
            }
        }

        return new CancellationTokenSource();
    }

    /// <summary>
    /// Takes back a source that nothing uses any more. <c>TryReset</c> refuses a source that is canceled or whose timer
    /// has fired or been queued to fire, so a stale timer can never cancel a later attempt; such a source is disposed.
    /// </summary>
    public static void Return(CancellationTokenSource source)
    {
        if (source.TryReset())
        {
            CancellationTokenSource?[] spares = s_spares;
            for (int i = 0; i < spares.Length; i++)
            {
                if (Volatile.Read(ref spares[i]) is null && Interlocked.CompareExchange(ref spares[i], source, null) is null)
                {
                    return;
                }
            }
        }

        source.Dispose();
    }
}

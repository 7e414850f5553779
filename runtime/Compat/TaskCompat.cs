#if NETSTANDARD2_0
using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime.Compat;

/// <summary>
/// Task, timing and randomness members of .NET 6 and later that netstandard2.0 lacks: <c>Task.WaitAsync</c>,
/// <c>CancellationTokenSource.TryReset</c>, <c>CancellationToken.UnsafeRegister</c>, <c>Stopwatch.GetElapsedTime</c> and <c>Random.Shared</c>.
/// </summary>
internal static class TaskCompat
{
    [ThreadStatic]
    private static Random? t_random;
    private static readonly Random s_seeds = new();

    /// <summary>Completes as <paramref name="task"/> does, or throws when <paramref name="cancellationToken"/> is canceled first (the task runs on).</summary>
    public static Task WaitAsync(this Task task, CancellationToken cancellationToken) => WaitAsync<object?>(Wrap(task), cancellationToken);

    /// <summary>Completes as <paramref name="task"/> does, or throws when <paramref name="cancellationToken"/> is canceled first (the task runs on).</summary>
    public static async Task<T> WaitAsync<T>(this Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await task.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), canceled))
        {
            if (await Task.WhenAny(task, canceled.Task).ConfigureAwait(false) != task)
            {
                // The abandoned task's fault, if it ever faults, is observed so that it is not reported as unobserved.
                _ = task.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw new OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
    }

    private static async Task<object?> Wrap(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// A <see cref="CancellationTokenSource"/> cannot be reset on netstandard2.0: false makes the caller replace it,
    /// as it does when the timer fired.
    /// </summary>
    public static bool TryReset(this CancellationTokenSource source)
    {
        _ = source;
        return false;
    }

    /// <summary><c>CancellationToken.UnsafeRegister</c>: here the registration also flows the execution context.</summary>
    public static CancellationTokenRegistration UnsafeRegister(this CancellationToken token, Action<object?> callback, object? state) =>
        token.Register(callback, state);

    extension(ValueTask)
    {
        /// <summary>A completed <see cref="ValueTask"/>.</summary>
        public static ValueTask CompletedTask => default;

        /// <summary>A <see cref="ValueTask{TResult}"/> completed with <paramref name="result"/>.</summary>
        public static ValueTask<TResult> FromResult<TResult>(TResult result) => new(result);
    }

    extension(Stopwatch)
    {
        /// <summary>The time since <paramref name="startingTimestamp"/>, a <see cref="Stopwatch.GetTimestamp"/> value.</summary>
        public static TimeSpan GetElapsedTime(long startingTimestamp) =>
            TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - startingTimestamp) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
    }

    extension(Random)
    {
        /// <summary>A <see cref="Random"/> for the calling thread (one instance is not safe to share), each seeded apart.</summary>
        public static Random Shared
        {
            get
            {
                if (t_random is null)
                {
                    int seed;
                    lock (s_seeds)
                    {
                        seed = s_seeds.Next();
                    }

                    t_random = new Random(seed);
                }

                return t_random;
            }
        }
    }

    extension(TimeSpan)
    {
        /// <summary>Divides a time span (the operator .NET Core 2.0 and later have).</summary>
        public static TimeSpan operator /(TimeSpan timeSpan, double divisor) => TimeSpan.FromTicks((long)Math.Round(timeSpan.Ticks / divisor));

        /// <summary>Multiplies a time span (the operator .NET Core 2.0 and later have).</summary>
        public static TimeSpan operator *(TimeSpan timeSpan, double factor) => TimeSpan.FromTicks((long)Math.Round(timeSpan.Ticks * factor));
    }
}
#endif

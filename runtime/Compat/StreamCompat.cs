#if NETSTANDARD2_0
using System;
using System.Buffers;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime.Compat;

/// <summary>
/// The span and memory overloads of <see cref="Stream"/> and its asynchronous disposal, which netstandard2.0's
/// <see cref="Stream"/> lacks: the array overloads do the work (through a pooled array when the memory is not an
/// array's). The runtime's own streams derive from <see cref="Http.ReadOnlyStream"/>, which declares the span
/// overloads itself on netstandard2.0, so these serve the streams of the platform (a response body).
/// </summary>
internal static class StreamCompat
{
    /// <summary>Reads into <paramref name="buffer"/>, as <c>Stream.Read(Span&lt;byte&gt;)</c> does.</summary>
    public static int Read(this Stream stream, Span<byte> buffer)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            int read = stream.Read(rented, 0, buffer.Length);
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads into <paramref name="buffer"/>, as <c>Stream.ReadAsync(Memory&lt;byte&gt;, CancellationToken)</c> does.</summary>
    public static ValueTask<int> ReadAsync(this Stream stream, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (MemoryMarshal.TryGetArray(buffer, out ArraySegment<byte> segment))
        {
            return new ValueTask<int>(stream.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
        }

        return ReadPooledAsync(stream, buffer, cancellationToken);

        static async ValueTask<int> ReadPooledAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
            try
            {
                int read = await stream.ReadAsync(rented, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                rented.AsSpan(0, read).CopyTo(buffer.Span);
                return read;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes <paramref name="buffer"/>, as <c>Stream.WriteAsync(ReadOnlyMemory&lt;byte&gt;, CancellationToken)</c> does.</summary>
    public static ValueTask WriteAsync(this Stream stream, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (MemoryMarshal.TryGetArray(buffer, out ArraySegment<byte> segment))
        {
            return new ValueTask(stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
        }

        return new ValueTask(stream.WriteAsync(buffer.ToArray(), 0, buffer.Length, cancellationToken));
    }

    /// <summary>
    /// Disposes the stream asynchronously when it can (the runtime's own streams, and a stream that is an
    /// <see cref="IAsyncDisposable"/>), else synchronously, as <c>Stream.DisposeAsync</c> does.
    /// </summary>
    public static ValueTask DisposeAsync(this Stream stream)
    {
        if (stream is Http.ReadOnlyStream own)
        {
            return own.DisposeAsync();
        }

        if (stream is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        stream.Dispose();
        return default;
    }

    /// <summary>
    /// <c>await using (stream.ConfigureAwait(false))</c> on netstandard2.0, whose <see cref="Stream"/> is no
    /// <see cref="IAsyncDisposable"/>: the same statement disposes through <see cref="DisposeAsync(Stream)"/>.
    /// </summary>
    public static ConfiguredStreamDisposable ConfigureAwait(this Stream stream, bool continueOnCapturedContext) =>
        new(stream, continueOnCapturedContext);

    /// <summary>What <see cref="ConfigureAwait(Stream, bool)"/> returns: <c>await using</c> calls its <see cref="DisposeAsync"/>.</summary>
    internal readonly struct ConfiguredStreamDisposable(Stream stream, bool continueOnCapturedContext)
    {
        public System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable DisposeAsync() =>
            stream.DisposeAsync().ConfigureAwait(continueOnCapturedContext);
    }
}
#endif

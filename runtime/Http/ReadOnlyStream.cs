using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime.Http;

/// <summary>
/// What a forward-only, read-only wrapper of a response body does not support, written once: the response readers'
/// wrappers override only their reads and their disposal.
/// </summary>
/// <remarks>
/// netstandard2.0's <see cref="Stream"/> has no span reads and no asynchronous disposal: there this class declares
/// them itself (the wrappers override the same members on every target) and the array reads call them, as on .NET;
/// <c>Compat/StreamCompat.cs</c> routes a <see cref="Stream"/>'s asynchronous disposal here.
/// </remarks>
internal abstract class ReadOnlyStream : Stream
{
#if NETSTANDARD2_0
    public abstract int Read(Span<byte> buffer);

    public abstract ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public virtual ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

#endif
    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public sealed override long Length => throw new NotSupportedException();

    public sealed override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public sealed override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

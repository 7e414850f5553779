using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Http;

namespace AutoSend.Runtime.Responses;

/// <summary>
/// Wraps a response body while it is streamed into the deserializer: it fails once more than a limit has been read
/// (so an endless body cannot exhaust memory) and keeps the first bytes, so that an error can quote them.
/// </summary>
internal sealed class ApiResponseStream(Stream inner, long maxBytes, int excerptBytes) : ReadOnlyStream
{
    private byte[]? _excerpt;
    private int _excerptLength;

    /// <summary>The bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The first bytes of the body (at most the excerpt size).</summary>
    public ReadOnlyMemory<byte> Excerpt => _excerpt.AsMemory(0, _excerptLength);

    /// <summary>Whether more was read than <see cref="Excerpt"/> holds.</summary>
    public bool IsExcerptTruncated => BytesRead > _excerptLength;

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        Record(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Record(buffer.Span[..read]);
        return read;
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Record(ReadOnlySpan<byte> data)
    {
        BytesRead += data.Length;
        if (_excerptLength < excerptBytes && !data.IsEmpty)
        {
            _excerpt ??= new byte[excerptBytes];
            int count = Math.Min(data.Length, excerptBytes - _excerptLength);
            data[..count].CopyTo(_excerpt.AsSpan(_excerptLength));
            _excerptLength += count;
        }

        if (BytesRead > maxBytes)
        {
            throw new ResponseTooLargeException();
        }
    }
}

/// <summary>Thrown by <see cref="ApiResponseStream"/> past its limit; the JSON reader maps it to an <see cref="ApiException"/>.</summary>
internal sealed class ResponseTooLargeException : IOException
{
    public ResponseTooLargeException()
        : base("The response body is larger than MaxResponseBodyBytes.")
    {
    }
}

using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Errors;

using AutoSend.Runtime.Http;

namespace AutoSend.Runtime.Responses;

/// <summary>
/// The body of a streamed response as its reader sees it, with the two rules every streaming reader shares:
/// <list type="bullet">
/// <item>the idle limit (<see cref="ApiClientOptions.StreamIdleTimeout"/>): each read must bring bytes within it, else
/// the read is canceled and an <see cref="ApiTimeoutException"/> thrown (the caller's own cancellation stays an
/// <see cref="OperationCanceledException"/>);</item>
/// <item>for server-sent events, the size of one event: the bytes of its field lines since the blank line that ended
/// the previous one (comments excluded, the unfinished line included) must stay within
/// <see cref="ApiClientOptions.MaxResponseBodyBytes"/>, so that the parser never buffers more (JSON lines check their
/// line length themselves).</item>
/// </list>
/// One timer serves all reads: it is re-armed before a read and reset after it.
/// </summary>
internal sealed class StreamBody : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly StreamedResponse _streamed;
    private readonly TimeSpan _idleTimeout;
    private readonly CancellationToken _cancellationToken;
    private CancellationTokenSource? _idle;
    private readonly long _maxEventBytes;

    // Server-sent events: the bytes of the finished field lines of the current event, of the current line, whether the
    // current line is a comment, and whether the last byte was a CR (so that a following LF ends nothing more).
    private long _eventBytes;
    private long _lineBytes;
    private bool _lineIsComment;
    private bool _afterCarriageReturn;
    private bool _tooLarge;

    private StreamBody(Stream inner, StreamedResponse streamed, TimeSpan idleTimeout, long maxEventBytes, CancellationToken cancellationToken)
    {
        _inner = inner;
        _streamed = streamed;
        _idleTimeout = idleTimeout;
        _maxEventBytes = maxEventBytes;
        _cancellationToken = cancellationToken;
        if (idleTimeout != Timeout.InfiniteTimeSpan)
        {
            _idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }
    }

    /// <summary>The body of an event stream: the idle limit and the event size.</summary>
    public static Stream ForEvents(Stream inner, StreamedResponse streamed, TimeSpan idleTimeout, CancellationToken cancellationToken) =>
        new StreamBody(inner, streamed, idleTimeout, streamed.Context.Limits.MaxResponseBodyBytes, cancellationToken);

    /// <summary>The body of JSON lines: the idle limit, if there is one (else the body itself).</summary>
    public static Stream ForLines(Stream inner, StreamedResponse streamed, TimeSpan idleTimeout, CancellationToken cancellationToken) =>
        idleTimeout == Timeout.InfiniteTimeSpan ? inner : new StreamBody(inner, streamed, idleTimeout, long.MaxValue, cancellationToken);

    public override int Read(Span<byte> buffer)
    {
        // The readers are asynchronous; a synchronous read gets the size rule only.
        ThrowIfTooLarge();
        return Accept(_inner.Read(buffer), buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfTooLarge();
        int read;
        if (_idle is null)
        {
            read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // _idle is linked to the caller's token, which the readers also pass here.
            _idle.CancelAfter(_idleTimeout);
            try
            {
                read = await _inner.ReadAsync(buffer, _idle.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsIdleExpiry(exception))
            {
                HttpResponseMessage response = _streamed.Response;
                throw new ApiTimeoutException(_streamed.Context.Operation, _idleTimeout, response.StatusCode, ErrorFactory.RequestId(response),
                    _streamed.Context.Attempt, exception);
            }

            if (!_idle.TryReset())
            {
                // The timer fired just after the bytes arrived: the next read gets a fresh period all the same.
                _cancellationToken.ThrowIfCancellationRequested();
                _idle.Dispose();
                _idle = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
            }
        }

        return Accept(read, buffer.Span);
    }

    private int Accept(int read, ReadOnlySpan<byte> buffer)
    {
        int accepted = CountEvents(buffer[..read]);
        if (accepted == 0 && read > 0)
        {
            // Nothing before the limit: returning 0 would read as the end of the stream.
            ThrowIfTooLarge();
        }

        return accepted;
    }

    public override async ValueTask DisposeAsync()
    {
        _idle?.Dispose();
        await _inner.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _idle?.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // The idle timer (not the caller) canceled the read; a read canceled mid-way may surface as an IOException too.
    private bool IsIdleExpiry(Exception exception) =>
        exception is OperationCanceledException or IOException or HttpRequestException
        && _idle!.IsCancellationRequested && !_cancellationToken.IsCancellationRequested;

    // Returns how many of the bytes read may reach the parser: all, or those before the byte that makes the current
    // event too long. In that case the next read throws, so that the events before it are still delivered.
    private int CountEvents(ReadOnlySpan<byte> data)
    {
        if (_maxEventBytes == long.MaxValue)
        {
            return data.Length;
        }

        int offset = 0;
        while (offset < data.Length)
        {
            if (_afterCarriageReturn && data[offset] == (byte)'\n')
            {
                // The LF of a CRLF: the line already ended at the CR.
                _afterCarriageReturn = false;
                offset++;
                continue;
            }

            _afterCarriageReturn = false;
            ReadOnlySpan<byte> rest = data[offset..];
            int end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            int length = end < 0 ? rest.Length : end;
            if (_lineBytes == 0 && length > 0)
            {
                _lineIsComment = rest[0] == (byte)':';
            }

            // Only the current line grows an event; a finished comment line leaves it.
            long allowed = _maxEventBytes - _eventBytes - _lineBytes;
            if (length > allowed)
            {
                _tooLarge = true;
                return offset + (int)allowed;
            }

            _lineBytes += length;
            if (end < 0)
            {
                break;
            }

            if (_lineBytes == 0)
            {
                // A blank line dispatches the event: the next one starts from nothing.
                _eventBytes = 0;
            }
            else if (!_lineIsComment)
            {
                _eventBytes += _lineBytes;
            }

            _lineBytes = 0;
            _afterCarriageReturn = rest[end] == (byte)'\r';
            offset += end + 1;
        }

        return data.Length;
    }

    private void ThrowIfTooLarge()
    {
        if (_tooLarge)
        {
            throw _streamed.Context.Errors.TooLarge(_streamed.Response, _streamed.Context.Operation, _streamed.Context.Attempt, "has an event longer",
                default, true);
        }
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Http;

namespace AutoSend.Runtime.Responses;

/// <summary>Makes an event's data (its <c>data</c> lines joined, UTF-8) a value.</summary>
internal delegate T EventDataParser<T>(ReadOnlySpan<byte> data, StreamedResponse streamed);

/// <summary>
/// Reads a streamed success body item by item as its bytes arrive: server-sent events (parsed by
/// <see cref="SseParser"/>: multi-line data joined with a line feed, comments skipped) or JSON lines
/// (<c>application/x-ndjson</c>, <c>application/jsonl</c>; <c>application/json-seq</c> records start with an RS byte).
/// Memory stays flat however long the stream: the bytes of one item are held at a time, and one item longer than
/// <see cref="BodyLimits.MaxResponseBodyBytes"/> (a JSON line, or an event's field lines, counted by
/// <see cref="StreamBody"/>) is refused. <see cref="StreamBody"/> also applies the idle limit between reads. The response is disposed when the enumeration ends,
/// fails or is left early, which releases (or, mid-body, closes) the connection.
/// </summary>
internal static class StreamItems
{
    private const byte LineFeed = (byte)'\n';
    private const byte RecordSeparator = 0x1E;
    private const int InitialBufferBytes = 16 * 1024;

    /// <summary>The events of a <c>text/event-stream</c> body, each one's data made a value by <paramref name="parse"/>.</summary>
    public static async IAsyncEnumerable<SseItem<T>> ReadEventsAsync<T>(StreamedResponse streamed, EventDataParser<T> parse, TimeSpan idleTimeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = streamed.Response;
        Stream body = StreamBody.ForEvents(await OpenAsync(streamed, cancellationToken).ConfigureAwait(false), streamed, idleTimeout, cancellationToken);
        await using (body.ConfigureAwait(false))
        {
            IAsyncEnumerator<SseItem<T>> events = SseParser.Create(body, (_, data) => parse(data, streamed)).EnumerateAsync(cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await events.MoveNextAsync().ConfigureAwait(false))
                        {
                            yield break;
                        }
                    }
                    catch (Exception exception) when (exception is IOException or HttpRequestException)
                    {
                        throw ErrorFactory.BodyBroken(response, streamed.Context.Operation, streamed.Context.Attempt, default, exception);
                    }

                    yield return events.Current;
                }
            }
            finally
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The values of a JSON lines body: one per line, or one per record after an RS byte (RFC 7464).</summary>
    public static async IAsyncEnumerable<T> ReadLinesAsync<T>(StreamedResponse streamed, JsonTypeInfo<T> itemType, TimeSpan idleTimeout,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = streamed.Response;
        byte delimiter = string.Equals(response.Content.Headers.ContentType?.MediaType, "application/json-seq", StringComparison.OrdinalIgnoreCase)
            ? RecordSeparator
            : LineFeed;
        long maxItemBytes = streamed.Context.Limits.MaxResponseBodyBytes;
        Stream body = StreamBody.ForLines(await OpenAsync(streamed, cancellationToken).ConfigureAwait(false), streamed, idleTimeout, cancellationToken);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        await using (body.ConfigureAwait(false))
        {
            // The unread bytes are buffer[start..end); buffer[start..start+searched) holds no delimiter.
            int start = 0, end = 0, searched = 0;
            try
            {
                while (true)
                {
                    int found = buffer.AsSpan(start + searched, end - start - searched).IndexOf(delimiter);
                    if (found >= 0)
                    {
                        int at = start, length = searched + found;
                        start += length + 1;
                        searched = 0;
                        if (TryParse(buffer, at, length, itemType, streamed, out T item))
                        {
                            yield return item;
                        }

                        continue;
                    }

                    searched = end - start;
                    if (searched > maxItemBytes)
                    {
                        throw streamed.Context.Errors.TooLarge(response, streamed.Context.Operation, streamed.Context.Attempt, "has an item longer",
                            buffer.AsMemory(start, Math.Min(searched, BodyLimits.ExcerptBytes)).ToArray(), true);
                    }

                    if (end == buffer.Length)
                    {
                        // Keep only the unfinished item: at the front of this buffer, or of a larger one when it fills this one.
                        byte[] target = start > 0 ? buffer : ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, start, target, 0, end - start);
                        if (!ReferenceEquals(target, buffer))
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = target;
                        }

                        end -= start;
                        start = 0;
                    }

                    int read;
                    try
                    {
                        read = await body.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is IOException or HttpRequestException)
                    {
                        throw ErrorFactory.BodyBroken(response, streamed.Context.Operation, streamed.Context.Attempt,
                            buffer.AsMemory(start, Math.Min(end - start, BodyLimits.ExcerptBytes)).ToArray(), exception);
                    }

                    if (read == 0)
                    {
                        if (TryParse(buffer, start, end - start, itemType, streamed, out T last))
                        {
                            yield return last;
                        }

                        yield break;
                    }

                    end += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Parses one item's JSON; a value that is not the documented JSON is an <see cref="ApiException"/> quoting it.</summary>
    public static T ParseJson<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> itemType, StreamedResponse streamed)
    {
        try
        {
            return JsonSerializer.Deserialize(json, itemType)!;
        }
        catch (JsonException exception)
        {
            throw ErrorFactory.InvalidBody(streamed.Response, streamed.Context.Operation, streamed.Context.Attempt, exception,
                json[..Math.Min(json.Length, BodyLimits.ExcerptBytes)].ToArray(), json.Length > BodyLimits.ExcerptBytes);
        }
    }

    private static async ValueTask<Stream> OpenAsync(StreamedResponse streamed, CancellationToken cancellationToken)
    {
        try
        {
            return await streamed.Response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            throw ErrorFactory.BodyBroken(streamed.Response, streamed.Context.Operation, streamed.Context.Attempt, default, exception);
        }
    }

    // A blank line (or an empty record) carries no value; a line's CR and a record's trailing line feed are whitespace.
    private static bool TryParse<T>(byte[] buffer, int offset, int length, JsonTypeInfo<T> itemType, StreamedResponse streamed, out T value)
    {
        ReadOnlySpan<byte> item = buffer.AsSpan(offset, length).Trim(" \t\r\n"u8);
        if (item.IsEmpty)
        {
            value = default!;
            return false;
        }

        value = ParseJson(item, itemType, streamed);
        return true;
    }
}

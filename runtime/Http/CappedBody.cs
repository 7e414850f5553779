using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime.Http;

/// <summary>A body as far as it was read: its bytes, whether more followed, and the failure that cut it short, if any.</summary>
internal readonly record struct CappedBody(ReadOnlyMemory<byte> Bytes, bool IsTruncated, Exception? Failure)
{
    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> so that a huge or endless body cannot exhaust memory; the rest is left
    /// unread. A connection failure midway returns what was read with the failure, so that the status is not lost.
    /// </summary>
    /// <param name="content">The response content.</param>
    /// <param name="maxBytes">The most bytes to keep.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="rented">A buffer of at least <paramref name="maxBytes"/> to read into (the caller returns it to its pool), or null to allocate one.</param>
    public static async ValueTask<CappedBody> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken, byte[]? rented = null)
    {
        long? declaredLength = content.Headers.ContentLength;
        if (declaredLength == 0)
        {
            return default;
        }

        byte[] buffer = rented ?? new byte[(int)Math.Min(maxBytes, declaredLength ?? 4096)];
        int length = 0;
        try
        {
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length == declaredLength)
                        {
                            return new CappedBody(buffer, false, null);
                        }

                        if (buffer.Length == maxBytes)
                        {
                            bool more = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
                            return new CappedBody(buffer, more, null);
                        }

                        Array.Resize(ref buffer, (int)Math.Min(maxBytes, buffer.Length * 2L));
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new CappedBody(buffer.AsMemory(0, length), false, null);
                    }

                    length += read;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return new CappedBody(buffer.AsMemory(0, length), true, exception);
        }
    }
}

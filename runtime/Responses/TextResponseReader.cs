using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Http;

namespace AutoSend.Runtime.Responses;

/// <summary>A text body (e.g. <c>text/plain</c>), read whole within the size limit and decoded with the charset it declares.</summary>
internal sealed class TextResponseReader : ResponseReader<string>
{
    public static readonly TextResponseReader Instance = new();

    private TextResponseReader()
    {
    }

    public override string? Accept => MediaTypes.PlainText;

    public override async ValueTask<string> ReadAsync(HttpResponseMessage response, ResponseContext context, CancellationToken cancellationToken)
    {
        long maxBytes = context.Limits.MaxResponseBodyBytes;
        long? length = response.Content.Headers.ContentLength;
        if (length > maxBytes)
        {
            throw context.Errors.TooLarge(response, context.Operation, context.Attempt, $"declares {length} bytes", default, false);
        }

        CappedBody body = await CappedBody.ReadAsync(response.Content, (int)Math.Min(maxBytes, int.MaxValue), cancellationToken).ConfigureAwait(false);
        if (body.Failure is not null)
        {
            throw ErrorFactory.BodyBroken(response, context.Operation, context.Attempt, body.Bytes, body.Failure);
        }

        if (body.IsTruncated)
        {
            throw context.Errors.TooLarge(response, context.Operation, context.Attempt, "is longer", body.Bytes[..Math.Min(body.Bytes.Length, BodyLimits.ExcerptBytes)], true);
        }

        return MediaTypes.TextEncoding(response.Content.Headers.ContentType).GetString(body.Bytes.Span);
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Http;

namespace AutoSend.Runtime.Responses;

/// <summary>
/// A JSON body read through the generated metadata of <typeparamref name="TResult"/>. A body of known length up to
/// <see cref="BodyLimits.MaxErrorBodyBytes"/> is read whole into a pooled buffer, so that an error can quote all of it;
/// any other body is streamed into the deserializer through a counter that stops at
/// <see cref="BodyLimits.MaxResponseBodyBytes"/>. One instance per operation, made with its descriptor.
/// </summary>
/// <param name="typeInfo">The metadata of the body type.</param>
/// <param name="allowsNull">
/// Whether the JSON value <c>null</c> is a valid body (a response without schema, or a nullable one), and so is no body
/// at all (a 204 or 205, or an empty body), which the operation declares beside a success with a body.
/// </param>
internal sealed class JsonResponseReader<TResult>(JsonTypeInfo<TResult> typeInfo, bool allowsNull) : ResponseReader<TResult>
{
    public override string? Accept => MediaTypes.Json;

    // Pooled like the attempt's (AttemptSender): a body that arrives after the headers completes asynchronously.
#if !NETSTANDARD2_0
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    public override async ValueTask<TResult> ReadAsync(HttpResponseMessage response, ResponseContext context, CancellationToken cancellationToken)
    {
        HttpContent content = response.Content;
        if (allowsNull && (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.ResetContent || content.Headers.ContentLength == 0))
        {
            // A declared success without a body (204 beside a 200 with one): null, as for the JSON value null.
            return default!;
        }

        if (content.Headers.ContentType is { MediaType: not null } contentType && !MediaTypes.IsJson(contentType))
        {
            throw await context.Errors.FromResponseAsync(response, context.Operation, context.Attempt, cancellationToken).ConfigureAwait(false);
        }

        long? length = content.Headers.ContentLength;
        if (length > context.Limits.MaxResponseBodyBytes)
        {
            throw context.Errors.TooLarge(response, context.Operation, context.Attempt, $"declares {length} bytes", default, false);
        }

        // One method for both paths: each async layer would allocate a state machine of its own when the body is slow.
        TResult? result;
        if (length <= context.Limits.MaxErrorBodyBytes)
        {
            // Small and of known size: read whole into a pooled buffer, so that an error can quote all of it.
            byte[] rented = ArrayPool<byte>.Shared.Rent((int)length.Value);
            try
            {
                CappedBody body = await CappedBody.ReadAsync(content, (int)length.Value, cancellationToken, rented).ConfigureAwait(false);
                if (body.Failure is not null)
                {
                    throw ErrorFactory.BodyBroken(response, context.Operation, context.Attempt, body.Bytes.ToArray(), body.Failure);
                }

                try
                {
                    result = JsonSerializer.Deserialize(body.Bytes.Span, typeInfo);
                }
                catch (JsonException exception)
                {
                    throw ErrorFactory.InvalidBody(response, context.Operation, context.Attempt, exception, body.Bytes.ToArray(), false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        else
        {
            var stream = new ApiResponseStream(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), context.Limits.MaxResponseBodyBytes,
                Math.Min(context.Limits.MaxErrorBodyBytes, BodyLimits.ExcerptBytes));
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    result = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException) when (allowsNull && stream.BytesRead == 0)
                {
                    // An empty body of unknown length (chunked): no body, as above.
                    return default!;
                }
                catch (JsonException exception)
                {
                    throw ErrorFactory.InvalidBody(response, context.Operation, context.Attempt, exception, stream.Excerpt, stream.IsExcerptTruncated);
                }
                catch (ResponseTooLargeException)
                {
                    throw context.Errors.TooLarge(response, context.Operation, context.Attempt, "is longer", stream.Excerpt, true);
                }
                catch (Exception exception) when (exception is IOException or HttpRequestException)
                {
                    throw ErrorFactory.BodyBroken(response, context.Operation, context.Attempt, stream.Excerpt, exception);
                }
            }
        }

        return result is not null || allowsNull ? result! : throw ErrorFactory.NullBody(response, context.Operation, context.Attempt, typeof(TResult));
    }
}

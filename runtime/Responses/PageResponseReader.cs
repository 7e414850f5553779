using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Responses;

/// <summary>A page of a paginated list: the JSON body as its own reader reads it, with the response's <c>Link: rel="next"</c>.</summary>
/// <typeparam name="TResult">The body type.</typeparam>
internal sealed class PageResponseReader<TResult>(ResponseReader<TResult> body) : ResponseReader<ApiPage<TResult>>
{
    public override string? Accept => body.Accept;

    public override async ValueTask<ApiPage<TResult>> ReadAsync(HttpResponseMessage response, ResponseContext context, CancellationToken cancellationToken)
    {
        TResult value = await body.ReadAsync(response, context, cancellationToken).ConfigureAwait(false);
        System.Uri requestUri = response.RequestMessage!.RequestUri!;
        System.Uri? next = response.Headers.TryGetValues("Link", out var links) ? ApiLinkHeader.Find(links, "next", requestUri) : null;
        return new ApiPage<TResult>(value, next, requestUri);
    }
}

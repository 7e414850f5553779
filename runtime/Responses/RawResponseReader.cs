using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime.Responses;

/// <summary>
/// A <c>WithRawResponse</c> call: the body as <paramref name="body"/> reads it for the plain call, with the status code
/// and a copy of the headers, made into the generated response type by <paramref name="create"/>. The plain and raw
/// calls go through the same pipeline; only this wrapper differs.
/// </summary>
/// <typeparam name="TResult">The body type.</typeparam>
/// <typeparam name="TResponse">The response type the generated code returns (<see cref="ApiResponse{T}"/> or a subclass).</typeparam>
internal sealed class RawResponseReader<TResult, TResponse>(ResponseReader<TResult> body, Func<int, TResult, ApiResponseHeaders, TResponse> create)
    : ResponseReader<TResponse>
{
    public override string? Accept => body.Accept;

    public override bool AcceptOverridesOperation => body.AcceptOverridesOperation;

    public override bool OwnsResponse => body.OwnsResponse;

    public override async ValueTask<TResponse> ReadAsync(HttpResponseMessage response, ResponseContext context, CancellationToken cancellationToken)
    {
        // The headers first: a reader that owns the response (a file) hands it to its result.
        ApiResponseHeaders headers = ApiResponseHeaders.From(response);
        TResult value = await body.ReadAsync(response, context, cancellationToken).ConfigureAwait(false);
        return create((int)response.StatusCode, value, headers);
    }
}

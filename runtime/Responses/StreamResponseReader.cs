using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime.Responses;

/// <summary>
/// A success body read item by item after the call returns (server-sent events, JSON lines): the attempt ends when the
/// headers have arrived, so the per-attempt timeout and the retries cover the wait for them and nothing after; the
/// response stays open for <see cref="StreamItems"/>, which disposes it.
/// </summary>
/// <param name="accept">The media type the call asks for when the operation declares none, e.g. <c>text/event-stream</c>.</param>
internal sealed class StreamResponseReader(string accept) : ResponseReader<StreamedResponse>
{
    public override string? Accept => accept;

    public override bool OwnsResponse => true;

    public override ValueTask<StreamedResponse> ReadAsync(HttpResponseMessage response, ResponseContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new StreamedResponse(response, context));
}

/// <summary>A success response whose body has not been read yet, with what its errors need to name it.</summary>
/// <param name="Response">The response; whoever reads the body disposes it.</param>
/// <param name="Context">The operation, the attempt and the body limits.</param>
internal sealed record StreamedResponse(HttpResponseMessage Response, ResponseContext Context);

using System.Net;
using System.Net.Http.Headers;

namespace AutoSend.Benchmarks;

/// <summary>
/// The in-memory server every client sends to: it answers each request with 200 and the same JSON body, as a fresh
/// <see cref="HttpResponseMessage"/> (a real handler creates one per response too). When <see cref="Capture"/> is on
/// it records what was asked, so that the benchmark setup can check that each client sent the request it should.
/// </summary>
public sealed class CannedResponseHandler(byte[] body) : HttpMessageHandler
{
    public bool Capture { get; set; }

    public string? LastMethod { get; private set; }

    public string? LastUri { get; private set; }

    public string? LastAuthorization { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Respond(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Respond(request);

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        if (Capture)
        {
            LastMethod = request.Method.Method;
            LastUri = request.RequestUri?.AbsoluteUri;
            LastAuthorization = request.Headers.TryGetValues("Authorization", out IEnumerable<string>? values) ? string.Join(",", values) : null;
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}

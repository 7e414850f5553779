using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AutoSend.Testing;

/// <summary>One request as the server received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The request target exactly as sent (path and query, still escaped).</param>
/// <param name="Headers">The request headers, names in lower case.</param>
/// <param name="Body">The request body bytes.</param>
public sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The request line without the protocol, e.g. <c>POST /v1/campaigns/1/resume</c>.</summary>
    public string Line => Method + " " + Target;
}

/// <summary>
/// A real Kestrel server bound to 127.0.0.1 on a free port, answering with a test's handler and recording every
/// request, so tests exercise the real HTTP stack rather than a mocked handler.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _requestCount;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Every request received so far, in order (empty when the server was started without recording).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>How many requests the server has received, recorded or not.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Starts a server that answers every request with <paramref name="handler"/>.</summary>
    /// <param name="handler">Answers each request.</param>
    /// <param name="recordRequests">
    /// Whether to keep a copy of each request in <see cref="Requests"/>; load tests turn it off so that memory
    /// measurements see the client only. <see cref="RequestCount"/> counts either way.
    /// </param>
    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler, bool recordRequests = true)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            Interlocked.Increment(ref server!._requestCount);
            if (!recordRequests)
            {
                await handler(context);
                return;
            }

            context.Request.EnableBuffering();
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            context.Request.Body.Position = 0;
            string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            server!._requests.Enqueue(new RecordedRequest(context.Request.Method, target, headers, body.ToArray()));
            await handler(context);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Starts a server that answers every request with a fixed status and JSON body.</summary>
    /// <remarks>An empty body is not written at all: Kestrel refuses a body write on a 204 and then cuts the connection.</remarks>
    public static Task<LoopbackServer> StartAsync(int status, string json, string contentType = "application/json") =>
        StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            if (json.Length > 0)
            {
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(json, context.RequestAborted);
            }
        });

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

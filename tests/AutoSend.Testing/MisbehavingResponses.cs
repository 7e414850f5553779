using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Testing;

/// <summary>
/// Handlers for <see cref="LoopbackServer"/> that misbehave the way real servers and proxies do: they hang, break
/// the connection mid-response, send less than they announce, or answer with the wrong thing. Each bounds its own
/// waiting, so a test that goes wrong still ends.
/// </summary>
public static class MisbehavingResponses
{
    /// <summary>The longest any handler here waits for the client before giving up by itself.</summary>
    public static readonly TimeSpan MaxHang = TimeSpan.FromSeconds(60);

    /// <summary>Answers with a status, a body and headers.</summary>
    public static RequestDelegate Respond(int status, string body = "", string? contentType = "application/json", params (string Name, string Value)[] headers) =>
        async context =>
        {
            context.Response.StatusCode = status;
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            foreach ((string name, string value) in headers)
            {
                context.Response.Headers.Append(name, value);
            }

            byte[] bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        };

    /// <summary>Answers like <see cref="Respond"/> but without a Content-Length, so the body is sent chunked.</summary>
    public static RequestDelegate RespondChunked(int status, string body, string contentType = "application/json") =>
        async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), context.RequestAborted);
        };

    /// <summary>Answers the first request with the first handler, the second with the second, and so on; the last one repeats.</summary>
    public static RequestDelegate Sequence(params RequestDelegate[] handlers)
    {
        int index = -1;
        return context => handlers[Math.Min(Interlocked.Increment(ref index), handlers.Length - 1)](context);
    }

    /// <summary>Never answers: waits until the client goes away (or <see cref="MaxHang"/> passes).</summary>
    public static RequestDelegate Hang() => async context => await WaitForAbortAsync(context);

    /// <summary>Sends the headers and the start of a body, then waits until the client goes away.</summary>
    /// <param name="aborted">Completed when the server sees the client drop the connection.</param>
    /// <param name="bodySent">Completed once the start of the body has been flushed to the client.</param>
    public static RequestDelegate HangMidBody(string bodyStart, TaskCompletionSource? aborted = null, int? contentLength = null, TaskCompletionSource? bodySent = null) =>
        async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = contentLength;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(bodyStart));
            await context.Response.Body.FlushAsync();
            bodySent?.TrySetResult();
            await WaitForAbortAsync(context);
            if (context.RequestAborted.IsCancellationRequested)
            {
                aborted?.TrySetResult();
            }
        };

    /// <summary>Reads the request, then drops the connection without answering.</summary>
    public static RequestDelegate CloseWithoutResponse() =>
        context =>
        {
            context.Abort();
            return Task.CompletedTask;
        };

    /// <summary>An address on loopback where nothing listens, so that connecting is refused.</summary>
    public static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static async Task WaitForAbortAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(MaxHang, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away, which is what the test waits for.
        }
    }
}

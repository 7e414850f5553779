using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AutoSend.Testing;

/// <summary>
/// A TCP server on 127.0.0.1 that reads one HTTP/1.1 request per connection and answers with exactly the bytes a test
/// gives, then closes its side: for responses no real server would send, such as a body shorter than its
/// Content-Length or a chunked body that stops mid-chunk. Every wait is bounded.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan s_ioTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpListener _listener;
    private readonly Func<int, string> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _requestCount;

    private RawHttpServer(Func<int, string> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>How many complete requests the server has read.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Starts a server that answers request number <c>n</c> (from 0) with the raw text <paramref name="respond"/> returns.</summary>
    public static RawHttpServer Start(Func<int, string> respond) => new(respond);

    /// <summary>Starts a server that answers every request with the same raw text.</summary>
    public static RawHttpServer Start(string response) => new(_ => response);

    /// <summary>Stops listening and waits for the accept loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket = await _listener.AcceptSocketAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(s_ioTimeout);
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: true);
            if (!await ReadRequestAsync(stream, timeout.Token))
            {
                return;
            }

            int index = Interlocked.Increment(ref _requestCount) - 1;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_respond(index)), timeout.Token);
            await stream.FlushAsync(timeout.Token);

            // Close our side cleanly (everything written is delivered), then wait for the client to let go.
            socket.Shutdown(SocketShutdown.Send);
            var sink = new byte[1024];
            while (await stream.ReadAsync(sink, timeout.Token) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away first, or the bound passed.
        }
    }

    // Reads the head up to the blank line and a body of the declared Content-Length.
    private static async Task<bool> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (head.Count > 64 * 1024 || await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return false;
            }

            head.Add(one[0]);
        }

        string text = Encoding.ASCII.GetString(head.ToArray());
        int contentLength = 0;
        foreach (string line in text.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[contentLength];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return true;
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';
}

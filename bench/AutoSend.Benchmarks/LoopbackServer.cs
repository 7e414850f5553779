using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AutoSend.Benchmarks;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for the clients that create their own HttpClient (a SocketsHttpHandler
/// nobody can swap for an in-memory one): every request, whatever it asks, is answered 200 with the same JSON body
/// on a kept-alive connection. One thread per connection with blocking socket calls into preallocated buffers, so
/// the server allocates nothing per request and BenchmarkDotNet's allocation count (which is per process) is the
/// client's alone. Requests must have no body (the benchmarked calls send none).
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly Socket _listener;
    private readonly byte[] _response;
    private readonly List<Socket> _connections = [];
    private volatile bool _stopped;

    public LoopbackServer(byte[] body)
    {
        string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + body.Length + "\r\n\r\n";
        _response = [.. Encoding.ASCII.GetBytes(head), .. body];
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/v1");
        new Thread(Accept) { IsBackground = true, Name = "LoopbackServer accept" }.Start();
    }

    /// <summary>The address to give the clients, with the API's <c>/v1</c> base path.</summary>
    public Uri BaseAddress { get; }

    public void Dispose()
    {
        _stopped = true;
        _listener.Dispose();
        lock (_connections)
        {
            foreach (Socket connection in _connections)
            {
                connection.Dispose();
            }
        }
    }

    private void Accept()
    {
        while (!_stopped)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (SocketException) when (_stopped)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            connection.NoDelay = true;
            lock (_connections)
            {
                _connections.Add(connection);
            }

            new Thread(() => Serve(connection)) { IsBackground = true, Name = "LoopbackServer connection" }.Start();
        }
    }

    // Reads until the blank line that ends a request's headers, answers, and goes on with the next request.
    private void Serve(Socket connection)
    {
        byte[] buffer = new byte[16 * 1024];
        int matched = 0; // how much of "\r\n\r\n" the bytes read so far end with
        try
        {
            while (!_stopped)
            {
                int read = connection.Receive(buffer);
                if (read == 0)
                {
                    return;
                }

                for (int i = 0; i < read; i++)
                {
                    byte b = buffer[i];
                    matched = b == (matched % 2 == 0 ? (byte)'\r' : (byte)'\n') ? matched + 1 : (b == '\r' ? 1 : 0);
                    if (matched == 4)
                    {
                        matched = 0;
                        connection.Send(_response);
                    }
                }
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }
}

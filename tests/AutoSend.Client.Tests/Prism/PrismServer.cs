using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoSend.Testing;

namespace AutoSend.Client.Tests.Prism;

/// <summary>
/// A Stoplight Prism mock server (the version pinned in package-lock.json) serving spec/autosend.openapi.yaml on a
/// free loopback port, with <c>--errors</c>: a request that breaks the spec is answered with an error status and a
/// <c>sl-violations</c> header, and Prism's own log names the violation. The whole log is kept: at
/// <c>-v debug</c> it also shows each request's headers.
/// </summary>
public sealed partial class PrismServer : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<PrismRequestLog.Builder> _requests = [];
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PrismServer(Process process, int port, IReadOnlyList<string> arguments)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Arguments = arguments;
    }

    /// <summary>Where Prism listens; the spec's paths are served from the root (the server's <c>/v1</c> is not used).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The Prism command line, after <c>node</c>.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The installed Prism version (node_modules/@stoplight/prism-cli/package.json).</summary>
    public static string Version
    {
        get
        {
            string manifest = Path.Combine(RepositoryPaths.Root, "node_modules", "@stoplight", "prism-cli", "package.json");
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(manifest));
            return document.RootElement.GetProperty("version").GetString()!;
        }
    }

    /// <summary>Everything Prism printed so far, one entry per line, colours removed.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToArray();
            }
        }
    }

    /// <summary>Prism's log split per request: each block from its "Request received" line to the next one.</summary>
    public IReadOnlyList<PrismRequestLog> Requests
    {
        get
        {
            lock (_lines)
            {
                return [.. _requests.Select(r => r.Build())];
            }
        }
    }

    /// <summary>How many requests Prism has logged so far.</summary>
    public int RequestCount
    {
        get
        {
            lock (_lines)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Installs Prism if needed (npm ci) and starts it; returns once it listens.</summary>
    /// <param name="dynamic">Adds <c>--dynamic</c>: responses generated from the schemas instead of the examples.</param>
    /// <param name="seed">With <paramref name="dynamic"/>, the <c>--seed</c> that makes the generated responses repeatable.</param>
    public static async Task<PrismServer> StartAsync(bool dynamic, string? seed = null)
    {
        string cli = await NpmTools.EnsureInstalledAsync(NpmTools.PrismCli);
        Exception? last = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            // A free port now may be taken by the time Prism binds it: try again with another one.
            PrismServer server = Launch(cli, FreePort(), dynamic, seed);
            try
            {
                await server.WaitUntilListeningAsync();
                return server;
            }
            catch (InvalidOperationException exception) when (exception.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                last = exception;
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        throw last!;
    }

    /// <summary>
    /// Waits (bounded) until Prism has logged, after its first <paramref name="skip"/> requests, a request matching
    /// <paramref name="match"/> up to its response.
    /// </summary>
    /// <returns>The matching request's log block.</returns>
    public async Task<PrismRequestLog> WaitForRequestAsync(int skip, Func<PrismRequestLog, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            PrismRequestLog? found = Requests.Skip(skip).FirstOrDefault(r => r.Responded && match(r));
            if (found is not null)
            {
                return found;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Prism logged no matching request within {timeout}. Log:\n{string.Join('\n', Lines.TakeLast(80))}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops Prism (its whole process tree) and waits until its output is read to the end.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Never started, or already gone.
        }

        _process.Dispose();
    }

    private static PrismServer Launch(string cli, int port, bool dynamic, string? seed)
    {
        List<string> arguments =
        [
            cli, "mock", RepositoryPaths.AutoSendSpec,
            "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--errors", "--verboseLevel", "debug",
        ];
        if (dynamic)
        {
            arguments.Add("--dynamic");
            if (seed is not null)
            {
                arguments.AddRange(["--seed", seed]);
            }
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        arguments.ForEach(start.ArgumentList.Add);
        start.Environment["FORCE_COLOR"] = "0";
        start.Environment["NO_COLOR"] = "1";

        var process = new Process { StartInfo = start };
        var server = new PrismServer(process, port, [.. arguments.Skip(1).Select(a => a == RepositoryPaths.AutoSendSpec ? "spec/autosend.openapi.yaml" : a)]);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        line = AnsiEscape().Replace(line, "");
        lock (_lines)
        {
            _lines.Add(line);
            PrismRequestLog.Builder? request = PrismRequestLog.Builder.Start(line);
            if (request is not null)
            {
                _requests.Add(request);
            }
            else if (_requests.Count > 0)
            {
                _requests[^1].Add(line);
            }
        }

        if (line.Contains("Prism is listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        Task exited = _process.WaitForExitAsync();
        Task finished = await Task.WhenAny(_listening.Task, exited, Task.Delay(s_startTimeout));
        if (finished == exited)
        {
            // WaitForExitAsync also waits for the output to be read to the end.
            throw new InvalidOperationException($"Prism exited with {_process.ExitCode} before listening:\n{string.Join('\n', Lines)}");
        }

        if (finished != _listening.Task)
        {
            throw new TimeoutException($"Prism did not listen within {s_startTimeout}:\n{string.Join('\n', Lines)}");
        }

        using var probe = new TcpClient();
        await probe.ConnectAsync(IPAddress.Loopback, BaseAddress.Port);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}

/// <summary>The lines Prism logged for one request.</summary>
/// <param name="Method">The method, upper case.</param>
/// <param name="Path">The path (without the query).</param>
/// <param name="Headers">The request headers Prism received (logged at debug level), names in lower case.</param>
/// <param name="Lines">Every line of the block.</param>
public sealed partial record PrismRequestLog(string Method, string Path, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string> Lines)
{
    /// <summary>Whether Prism logged its response (the block is complete up to the response).</summary>
    public bool Responded => Lines.Any(l => l.Contains("> Responding with", StringComparison.Ordinal));

    /// <summary>
    /// Prism's validation findings: "Violation: ..." lines (request or response) and the errors it lists after
    /// "Request did not pass the validation rules".
    /// </summary>
    public IReadOnlyList<string> Violations =>
        [.. Lines.Where(l => l.Contains("Violation:", StringComparison.Ordinal) || l.Contains("did not pass the validation rules", StringComparison.Ordinal)
                             || l.Contains("[VALIDATOR]", StringComparison.Ordinal) && (l.Contains(" error ", StringComparison.Ordinal) || l.Contains(" warning ", StringComparison.Ordinal)))];

    /// <summary>The first line, e.g. <c>POST /campaigns/1/resume</c>.</summary>
    public override string ToString() => Method + " " + Path;

    /// <summary>Collects one request's lines as Prism prints them.</summary>
    internal sealed class Builder
    {
        private readonly string _method;
        private readonly string _path;
        private readonly List<string> _lines = [];
        private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
        private PrismRequestLog? _built;

        private Builder(string method, string path, string line)
        {
            _method = method;
            _path = path;
            _lines.Add(line);
        }

        /// <summary>A new block if <paramref name="line"/> is a "Request received" line, else null.</summary>
        public static Builder? Start(string line)
        {
            Match start = RequestReceived().Match(line);
            return start.Success ? new Builder(start.Groups["method"].Value.ToUpperInvariant(), start.Groups["path"].Value, line) : null;
        }

        public void Add(string line)
        {
            _lines.Add(line);
            _built = null;
            Match header = RequestHeader().Match(line);
            if (header.Success)
            {
                _headers[header.Groups["name"].Value.Trim()] = header.Groups["value"].Value;
            }
        }

        public PrismRequestLog Build() =>
            _built ??= new PrismRequestLog(_method, _path, new Dictionary<string, string>(_headers, StringComparer.OrdinalIgnoreCase), [.. _lines]);
    }

    [GeneratedRegex(@"\[HTTP SERVER\] (?<method>[a-z]+) (?<path>\S+) .*Request received")]
    private static partial Regex RequestReceived();

    // "[NEGOTIATOR] ⬤  debug     < \tauthorization: Bearer ..." (responses use '>').
    [GeneratedRegex(@"debug\s+<\s*\t(?<name>[^:]+):\s?(?<value>.*)$")]
    private static partial Regex RequestHeader();
}

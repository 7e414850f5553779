namespace AutoSend.Client.Tests.Prism;

/// <summary>One request the generated client sent through <see cref="TrafficRecorder"/>, and Prism's answer.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The request target.</param>
/// <param name="Authorization">The Authorization header as sent, or null.</param>
/// <param name="ProjectId">The x-project-id header as sent, or null.</param>
/// <param name="Status">The response status.</param>
/// <param name="Violations">Prism's <c>sl-violations</c> response header (a JSON array), or null when it found none.</param>
public sealed record Exchange(string Method, string PathAndQuery, string? Authorization, string? ProjectId, int Status, string? Violations)
{
    /// <summary>For failure messages.</summary>
    public override string ToString() => $"{Method} {PathAndQuery} -> {Status}" + (Violations is null ? "" : " sl-violations: " + Violations);
}

/// <summary>
/// The innermost handler of the HTTP client given to the generated client: records what goes on the wire and Prism's
/// verdict on it (the <c>sl-violations</c> header Prism adds to any response whose request or response broke the spec).
/// </summary>
public sealed class TrafficRecorder : DelegatingHandler
{
    private readonly List<Exchange> _exchanges = [];

    public TrafficRecorder()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>How many requests were sent so far.</summary>
    public int Count
    {
        get
        {
            lock (_exchanges)
            {
                return _exchanges.Count;
            }
        }
    }

    /// <summary>The requests sent from index <paramref name="start"/> on.</summary>
    public IReadOnlyList<Exchange> Since(int start)
    {
        lock (_exchanges)
        {
            return _exchanges.Skip(start).ToArray();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        string? Header(System.Net.Http.Headers.HttpHeaders headers, string name) =>
            headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(", ", values) : null;
        var exchange = new Exchange(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            Header(request.Headers, "Authorization"),
            Header(request.Headers, "x-project-id"),
            (int)response.StatusCode,
            Header(response.Headers, "sl-violations"));
        lock (_exchanges)
        {
            _exchanges.Add(exchange);
        }

        return response;
    }
}

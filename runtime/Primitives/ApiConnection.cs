using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime;
using AutoSend.Runtime.Errors;
using AutoSend.Runtime.Http;
using AutoSend.Runtime.Pipeline;
using AutoSend.Runtime.Responses;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// The one HTTP path every generated operation takes: it builds the request (base address, credentials, user agent),
/// sends it with <see cref="HttpCompletionOption.ResponseHeadersRead"/> under a per-attempt timeout and an overall
/// deadline, retries what is safe to retry, reads the success body within a size limit, and turns everything else into
/// an <see cref="ApiException"/>. Each call is an <see cref="Activity"/> of the client's <see cref="ActivitySource"/>.
/// See docs/runtime.md.
/// </summary>
/// <remarks>
/// Generated clients create one connection each; application code does not need to use this type. It only wires the
/// pieces together: the request factory and the call pipeline (<c>runtime/Pipeline/</c>), one reader per kind of
/// success response (<c>runtime/Responses/</c>) and the error factory (<c>runtime/Errors/</c>).
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiConnection : IDisposable
{
    /// <summary>The <see cref="ActivitySource"/> name used when the generated code names no client.</summary>
    public const string DefaultClientName = "AutoSend.Runtime";

    // What a streamed call asks for when the operation declares no media type of its own.
    private const string EventStream = "text/event-stream";
    private const string JsonLines = "application/x-ndjson";

    // The one scheme of a connection made with a single ApiAuthentication.
    private const string SingleScheme = "";

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly RequestFactory _requests;
    private readonly CallExecutor _calls;
    private readonly ApiTelemetry _telemetry;
    private readonly TimeSpan _streamIdleTimeout;

    /// <summary>Creates a connection whose activities come from the <see cref="DefaultClientName"/> source.</summary>
    /// <param name="httpClient">The caller's client, or null to create and own one.</param>
    /// <param name="options">The client options.</param>
    /// <param name="defaultBaseAddress">The document's first server, used when neither the options nor the caller's client set an address.</param>
    /// <param name="authentication">The credentials to apply to every request, or null.</param>
    /// <param name="defaultUserAgent">The user agent sent when the options set none.</param>
    public ApiConnection(HttpClient? httpClient, ApiClientOptions options, Uri? defaultBaseAddress, ApiAuthentication? authentication, string defaultUserAgent)
        : this(httpClient, options, defaultBaseAddress, authentication, defaultUserAgent, DefaultClientName)
    {
    }

    /// <summary>Creates a connection for a named client.</summary>
    /// <param name="httpClient">The caller's client, or null to create and own one.</param>
    /// <param name="options">The client options.</param>
    /// <param name="defaultBaseAddress">The document's first server, used when neither the options nor the caller's client set an address.</param>
    /// <param name="authentication">The credentials to apply to every request, or null.</param>
    /// <param name="defaultUserAgent">The user agent sent when the options set none.</param>
    /// <param name="clientName">
    /// The client's full type name, e.g. <c>AutoSend.Client.AutoSendClient</c>: the name of the
    /// <see cref="ActivitySource"/> its calls are traced with, and <see cref="ApiLogEntry.ClientName"/>.
    /// </param>
    /// <exception cref="InvalidOperationException">There is no base address, or it is <c>http://</c> for a host other than loopback and <see cref="ApiClientOptions.AllowInsecureHttp"/> is off.</exception>
    public ApiConnection(HttpClient? httpClient, ApiClientOptions options, Uri? defaultBaseAddress, ApiAuthentication? authentication, string defaultUserAgent, string clientName)
        : this(httpClient, options, defaultBaseAddress, authentication is null ? null : new ApiSecurity([SingleScheme]).Add(SingleScheme, authentication), defaultUserAgent, clientName)
    {
    }

    /// <summary>Creates a connection for a named client whose document declares several security schemes.</summary>
    /// <param name="httpClient">The caller's client, or null to create and own one.</param>
    /// <param name="options">The client options.</param>
    /// <param name="defaultBaseAddress">The document's first server, used when neither the options nor the caller's client set an address.</param>
    /// <param name="security">The credentials of each scheme and the document's requirement; each operation's own requirement picks among them.</param>
    /// <param name="defaultUserAgent">The user agent sent when the options set none.</param>
    /// <param name="clientName">The client's full type name: the name of its <see cref="ActivitySource"/>.</param>
    /// <param name="servers">The values of the document's server variables, for operations with servers of their own; null when it has none.</param>
    /// <exception cref="InvalidOperationException">There is no base address, or it is <c>http://</c> for a host other than loopback and <see cref="ApiClientOptions.AllowInsecureHttp"/> is off.</exception>
    public ApiConnection(HttpClient? httpClient, ApiClientOptions options, Uri? defaultBaseAddress, ApiSecurity? security, string defaultUserAgent, string clientName, ApiServers? servers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(defaultUserAgent);
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        _requests = new RequestFactory(options.BaseAddress ?? httpClient?.BaseAddress ?? defaultBaseAddress, options.AllowInsecureHttp, servers, options.IgnoreOperationServers);
        _telemetry = new ApiTelemetry(clientName, options.Log);
        _ownsHttpClient = httpClient is null;
        _streamIdleTimeout = options.StreamIdleTimeout;
        _httpClient = httpClient ?? DefaultHttpClient.Create();

        var limits = new BodyLimits(options.MaxResponseBodyBytes, options.MaxErrorBodyBytes);
        security?.Attach(_httpClient, _requests.BaseAddress, options.AllowInsecureHttp);
        var attempts = new AttemptSender(_httpClient, options.UserAgent ?? defaultUserAgent, security, options.RateLimiter, limits, new ErrorFactory(limits));
        var retries = new RetryPolicy(options.MaxRetries, options.RetryDelay, options.MaxRetryDelay, options.TotalTimeout);
        _calls = new CallExecutor(attempts, retries, _telemetry, options.TotalTimeout, options.Timeout);
    }

    /// <summary>The absolute base address requests are resolved against; it always ends with a slash.</summary>
    public Uri BaseAddress => _requests.BaseAddress;

    /// <summary>The client's name: the name of its <see cref="ActivitySource"/>.</summary>
    public string ClientName => _telemetry.ClientName;

    /// <summary>Creates a request for a path relative to the base address; the credentials and the user agent are added when it is sent.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUrl">The escaped path and query, without a leading slash.</param>
    /// <returns>The request; <see cref="SendAsync(HttpRequestMessage, ApiOperation, CancellationToken)"/> disposes it.</returns>
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativeUrl) => _requests.Create(method, relativeUrl);

    /// <summary>
    /// Creates a request for a path relative to the operation's own server (a path- or operation-level server of the
    /// document), unless <see cref="ApiClientOptions.IgnoreOperationServers"/> sends it to the base address.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="server">The server as the document writes it: absolute, or relative to the base address; <c>{name}</c> is a server variable.</param>
    /// <param name="relativeUrl">The escaped path and query, without a leading slash.</param>
    /// <returns>The request; <see cref="SendAsync(HttpRequestMessage, ApiOperation, CancellationToken)"/> disposes it.</returns>
    /// <exception cref="InvalidOperationException">The server's address is not an absolute http(s) URI, has a query, or is clear-text HTTP to another host than loopback without <see cref="ApiClientOptions.AllowInsecureHttp"/>.</exception>
    public HttpRequestMessage CreateRequest(HttpMethod method, string server, string relativeUrl) => _requests.Create(method, server, relativeUrl);

    /// <summary>
    /// Creates a request for a next-page link: an absolute address (or one relative to <paramref name="relativeTo"/>) of
    /// the same origin (scheme, host and port) as the base address, so that the client's credentials never go elsewhere.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="link">The link as the API gave it.</param>
    /// <param name="relativeTo">The address of the response that gave it.</param>
    /// <param name="operation">The operation being walked, named in the exception.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ApiException">The link is not a URI or points to another origin.</exception>
    public HttpRequestMessage CreateLinkRequest(HttpMethod method, string link, Uri relativeTo, ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(relativeTo);
        ArgumentNullException.ThrowIfNull(operation);
        Uri baseAddress = _requests.BaseAddress;
        if (!Uri.TryCreate(relativeTo, link, out Uri? target) || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
        {
            throw new ApiException($"{operation.OperationId}: the next-page link is not an http(s) URI.", 0);
        }

        if (Uri.Compare(target, baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new ApiException($"{operation.OperationId}: the next-page link points to another origin ({target.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)}); it is not followed, so that the client's credentials do not go there.", 0);
        }

        return new ApiRequestMessage(method, target);
    }

    /// <summary>Sends a request for one page of a list and reads its JSON body and its <c>Link</c> header.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to, with the success body's metadata.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the body.</param>
    /// <returns>The body, the next-page link of the <c>Link</c> header, and the request's address.</returns>
    public Task<ApiPage<TResult>> SendForPageAsync<TResult>(HttpRequestMessage request, ApiOperation<TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Send(request, operation, new PageResponseReader<TResult>(operation.Reader), cancellationToken);
    }

    // Generated code calls the cookie encoding here; it lives with the other parameter encodings (CookieHeader).

    /// <summary>Adds a cookie to the request's <c>Cookie</c> header.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The formatted value; it is percent-escaped.</param>
    public static void AddCookie(HttpRequestMessage request, string name, string value) => CookieHeader.Add(request, name, value);

    /// <summary>
    /// Applies a call's <see cref="ApiRequestOptions"/> to its request: the extra headers (replacing those of the same
    /// name; content headers go on the body), the idempotency key, and the call's timeout and retries, which the
    /// pipeline reads from the request.
    /// </summary>
    /// <param name="request">The request the generated code built.</param>
    /// <param name="options">The caller's options, or null.</param>
    public static void ApplyRequestOptions(HttpRequestMessage request, ApiRequestOptions? options)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options is null)
        {
            return;
        }

        foreach (KeyValuePair<string, string> header in options.Headers)
        {
            SetHeader(request, header.Key, header.Value);
        }

        if (options.IdempotencyKey is { } key)
        {
            SetHeader(request, RetryPolicy.IdempotencyKeyHeader, key);
        }

        if (options.Timeout is not null || options.MaxRetries is not null || options.StreamIdleTimeout is not null)
        {
            CallOverrides.Set(request, new CallOverrides(options.Timeout, options.MaxRetries, options.StreamIdleTimeout));
        }
    }

    private static void SetHeader(HttpRequestMessage request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (CallOverrides.IsContentHeader(name))
        {
            if (request.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }

            return;
        }

        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    /// <summary>Sends a request whose success response has no body the caller needs.</summary>
    /// <param name="request">The request, which this method disposes. Its content must be buffered (as
    /// <see cref="ApiContent.Json{T}(T, JsonTypeInfo{T})"/> makes it) for the call to be retried.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ApiException">The API answered with an error status or the response could not be used;
    /// <see cref="ApiTimeoutException"/> and <see cref="ApiConnectionException"/> for timeouts and connection failures.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public Task SendAsync(HttpRequestMessage request, ApiOperation operation, CancellationToken cancellationToken) =>
        Send(request, operation, EmptyResponseReader.Instance, cancellationToken);

    /// <summary>Sends a request and reads its JSON success body.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to, with the success body's metadata.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the body.</param>
    /// <returns>The deserialized success body.</returns>
    /// <exception cref="ApiException">The API answered with an error status or the response could not be used;
    /// <see cref="ApiTimeoutException"/> and <see cref="ApiConnectionException"/> for timeouts and connection failures.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public Task<TResult> SendAsync<TResult>(HttpRequestMessage request, ApiOperation<TResult> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Reader(operation, static o => o.Reader, out ResponseReader<TResult>? reader) is { } failure
            ? Task.FromException<TResult>(failure)
            : Send(request, operation, reader!, cancellationToken);
    }

    /// <summary>Sends a request whose success body is a file (any non-JSON media type) and hands it over as a stream.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="accept">The media type to ask for, e.g. <c>application/octet-stream</c>.</param>
    /// <param name="cancellationToken">Cancels the call until the response headers have arrived.</param>
    /// <returns>The body, not buffered; the caller disposes it, which releases the connection.</returns>
    /// <exception cref="ApiException">The API answered with an error status; <see cref="ApiTimeoutException"/> and
    /// <see cref="ApiConnectionException"/> for timeouts and connection failures.</exception>
    public Task<ApiFile> SendForFileAsync(HttpRequestMessage request, ApiOperation operation, string accept, CancellationToken cancellationToken) =>
        Send(request, operation, new FileResponseReader(accept), cancellationToken);

    /// <summary>Sends a request whose success body is text (e.g. <c>text/plain</c>) and reads it whole.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the body.</param>
    /// <returns>The body, decoded with the charset the response declares (UTF-8 by default).</returns>
    /// <exception cref="ApiException">The API answered with an error status or the body is over
    /// <see cref="ApiClientOptions.MaxResponseBodyBytes"/>.</exception>
    public Task<string> SendForTextAsync(HttpRequestMessage request, ApiOperation operation, CancellationToken cancellationToken) =>
        Send(request, operation, TextResponseReader.Instance, cancellationToken);

    /// <summary>
    /// Sends a request whose JSON success body may be the JSON value <c>null</c> (a response declared without a
    /// schema, or with a nullable one), and reads it.
    /// </summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to, with the success body's metadata.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the body.</param>
    /// <returns>The deserialized success body, or null for a <c>null</c> body.</returns>
    /// <exception cref="ApiException">The API answered with an error status or the response could not be used.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public Task<TResult?> SendForNullableAsync<TResult>(HttpRequestMessage request, ApiOperation<TResult> operation, CancellationToken cancellationToken)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Reader<ApiOperation<TResult>, TResult?>(operation, static o => o.NullableReader!, out ResponseReader<TResult?>? reader) is { } failure
            ? Task.FromException<TResult?>(failure)
            : Send(request, operation, reader!, cancellationToken);
    }

    /// <inheritdoc cref="SendForNullableAsync{TResult}(HttpRequestMessage, ApiOperation{TResult}, CancellationToken)"/>
    public Task<TResult?> SendForNullableAsync<TResult>(HttpRequestMessage request, ApiOperation<TResult?> operation, CancellationToken cancellationToken)
        where TResult : struct
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Reader(operation, static o => o.NullableReader, out ResponseReader<TResult?>? reader) is { } failure
            ? Task.FromException<TResult?>(failure)
            : Send(request, operation, reader!, cancellationToken);
    }

    // The raw front ends: the same calls as above, returning the status code and the headers with the body. The reader
    // is the plain call's, wrapped; everything else (sending, retries, errors) is the one path every call takes.

    /// <summary>Like <see cref="SendAsync(HttpRequestMessage, ApiOperation, CancellationToken)"/>, returning the status code and the headers.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="createResponse">Makes the generated response type from the status code and the headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What <paramref name="createResponse"/> made.</returns>
    /// <exception cref="ApiException">As for the plain call.</exception>
    public Task<TResponse> SendAsync<TResponse>(HttpRequestMessage request, ApiOperation operation, Func<int, ApiResponseHeaders, TResponse> createResponse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createResponse);
        return Send(request, operation, Raw(EmptyResponseReader.Instance, (status, _, headers) => createResponse(status, headers)), cancellationToken);
    }

    /// <summary>Like <see cref="SendAsync{TResult}(HttpRequestMessage, ApiOperation{TResult}, CancellationToken)"/>, returning the status code and the headers with the body.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to, with the success body's metadata.</param>
    /// <param name="createResponse">Makes the generated response type from the status code, the body and the headers.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the body.</param>
    /// <returns>What <paramref name="createResponse"/> made.</returns>
    /// <exception cref="ApiException">As for the plain call.</exception>
    public Task<TResponse> SendAsync<TResult, TResponse>(HttpRequestMessage request, ApiOperation<TResult> operation, Func<int, TResult, ApiResponseHeaders, TResponse> createResponse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(createResponse);
        return Reader(operation, static o => o.Reader, out ResponseReader<TResult>? reader) is { } failure
            ? Task.FromException<TResponse>(failure)
            : Send(request, operation, Raw(reader!, createResponse), cancellationToken);
    }

    /// <summary>Like <see cref="SendForNullableAsync{TResult}(HttpRequestMessage, ApiOperation{TResult}, CancellationToken)"/>, returning the status code and the headers with the body.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to, with the success body's metadata.</param>
    /// <param name="createResponse">Makes the generated response type from the status code, the body (null for a declared no-body status) and the headers.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the body.</param>
    /// <returns>What <paramref name="createResponse"/> made.</returns>
    /// <exception cref="ApiException">As for the plain call.</exception>
    public Task<TResponse> SendForNullableAsync<TResult, TResponse>(HttpRequestMessage request, ApiOperation<TResult> operation,
        Func<int, TResult?, ApiResponseHeaders, TResponse> createResponse, CancellationToken cancellationToken)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(createResponse);
        return Reader<ApiOperation<TResult>, TResult?>(operation, static o => o.NullableReader!, out ResponseReader<TResult?>? reader) is { } failure
            ? Task.FromException<TResponse>(failure)
            : Send(request, operation, Raw(reader!, createResponse), cancellationToken);
    }

    /// <inheritdoc cref="SendForNullableAsync{TResult, TResponse}(HttpRequestMessage, ApiOperation{TResult}, Func{int, TResult, ApiResponseHeaders, TResponse}, CancellationToken)"/>
    public Task<TResponse> SendForNullableAsync<TResult, TResponse>(HttpRequestMessage request, ApiOperation<TResult?> operation,
        Func<int, TResult?, ApiResponseHeaders, TResponse> createResponse, CancellationToken cancellationToken)
        where TResult : struct
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(createResponse);
        return Reader(operation, static o => o.NullableReader, out ResponseReader<TResult?>? reader) is { } failure
            ? Task.FromException<TResponse>(failure)
            : Send(request, operation, Raw(reader!, createResponse), cancellationToken);
    }

    /// <summary>Like <see cref="SendForFileAsync(HttpRequestMessage, ApiOperation, string, CancellationToken)"/>, returning the status code and the headers with the file.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="accept">The media type to ask for, e.g. <c>application/octet-stream</c>.</param>
    /// <param name="createResponse">Makes the generated response type from the status code, the file and the headers.</param>
    /// <param name="cancellationToken">Cancels the call until the response headers have arrived.</param>
    /// <returns>What <paramref name="createResponse"/> made; the caller disposes the file.</returns>
    /// <exception cref="ApiException">As for the plain call.</exception>
    public Task<TResponse> SendForFileAsync<TResponse>(HttpRequestMessage request, ApiOperation operation, string accept,
        Func<int, ApiFile, ApiResponseHeaders, TResponse> createResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createResponse);
        return Send(request, operation, Raw(new FileResponseReader(accept), createResponse), cancellationToken);
    }

    /// <summary>Like <see cref="SendForTextAsync(HttpRequestMessage, ApiOperation, CancellationToken)"/>, returning the status code and the headers with the text.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="createResponse">Makes the generated response type from the status code, the text and the headers.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the body.</param>
    /// <returns>What <paramref name="createResponse"/> made.</returns>
    /// <exception cref="ApiException">As for the plain call.</exception>
    public Task<TResponse> SendForTextAsync<TResponse>(HttpRequestMessage request, ApiOperation operation,
        Func<int, string, ApiResponseHeaders, TResponse> createResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createResponse);
        return Send(request, operation, Raw(TextResponseReader.Instance, createResponse), cancellationToken);
    }

    /// <summary>
    /// Sends a request whose success body is a stream of server-sent events (<c>text/event-stream</c>) and yields each
    /// event's data, parsed as JSON, as it arrives. Nothing is sent until the enumeration starts. The per-attempt
    /// timeout and the retries cover the wait for the response headers only: the stream may last as long as the
    /// server sends it, and a stream that breaks is not retried. <see cref="ApiClientOptions.StreamIdleTimeout"/>
    /// bounds the wait for the next bytes, and an event longer than <see cref="ApiClientOptions.MaxResponseBodyBytes"/>
    /// (its field lines) is refused.
    /// </summary>
    /// <param name="request">The request, which is disposed when the enumeration ends.</param>
    /// <param name="operation">The operation it belongs to, with the metadata of each event's data.</param>
    /// <param name="cancellationToken">Stops the stream (as does the token given to the enumerator) and releases the connection.</param>
    /// <returns>The data of each event, in order.</returns>
    /// <exception cref="ApiException">The API answered with an error status, an event's data is not the documented
    /// JSON or an event is too long, the connection broke (<see cref="ApiConnectionException"/>), or the stream was
    /// idle too long (<see cref="ApiTimeoutException"/>).</exception>
    public async IAsyncEnumerable<TResult> StreamEventsAsync<TResult>(HttpRequestMessage request, ApiOperation<TResult> operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (SseItem<TResult> item in StreamEventItemsAsync(request, operation, cancellationToken).ConfigureAwait(false))
        {
            yield return item.Data;
        }
    }

    /// <summary>
    /// Like <see cref="StreamEventsAsync{TResult}"/>, but yields each whole event: its data, its type (<c>message</c>
    /// when the server names none) and its id.
    /// </summary>
    /// <param name="request">The request, which is disposed when the enumeration ends.</param>
    /// <param name="operation">The operation it belongs to, with the metadata of each event's data.</param>
    /// <param name="cancellationToken">Stops the stream and releases the connection.</param>
    /// <returns>Each event, in order.</returns>
    /// <exception cref="ApiException">As for <see cref="StreamEventsAsync{TResult}"/>.</exception>
    public async IAsyncEnumerable<SseItem<TResult>> StreamEventItemsAsync<TResult>(HttpRequestMessage request, ApiOperation<TResult> operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        JsonTypeInfo<TResult> itemType = operation.ResultType;
        TimeSpan idle = StreamIdleTimeout(request);
        StreamedResponse streamed = await Send(request, operation, new StreamResponseReader(EventStream), cancellationToken).ConfigureAwait(false);
        await foreach (SseItem<TResult> item in StreamItems.ReadEventsAsync(streamed, (data, s) => StreamItems.ParseJson(data, itemType, s), idle, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>Like <see cref="StreamEventsAsync{TResult}"/> for events whose data is text (the document gives no schema).</summary>
    /// <param name="request">The request, which is disposed when the enumeration ends.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="cancellationToken">Stops the stream and releases the connection.</param>
    /// <returns>The data of each event (UTF-8), in order.</returns>
    /// <exception cref="ApiException">The API answered with an error status, or the connection broke.</exception>
    public async IAsyncEnumerable<string> StreamTextEventsAsync(HttpRequestMessage request, ApiOperation operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (SseItem<string> item in StreamTextEventItemsAsync(request, operation, cancellationToken).ConfigureAwait(false))
        {
            yield return item.Data;
        }
    }

    /// <summary>Like <see cref="StreamEventItemsAsync{TResult}"/> for events whose data is text.</summary>
    /// <param name="request">The request, which is disposed when the enumeration ends.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="cancellationToken">Stops the stream and releases the connection.</param>
    /// <returns>Each event, in order.</returns>
    /// <exception cref="ApiException">The API answered with an error status, or the connection broke.</exception>
    public async IAsyncEnumerable<SseItem<string>> StreamTextEventItemsAsync(HttpRequestMessage request, ApiOperation operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TimeSpan idle = StreamIdleTimeout(request);
        StreamedResponse streamed = await Send(request, operation, new StreamResponseReader(EventStream), cancellationToken).ConfigureAwait(false);
        await foreach (SseItem<string> item in StreamItems.ReadEventsAsync(streamed, static (data, _) => Encoding.UTF8.GetString(data), idle, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>
    /// Sends a request whose success body is JSON lines (<c>application/x-ndjson</c>, <c>application/jsonl</c>, or
    /// <c>application/json-seq</c> records) and yields each value as its line arrives, with flat memory; blank lines
    /// are skipped and a line longer than <see cref="ApiClientOptions.MaxResponseBodyBytes"/> is refused. Timeouts,
    /// retries and cancellation as for <see cref="StreamEventsAsync{TResult}"/>.
    /// </summary>
    /// <param name="request">The request, which is disposed when the enumeration ends.</param>
    /// <param name="operation">The operation it belongs to, with the metadata of each value.</param>
    /// <param name="cancellationToken">Stops the stream and releases the connection.</param>
    /// <returns>Each value, in order.</returns>
    /// <exception cref="ApiException">The API answered with an error status, a line is not the documented JSON or is
    /// too long, or the connection broke (<see cref="ApiConnectionException"/>).</exception>
    public async IAsyncEnumerable<TResult> StreamJsonLinesAsync<TResult>(HttpRequestMessage request, ApiOperation<TResult> operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        JsonTypeInfo<TResult> itemType = operation.ResultType;
        TimeSpan idle = StreamIdleTimeout(request);
        StreamedResponse streamed = await Send(request, operation, new StreamResponseReader(JsonLines), cancellationToken).ConfigureAwait(false);
        await foreach (TResult item in StreamItems.ReadLinesAsync(streamed, itemType, idle, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    // The call's own idle limit (ApiRequestOptions.StreamIdleTimeout), else the client's.
    private TimeSpan StreamIdleTimeout(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallOverrides.Of(request)?.StreamIdleTimeout ?? _streamIdleTimeout;
    }

    /// <summary>Disposes the HTTP client if the connection created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private static RawResponseReader<TResult, TResponse> Raw<TResult, TResponse>(ResponseReader<TResult> body, Func<int, TResult, ApiResponseHeaders, TResponse> create) =>
        new(body, create);

    // The descriptor makes its metadata on first use: a failure there fails this operation's calls, as a faulted task
    // like every other failure, and never the static initializer that holds the group's descriptors.
    private static InvalidOperationException? Reader<TOperation, TResult>(TOperation operation, Func<TOperation, ResponseReader<TResult>> get, out ResponseReader<TResult>? reader)
    {
        try
        {
            reader = get(operation);
            return null;
        }
        catch (InvalidOperationException failure)
        {
            reader = null;
            return failure;
        }
    }

    // Each public front end above names one kind of success response for generated code; the reader is all that differs.
    private Task<TResult> Send<TResult>(HttpRequestMessage request, ApiOperation operation, ResponseReader<TResult> reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        return _calls.SendAsync(request, operation, reader, cancellationToken);
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// The one HTTP path every generated operation takes: it builds the request (base address, credentials, user agent),
/// sends it with <see cref="HttpCompletionOption.ResponseHeadersRead"/> under a per-attempt timeout and an overall
/// deadline, retries what is safe to retry, reads a JSON success body through the generated metadata within a size
/// limit, and turns everything else into an <see cref="ApiException"/>. Each call is an <see cref="Activity"/> of the
/// client's <see cref="ActivitySource"/>. See docs/runtime.md.
/// </summary>
/// <remarks>Generated clients create one connection each; application code does not need to use this type.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiConnection : IDisposable
{
    /// <summary>The <see cref="ActivitySource"/> name used when the generated code names no client.</summary>
    public const string DefaultClientName = "AutoSend.Runtime";

    private const string IdempotencyKeyHeader = "Idempotency-Key";

    // Streamed bodies keep this much of their start for error messages (or less, if MaxErrorBodyBytes is smaller).
    private const int StreamedExcerptBytes = 4096;

    private static readonly string[] s_requestIdHeaders = ["X-Request-Id", "Request-Id", "X-Correlation-Id"];

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly string _baseAddress;
    private readonly ApiAuthentication? _authentication;
    private readonly string _userAgent;
    private readonly int _maxErrorBodyBytes;
    private readonly long _maxResponseBodyBytes;
    private readonly int _maxRetries;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _totalTimeout;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _maxRetryDelay;
    private readonly Func<CancellationToken, ValueTask<IDisposable?>>? _rateLimiter;
    private readonly ApiTelemetry _telemetry;

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
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(defaultUserAgent);
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        _baseAddress = ResolveBaseAddress(options.BaseAddress ?? httpClient?.BaseAddress ?? defaultBaseAddress, options.AllowInsecureHttp);
        _authentication = authentication;
        _userAgent = options.UserAgent ?? defaultUserAgent;
        _maxErrorBodyBytes = options.MaxErrorBodyBytes;
        _maxResponseBodyBytes = options.MaxResponseBodyBytes;
        _maxRetries = options.MaxRetries;
        _timeout = options.Timeout;
        _totalTimeout = options.TotalTimeout;
        _retryDelay = options.RetryDelay;
        _maxRetryDelay = options.MaxRetryDelay;
        _rateLimiter = options.RateLimiter;
        _telemetry = new ApiTelemetry(clientName, options.Log);
        _ownsHttpClient = httpClient is null;
        _httpClient = httpClient ?? CreateHttpClient();
    }

    /// <summary>The absolute base address requests are resolved against; it always ends with a slash.</summary>
    public Uri BaseAddress => new(_baseAddress);

    /// <summary>The client's name: the name of its <see cref="ActivitySource"/>.</summary>
    public string ClientName => _telemetry.ClientName;

    /// <summary>Creates a request for a path relative to the base address, with credentials and user agent applied.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUrl">The escaped path and query, without a leading slash.</param>
    /// <returns>The request; <see cref="SendAsync(HttpRequestMessage, ApiOperation, CancellationToken)"/> disposes it.</returns>
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativeUrl)
    {
        // The user agent and the credentials are added to each attempt when it is sent.
        return new HttpRequestMessage(method, new Uri(_baseAddress + relativeUrl, UriKind.Absolute));
    }

    /// <summary>Adds a cookie to the request's <c>Cookie</c> header.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The cookie name.</param>
    /// <param name="value">The formatted value; it is percent-escaped.</param>
    public static void AddCookie(HttpRequestMessage request, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        string pair = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        if (request.Headers.TryGetValues("Cookie", out var existing))
        {
            pair = string.Join("; ", existing) + "; " + pair;
            request.Headers.Remove("Cookie");
        }

        request.Headers.TryAddWithoutValidation("Cookie", pair);
    }

    /// <summary>Sends a request whose success response has no body the caller needs.</summary>
    /// <param name="request">The request, which this method disposes. Its content must be buffered (as
    /// <see cref="ApiContent.Json"/> makes it) for the call to be retried.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ApiException">The API answered with an error status or the response could not be used;
    /// <see cref="ApiTimeoutException"/> and <see cref="ApiConnectionException"/> for timeouts and connection failures.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public Task SendAsync(HttpRequestMessage request, ApiOperation operation, CancellationToken cancellationToken) =>
        ExecuteAsync<object?>(request, operation, null, cancellationToken);

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
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return ExecuteAsync(request, operation, operation.Reader, cancellationToken);
    }

    /// <summary>Sends a request whose success body is a file (any non-JSON media type) and hands it over as a stream.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="accept">The media type to ask for, e.g. <c>application/octet-stream</c>.</param>
    /// <param name="cancellationToken">Cancels the call until the response headers have arrived.</param>
    /// <returns>The body, not buffered; the caller disposes it, which releases the connection.</returns>
    /// <exception cref="ApiException">The API answered with an error status; <see cref="ApiTimeoutException"/> and
    /// <see cref="ApiConnectionException"/> for timeouts and connection failures.</exception>
    public Task<ApiFile> SendForFileAsync(HttpRequestMessage request, ApiOperation operation, string accept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return ExecuteAsync(request, operation, ResponseReader.File, cancellationToken);
    }

    /// <summary>Sends a request whose success body is text (e.g. <c>text/plain</c>) and reads it whole.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the body.</param>
    /// <returns>The body, decoded with the charset the response declares (UTF-8 by default).</returns>
    /// <exception cref="ApiException">The API answered with an error status or the body is over
    /// <see cref="ApiClientOptions.MaxResponseBodyBytes"/>.</exception>
    public Task<string> SendForTextAsync(HttpRequestMessage request, ApiOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        request.Headers.TryAddWithoutValidation("Accept", "text/plain");
        return ExecuteAsync(request, operation, ResponseReader.Text, cancellationToken);
    }

    /// <summary>Disposes the HTTP client if the connection created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    // The attempt loop: each attempt sends a fresh copy of the request (when it can be repeated), and a failure is
    // retried only if it is safe for this operation and the wait fits within MaxRetryDelay and the deadline.
    private async Task<TResult> ExecuteAsync<TResult>(HttpRequestMessage request, ApiOperation operation, ResponseReader<TResult>? reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operation);
        long start = Stopwatch.GetTimestamp();
        using Activity? activity = _telemetry.Start(operation, request.RequestUri);
        using var call = new CallState(operation, cancellationToken, start, _totalTimeout, _timeout);
        bool repeatable = _maxRetries > 0 && IsReplayable(request.Content);
        bool idempotent = operation.IsIdempotent || request.Headers.Contains(IdempotencyKeyHeader);

        // The first attempt sends the request itself; a retry sends a copy made from the request as it was before
        // the first attempt, since handlers may have added headers (such as traceparent) to the message they sent.
        if (repeatable)
        {
            call.Remember(request);
        }

        int attempt = 0;
        try
        {
            while (true)
            {
                attempt++;
                TimeSpan delay;
                HttpRequestMessage message = attempt == 1 ? request : call.CreateRetryMessage(request.Content);
                try
                {
                    (TResult result, HttpStatusCode status) = await AttemptAsync(message, call, reader, attempt).ConfigureAwait(false);
                    _telemetry.Succeeded(activity, operation, attempt, status, start);
                    return result;
                }
                catch (ApiException failure) when (repeatable && attempt <= _maxRetries && ShouldRetry(failure, idempotent, start, attempt, out delay))
                {
                    _telemetry.Retrying(activity, operation, attempt, failure, delay, start);
                }
                finally
                {
                    if (!ReferenceEquals(message, request))
                    {
                        // The content belongs to the original request and serves the next attempt too.
                        message.Content = null;
                        message.Dispose();
                    }
                }

                try
                {
                    await Task.Delay(delay, call.DeadlineToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException canceled)
                {
                    Exception mapped = call.MapCancellation(canceled, null, 0, null, attempt);
                    if (ReferenceEquals(mapped, canceled))
                    {
                        throw;
                    }

                    throw mapped;
                }
            }
        }
        catch (Exception failure)
        {
            _telemetry.Failed(activity, operation, attempt, failure, failure is OperationCanceledException && cancellationToken.IsCancellationRequested, start);
            throw;
        }
        finally
        {
            request.Dispose();
        }
    }

    private async ValueTask<(TResult Result, HttpStatusCode Status)> AttemptAsync<TResult>(HttpRequestMessage message, CallState call, ResponseReader<TResult>? reader, int attempt)
    {
        IDisposable? lease = null;
        CancellationTokenSource? attemptTimeout = null;
        HttpResponseMessage? response = null;
        try
        {
            if (_rateLimiter is not null)
            {
                lease = await _rateLimiter(call.DeadlineToken).ConfigureAwait(false);
            }

            // One timer per attempt: it fires at the attempt's timeout or at the call's deadline, whichever is sooner.
            attemptTimeout = call.StartAttempt();
            CancellationToken token = attemptTimeout?.Token ?? call.CallerToken;

            // The user agent and credentials go on each attempt: a token provider may hand out a fresh token for a retry.
            message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            if (_authentication is not null && call.Operation.IsAuthenticated)
            {
                await _authentication.ApplyAsync(message, token).ConfigureAwait(false);
            }

            try
            {
                response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                throw new ApiConnectionException(call.Operation, !NotSent(exception), 0, null, default, false, attempt, exception);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await CreateExceptionAsync(response, call.Operation, attempt, token).ConfigureAwait(false);
            }

            HttpStatusCode status = response.StatusCode;
            // Without a reader (no body wanted) TResult is object and the result null.
            TResult result = reader is null ? default! : await reader.ReadAsync(this, response, call.Operation, attempt, token).ConfigureAwait(false);
            if (reader is { OwnsResponse: true })
            {
                // The result (a streamed file) disposes the response when the caller is done with it.
                response = null;
            }

            return (result, status);
        }
        catch (OperationCanceledException canceled)
        {
            Exception mapped = call.MapCancellation(canceled, attemptTimeout, response?.StatusCode ?? 0, response is null ? null : FindRequestId(response), attempt, _httpClient.Timeout);
            if (ReferenceEquals(mapped, canceled))
            {
                throw;
            }

            throw mapped;
        }
        finally
        {
            response?.Dispose();
            attemptTimeout?.Dispose();
            lease?.Dispose();
        }
    }

    private bool ShouldRetry(ApiException failure, bool idempotent, long start, int attempt, out TimeSpan delay)
    {
        delay = default;
        bool retryable = failure switch
        {
            ApiTimeoutException timeout => !timeout.IsTotalTimeout && idempotent,
            ApiConnectionException connection => !connection.RequestSent || idempotent,
            _ => (int)failure.StatusCode switch
            {
                429 => true,
                502 or 503 or 504 => idempotent,
                _ => false,
            },
        };
        if (!retryable)
        {
            return false;
        }

        if (failure.RetryAfter is TimeSpan hint)
        {
            if (hint > _maxRetryDelay)
            {
                return false;
            }

            // A little spread, so that clients told the same time do not all come back at once.
            delay = hint + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(hint.TotalMilliseconds * 0.1, 1000));
        }
        else
        {
            double ceiling = Math.Min(_retryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1), _maxRetryDelay.TotalMilliseconds);
            delay = TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
        }

        return _totalTimeout == Timeout.InfiniteTimeSpan || Stopwatch.GetElapsedTime(start) + delay < _totalTimeout;
    }

    internal async ValueTask<TResult> ReadJsonAsync<TResult>(HttpResponseMessage response, ApiOperation operation, JsonTypeInfo<TResult> resultType, int attempt, CancellationToken cancellationToken)
    {
        HttpContent content = response.Content;
        string? mediaType = content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJson(mediaType))
        {
            throw await CreateExceptionAsync(response, operation, attempt, cancellationToken).ConfigureAwait(false);
        }

        long? length = content.Headers.ContentLength;
        if (length > _maxResponseBodyBytes)
        {
            throw TooLarge(response, operation, attempt, $"declares {length} bytes", default, false);
        }

        TResult? result;
        if (length <= _maxErrorBodyBytes)
        {
            // Small and of known size: read it whole into a pooled buffer, so that an error can quote all of it.
            byte[] rented = ArrayPool<byte>.Shared.Rent((int)length.Value);
            try
            {
                CappedBody body = await ReadCappedAsync(content, (int)length.Value, cancellationToken, rented).ConfigureAwait(false);
                if (body.Failure is not null)
                {
                    throw new ApiConnectionException(operation, true, response.StatusCode, FindRequestId(response), body.Bytes.ToArray(), true, attempt, body.Failure);
                }

                try
                {
                    result = JsonSerializer.Deserialize(body.Bytes.Span, resultType);
                }
                catch (JsonException exception)
                {
                    throw InvalidBody(response, operation, attempt, exception, body.Bytes.ToArray(), false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        else
        {
            var stream = new ApiResponseStream(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _maxResponseBodyBytes,
                Math.Min(_maxErrorBodyBytes, StreamedExcerptBytes));
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    result = await JsonSerializer.DeserializeAsync(stream, resultType, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException exception)
                {
                    throw InvalidBody(response, operation, attempt, exception, stream.Excerpt, stream.IsExcerptTruncated);
                }
                catch (ResponseTooLargeException)
                {
                    throw TooLarge(response, operation, attempt, "is longer", stream.Excerpt, true);
                }
                catch (Exception exception) when (exception is IOException or HttpRequestException)
                {
                    throw new ApiConnectionException(operation, true, response.StatusCode, FindRequestId(response), stream.Excerpt, true, attempt, exception);
                }
            }
        }

        return result ?? throw new ApiException(operation, response.StatusCode,
            $"{ApiException.Describe(operation)} returned HTTP {(int)response.StatusCode} with a null body where a {typeof(TResult).Name} was expected.",
            FindRequestId(response), null, default, false, attempt);
    }

    internal async ValueTask<string> ReadTextAsync(HttpResponseMessage response, ApiOperation operation, int attempt, CancellationToken cancellationToken)
    {
        long? length = response.Content.Headers.ContentLength;
        if (length > _maxResponseBodyBytes)
        {
            throw TooLarge(response, operation, attempt, $"declares {length} bytes", default, false);
        }

        CappedBody body = await ReadCappedAsync(response.Content, (int)Math.Min(_maxResponseBodyBytes, int.MaxValue), cancellationToken).ConfigureAwait(false);
        if (body.Failure is not null)
        {
            throw new ApiConnectionException(operation, true, response.StatusCode, FindRequestId(response), body.Bytes, true, attempt, body.Failure);
        }

        if (body.IsTruncated)
        {
            throw TooLarge(response, operation, attempt, "is longer", body.Bytes[..Math.Min(body.Bytes.Length, StreamedExcerptBytes)], true);
        }

        Encoding encoding = response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset && TryGetEncoding(charset, out Encoding? declared) ? declared : Encoding.UTF8;
        return encoding.GetString(body.Bytes.Span);
    }

    private static bool TryGetEncoding(string charset, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Encoding? encoding)
    {
        try
        {
            encoding = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            encoding = null;
            return false;
        }
    }

    private ApiException TooLarge(HttpResponseMessage response, ApiOperation operation, int attempt, string size, ReadOnlyMemory<byte> excerpt, bool truncated) =>
        new(operation, response.StatusCode,
            $"{ApiException.Describe(operation)} returned HTTP {(int)response.StatusCode}{ApiException.DescribeAttempts(attempt)}, but its body {size} than the limit of {_maxResponseBodyBytes} bytes (MaxResponseBodyBytes).",
            FindRequestId(response), null, excerpt, truncated, attempt);

    private static ApiException InvalidBody(HttpResponseMessage response, ApiOperation operation, int attempt, JsonException exception, ReadOnlyMemory<byte> excerpt, bool truncated)
    {
        string start = excerpt.IsEmpty ? "the body is empty" : $"the body starts \"{ApiException.Sanitize(Encoding.UTF8.GetString(excerpt.Span), 200)}\"";
        return new ApiException(operation, response.StatusCode,
            $"{ApiException.Describe(operation)} returned HTTP {(int)response.StatusCode}{ApiException.DescribeAttempts(attempt)}, but the body is not the documented JSON: {ApiException.Sanitize(exception.Message, 300)} ({start}).",
            FindRequestId(response), exception, excerpt, truncated, attempt);
    }

    private async Task<ApiException> CreateExceptionAsync(HttpResponseMessage response, ApiOperation operation, int attempt, CancellationToken cancellationToken)
    {
        CappedBody body = await ReadCappedAsync(response.Content, _maxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        bool complete = !body.IsTruncated && body.Failure is null;
        TimeSpan? retryAfter = response.IsSuccessStatusCode ? null : ApiRetryHints.Find(response, operation, body.Bytes, complete);
        var error = new ApiErrorResponse(operation, response.StatusCode, response.ReasonPhrase,
            response.Content.Headers.ContentType?.MediaType, body.Bytes, !complete, FindRequestId(response), attempt, retryAfter);
        ApiErrorType? declared = response.IsSuccessStatusCode ? null : operation.FindError((int)response.StatusCode);
        return declared?.CreateException(error) ?? new ApiException(error);
    }

    // Reads at most maxBytes so that a huge or endless body cannot exhaust memory; the rest is left unread. A
    // connection failure midway returns what was read with the failure, so that the status is not lost.
    private static async ValueTask<CappedBody> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken, byte[]? rented = null)
    {
        long? declaredLength = content.Headers.ContentLength;
        if (declaredLength == 0)
        {
            return default;
        }

        byte[] buffer = rented ?? new byte[(int)Math.Min(maxBytes, declaredLength ?? 4096)];
        int length = 0;
        try
        {
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length == declaredLength)
                        {
                            return new CappedBody(buffer, false, null);
                        }

                        if (buffer.Length == maxBytes)
                        {
                            bool more = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
                            return new CappedBody(buffer, more, null);
                        }

                        Array.Resize(ref buffer, (int)Math.Min(maxBytes, buffer.Length * 2L));
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new CappedBody(buffer.AsMemory(0, length), false, null);
                    }

                    length += read;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return new CappedBody(buffer.AsMemory(0, length), true, exception);
        }
    }

    // Failures that happen before a connection exists: the request cannot have reached the server.
    private static bool NotSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static bool IsReplayable(HttpContent? content) => content is null or ByteArrayContent or ReadOnlyMemoryContent;

    private static string? FindRequestId(HttpResponseMessage response)
    {
        foreach (string name in s_requestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (string value in values)
                {
                    return ApiException.Sanitize(value, 200);
                }
            }
        }

        return null;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static string ResolveBaseAddress(Uri? address, bool allowInsecureHttp)
    {
        if (address is null)
        {
            throw new InvalidOperationException("The client has no base address: set BaseAddress in its options (the OpenAPI document declares no absolute server).");
        }

        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The base address must be an absolute http or https URI; got '{address}'.", nameof(address));
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            throw new ArgumentException("The base address must not have a query or a fragment.", nameof(address));
        }

        if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback && !allowInsecureHttp)
        {
            throw new InvalidOperationException(
                $"The base address {address.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)} is not HTTPS: the API key and the data would cross the network in clear text. "
                + "Use https, or set AllowInsecureHttp in the client options for a trusted network.");
        }

        string text = address.AbsoluteUri;
        return text.EndsWith('/') ? text : text + "/";
    }

    // The connection enforces the timeouts itself (per attempt and per call), so the client has none of its own.
    // Redirects are not followed: a redirect to another host would carry an API key header along. Responses are not
    // decompressed, as with HttpClient's own default: setting AutomaticDecompression at all links gzip and Brotli
    // into every Native AOT program (about 1 MB); a caller who wants it passes an HttpClient that has it.
    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler
        {
            // Re-resolve DNS now and then, as IHttpClientFactory would, since this client lives as long as the API client.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>A body as far as it was read.</summary>
    private readonly record struct CappedBody(ReadOnlyMemory<byte> Bytes, bool IsTruncated, Exception? Failure);

    /// <summary>
    /// What one call shares between its attempts: the caller's token, the deadline and, when the call may be retried,
    /// the request as it was before its first attempt. The deadline needs no timer of
    /// its own on the common path: each attempt's timer fires at the sooner of the attempt's timeout and the deadline,
    /// and a timer for the deadline alone is made only when something waits outside an attempt (the rate limiter, the
    /// pause before a retry).
    /// </summary>
    private sealed class CallState(ApiOperation operation, CancellationToken callerToken, long start, TimeSpan totalTimeout, TimeSpan attemptTimeout)
        : IDisposable
    {
        private CancellationTokenSource? _deadline;
        private bool _attemptEndsAtDeadline;
        private HttpMethod _method = HttpMethod.Get;
        private Uri? _requestUri;
        private Version? _version;
        private HttpVersionPolicy _versionPolicy;
        private KeyValuePair<string, HeaderStringValues>[] _headers = [];

        public ApiOperation Operation => operation;

        public CancellationToken CallerToken => callerToken;

        /// <summary>Canceled by the caller or by <see cref="ApiClientOptions.TotalTimeout"/>.</summary>
        public CancellationToken DeadlineToken
        {
            get
            {
                if (totalTimeout == Timeout.InfiniteTimeSpan)
                {
                    return callerToken;
                }

                if (_deadline is null)
                {
                    _deadline = callerToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(callerToken) : new CancellationTokenSource();
                    _deadline.CancelAfter(Remaining());
                }

                return _deadline.Token;
            }
        }

        /// <summary>The source of the attempt's token, or null when neither a timeout nor a deadline applies.</summary>
        public CancellationTokenSource? StartAttempt()
        {
            TimeSpan limit = attemptTimeout;
            _attemptEndsAtDeadline = false;
            if (totalTimeout != Timeout.InfiniteTimeSpan)
            {
                TimeSpan remaining = Remaining();
                if (limit == Timeout.InfiniteTimeSpan || remaining <= limit)
                {
                    limit = remaining;
                    _attemptEndsAtDeadline = true;
                }
            }

            if (limit == Timeout.InfiniteTimeSpan)
            {
                return null;
            }

            CancellationTokenSource source = callerToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(callerToken) : new CancellationTokenSource();
            source.CancelAfter(limit);
            return source;
        }

        // Tells apart the caller's cancellation (rethrown with the caller's token), the deadline, the attempt's
        // timeout and the HttpClient's own Timeout (the last three become an ApiTimeoutException).
        public Exception MapCancellation(OperationCanceledException canceled, CancellationTokenSource? attempt, HttpStatusCode status,
            string? requestId, int attemptNumber, TimeSpan? httpClientTimeout = null)
        {
            if (callerToken.IsCancellationRequested)
            {
                return canceled.CancellationToken == callerToken ? canceled : new OperationCanceledException(canceled.Message, canceled, callerToken);
            }

            if (_deadline is { IsCancellationRequested: true } || (attempt is { IsCancellationRequested: true } && _attemptEndsAtDeadline))
            {
                return new ApiTimeoutException(operation, totalTimeout, true, status, requestId, attemptNumber, canceled);
            }

            if (attempt is { IsCancellationRequested: true })
            {
                return new ApiTimeoutException(operation, attemptTimeout, false, status, requestId, attemptNumber, canceled);
            }

            if (canceled.InnerException is TimeoutException && httpClientTimeout is { } clientTimeout)
            {
                return new ApiTimeoutException(operation, clientTimeout, false, status, requestId, attemptNumber, canceled);
            }

            return canceled;
        }

        /// <summary>Keeps what a retry needs of the request as it is before its first attempt.</summary>
        public void Remember(HttpRequestMessage request)
        {
            _method = request.Method;
            _requestUri = request.RequestUri;
            _version = request.Version;
            _versionPolicy = request.VersionPolicy;

            // HeaderStringValues are snapshots (a string, or an array made for the enumeration): later changes to the
            // request do not reach them.
            HttpHeadersNonValidated headers = request.Headers.NonValidated;
            _headers = headers.Count == 0 ? [] : new KeyValuePair<string, HeaderStringValues>[headers.Count];
            int i = 0;
            foreach (KeyValuePair<string, HeaderStringValues> header in headers)
            {
                _headers[i++] = header;
            }
        }

        /// <summary>
        /// A message for a retry, as the request was before its first attempt. The content is shared (it is buffered,
        /// or the call is not retried); request options are not carried over, as neither the runtime nor generated
        /// code sets any.
        /// </summary>
        public HttpRequestMessage CreateRetryMessage(HttpContent? content)
        {
            var message = new HttpRequestMessage(_method, _requestUri) { Version = _version!, VersionPolicy = _versionPolicy, Content = content };
            foreach (KeyValuePair<string, HeaderStringValues> header in _headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return message;
        }

        public void Dispose() => _deadline?.Dispose();

        // Never zero or negative: CancelAfter(0) cancels at once, which is what an exhausted deadline should do.
        private TimeSpan Remaining()
        {
            TimeSpan remaining = totalTimeout - Stopwatch.GetElapsedTime(start);
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }
}

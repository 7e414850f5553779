using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime;

/// <summary>
/// The one HTTP path every generated operation takes: it builds the request (base address, credentials, user agent),
/// sends it with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, streams a JSON success body through the
/// generated metadata, and turns anything else into an <see cref="ApiException"/>.
/// </summary>
/// <remarks>Generated clients create one connection each; application code does not need to use this type.</remarks>
public sealed class ApiConnection : IDisposable
{
    private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new("application/json");
    private static readonly string[] s_requestIdHeaders = ["X-Request-Id", "Request-Id", "X-Correlation-Id"];

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly string _baseAddress;
    private readonly ApiAuthentication? _authentication;
    private readonly string _userAgent;
    private readonly int _maxErrorBodyBytes;

    /// <summary>Creates a connection.</summary>
    /// <param name="httpClient">The caller's client, or null to create and own one configured from <paramref name="options"/>.</param>
    /// <param name="options">The client options.</param>
    /// <param name="defaultBaseAddress">The document's first server, used when neither the options nor the caller's client set an address.</param>
    /// <param name="authentication">The credentials to apply to every request, or null.</param>
    /// <param name="defaultUserAgent">The user agent sent when the options set none.</param>
    public ApiConnection(HttpClient? httpClient, ApiClientOptions options, Uri? defaultBaseAddress, ApiAuthentication? authentication, string defaultUserAgent)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(defaultUserAgent);
        _baseAddress = ResolveBaseAddress(options.BaseAddress ?? httpClient?.BaseAddress ?? defaultBaseAddress);
        _authentication = authentication;
        _userAgent = options.UserAgent ?? defaultUserAgent;
        _maxErrorBodyBytes = options.MaxErrorBodyBytes;
        _ownsHttpClient = httpClient is null;
        _httpClient = httpClient ?? CreateHttpClient(options);
    }

    /// <summary>The absolute base address requests are resolved against; it always ends with a slash.</summary>
    public Uri BaseAddress => new(_baseAddress);

    /// <summary>Creates a request for a path relative to the base address, with credentials and user agent applied.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativeUrl">The escaped path and query, without a leading slash.</param>
    /// <returns>The request; <see cref="SendAsync(HttpRequestMessage, ApiOperation, CancellationToken)"/> disposes it.</returns>
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativeUrl)
    {
        var request = new HttpRequestMessage(method, new Uri(_baseAddress + relativeUrl, UriKind.Absolute));
        _authentication?.Apply(request);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        return request;
    }

    /// <summary>Sends a request whose success response has no body the caller needs.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task SendAsync(HttpRequestMessage request, ApiOperation operation, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendCoreAsync(request, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request and reads its JSON success body.</summary>
    /// <param name="request">The request, which this method disposes.</param>
    /// <param name="operation">The operation it belongs to, with the success body's metadata.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the body.</param>
    /// <returns>The deserialized success body.</returns>
    public async Task<TResult> SendAsync<TResult>(HttpRequestMessage request, ApiOperation<TResult> operation, CancellationToken cancellationToken)
    {
        request.Headers.Accept.Add(s_acceptJson);
        using HttpResponseMessage response = await SendCoreAsync(request, operation, cancellationToken).ConfigureAwait(false);
        HttpContent content = response.Content;
        string? mediaType = content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJson(mediaType))
        {
            throw await CreateExceptionAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }

        TResult? result;
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                result = await JsonSerializer.DeserializeAsync(stream, operation.ResultType, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                throw new ApiException(operation, response.StatusCode,
                    $"{operation.OperationId} ({operation.Method.Method} {operation.Route}) returned HTTP {(int)response.StatusCode}, but the body is not a valid {typeof(TResult).Name}: {exception.Message}",
                    FindRequestId(response), exception);
            }
        }

        return result ?? throw new ApiException(operation, response.StatusCode,
            $"{operation.OperationId} ({operation.Method.Method} {operation.Route}) returned HTTP {(int)response.StatusCode} with a null body where a {typeof(TResult).Name} was expected.",
            FindRequestId(response), null);
    }

    /// <summary>Disposes the HTTP client if the connection created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, ApiOperation operation, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        using (request)
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await CreateExceptionAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ApiException> CreateExceptionAsync(HttpResponseMessage response, ApiOperation operation, CancellationToken cancellationToken)
    {
        (byte[] body, int length, bool truncated) = await ReadCappedAsync(response.Content, _maxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
        var error = new ApiErrorResponse(operation, response.StatusCode, response.ReasonPhrase,
            response.Content.Headers.ContentType?.MediaType, body.AsMemory(0, length), truncated, FindRequestId(response));
        ApiErrorType? declared = response.IsSuccessStatusCode ? null : operation.FindError((int)response.StatusCode);
        return declared?.CreateException(error) ?? new ApiException(error);
    }

    // Reads at most maxBytes so that a huge or endless error body cannot exhaust memory; the rest is left unread.
    private static async Task<(byte[] Buffer, int Length, bool Truncated)> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        long? declaredLength = content.Headers.ContentLength;
        var buffer = new byte[(int)Math.Min(maxBytes, declaredLength is > 0 ? declaredLength.Value : 4096)];
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length == maxBytes)
                    {
                        bool more = await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;
                        return (buffer, length, more);
                    }

                    Array.Resize(ref buffer, (int)Math.Min(maxBytes, buffer.Length * 2L));
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length, false);
                }

                length += read;
            }
        }
    }

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

    private static string ResolveBaseAddress(Uri? address)
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

        string text = address.AbsoluteUri;
        return text.EndsWith('/') ? text : text + "/";
    }

    private static HttpClient CreateHttpClient(ApiClientOptions options) =>
        new(new SocketsHttpHandler
        {
            // Re-resolve DNS now and then, as IHttpClientFactory would, since this client lives as long as the API client.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            Timeout = options.Timeout,
        };
}

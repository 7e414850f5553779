using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime;

/// <summary>
/// The OAuth 2.0 client-credentials grant (RFC 6749 §4.4): obtains an access token from a token endpoint with a client
/// id and secret, caches it, and obtains a new one shortly before it expires. One instance serves every call of a
/// client; concurrent calls wait for a single token request.
/// </summary>
/// <remarks>
/// The client authenticates to the token endpoint with HTTP basic authentication (RFC 6749 §2.3.1), the method every
/// server must support. The secret never appears in <see cref="ToString"/>, in an exception or in a log entry.
/// </remarks>
public sealed class OAuth2ClientCredentials
{
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    /// <summary>Describes a client-credentials grant.</summary>
    /// <param name="tokenUrl">The token endpoint; a relative address is resolved against the client's base address.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="scopes">The scopes to ask for; none lets the server choose.</param>
    /// <param name="clock">The clock token lifetimes are measured with; null uses the system clock.</param>
    public OAuth2ClientCredentials(Uri tokenUrl, string clientId, string clientSecret, IEnumerable<string>? scopes = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(tokenUrl);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        TokenUrl = tokenUrl;
        _clientId = clientId;
        _clientSecret = clientSecret;
        Scopes = scopes is null ? [] : [.. scopes];
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The token endpoint as given.</summary>
    public Uri TokenUrl { get; }

    /// <summary>The scopes asked for.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>
    /// How long before its expiry a cached token is replaced: 60 seconds, or a tenth of the token's lifetime when that is
    /// shorter, so that a token is never sent in its last moments.
    /// </summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Forgets the cached token, for example after the API refused it; the next call obtains a new one.</summary>
    public void Invalidate()
    {
        _gate.Wait();
        try
        {
            _token = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Returns a valid access token, from the cache or from the token endpoint.</summary>
    /// <param name="http">Sends the token request.</param>
    /// <param name="baseAddress">Resolves a relative <see cref="TokenUrl"/>.</param>
    /// <param name="allowInsecureHttp">Whether an <c>http://</c> token endpoint on a host other than loopback is allowed.</param>
    /// <param name="cancellationToken">Cancels the token request.</param>
    /// <exception cref="ApiException">The token endpoint refused the client or answered without a token.</exception>
    internal async ValueTask<string> GetTokenAsync(HttpMessageInvoker http, Uri baseAddress, bool allowInsecureHttp, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _token) is { } cached && _clock.GetUtcNow() < _refreshAt)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } fresh && _clock.GetUtcNow() < _refreshAt)
            {
                return fresh;
            }

            (string token, TimeSpan? lifetime) = await RequestAsync(http, Resolve(baseAddress, allowInsecureHttp), cancellationToken).ConfigureAwait(false);
            DateTimeOffset now = _clock.GetUtcNow();
            TimeSpan margin = lifetime is { } span && span / 10 < RefreshMargin ? span / 10 : RefreshMargin;
            _refreshAt = lifetime is { } life ? now + life - margin : DateTimeOffset.MaxValue;
            Volatile.Write(ref _token, token);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Names the grant and its endpoint; never the secret.</summary>
    public override string ToString() =>
        $"OAuth2ClientCredentials {{ TokenUrl = {TokenUrl}, ClientId = {_clientId}, ClientSecret = (redacted), Scopes = [{string.Join(" ", Scopes)}] }}";

    private Uri Resolve(Uri baseAddress, bool allowInsecureHttp)
    {
        Uri url = TokenUrl.IsAbsoluteUri ? TokenUrl : new Uri(baseAddress, TokenUrl);
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || allowInsecureHttp)))
        {
            throw new ApiException($"The OAuth 2 token endpoint {url.GetLeftPart(UriPartial.Path)} is not https: the client secret would cross the network in clear text (set AllowInsecureHttp to allow it).", 0);
        }

        return url;
    }

    private async ValueTask<(string Token, TimeSpan? Lifetime)> RequestAsync(HttpMessageInvoker http, Uri url, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (Scopes.Count > 0)
        {
            form.Add(new("scope", string.Join(" ", Scopes)));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        string credentials = Uri.EscapeDataString(_clientId) + ":" + Uri.EscapeDataString(_clientSecret);
        request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        string where = url.GetLeftPart(UriPartial.Path);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new ApiConnectionException($"The OAuth 2 token endpoint {where} could not be reached: {exception.Message}", requestSent: false, exception);
        }

        using (response)
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            string? error = null, description = null, token = null;
            TimeSpan? lifetime = null;
            try
            {
                using JsonDocument json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    JsonElement root = json.RootElement;
                    token = Text(root, "access_token");
                    error = Text(root, "error");
                    description = Text(root, "error_description");
                    if (root.TryGetProperty("expires_in", out JsonElement expires))
                    {
                        double seconds = expires.ValueKind == JsonValueKind.Number ? expires.GetDouble()
                            : double.TryParse(expires.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) ? parsed : double.NaN;
                        lifetime = seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : null;
                    }
                }
            }
            catch (JsonException)
            {
                // Reported below as an answer without a token.
            }

            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(token))
            {
                string reason = error is null
                    ? (response.IsSuccessStatusCode ? "the answer holds no access_token" : "no OAuth 2 error in the body")
                    : error + (description is null ? string.Empty : ": " + description);
                throw new ApiException($"The OAuth 2 token endpoint {where} answered HTTP {(int)response.StatusCode} ({Errors.ErrorMessages.Sanitize(reason, 300)}); no access token was obtained.",
                    response.IsSuccessStatusCode ? HttpStatusCode.BadGateway : response.StatusCode, error);
            }

            return (token, lifetime);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

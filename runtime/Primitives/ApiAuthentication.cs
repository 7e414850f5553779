using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// How a client authenticates its requests, chosen by the generated code from the document's security schemes. It is
/// applied to every attempt, so a token provider can hand out a fresh token for a retry. Instances hold a secret:
/// their <see cref="ToString"/> names the scheme only.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public abstract class ApiAuthentication
{
    private protected ApiAuthentication()
    {
    }

    /// <summary>
    /// Whether <see cref="ApplyAsync"/> passes its token to code that may keep it after the attempt (a caller's token
    /// provider, an OAuth 2 token request): such an attempt's timer is not reused, so that a later call's cancellation
    /// can never reach what that code still holds. Fixed credentials ignore the token.
    /// </summary>
    internal virtual bool PassesTokenOn => true;

    /// <summary>Sends <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    /// <param name="token">The token; null or empty means no authentication.</param>
    public static ApiAuthentication? Bearer(string? token) =>
        string.IsNullOrEmpty(token) ? null : new HeaderAuthentication("Authorization", "Bearer " + CheckSecret(token));

    /// <summary>
    /// Sends <c>Authorization: Bearer &lt;token&gt;</c> with a token obtained per attempt (OAuth 2, OpenID Connect):
    /// the provider caches and refreshes tokens as it sees fit.
    /// </summary>
    /// <param name="tokenProvider">Returns the current access token; null or empty sends the request without one.</param>
    public static ApiAuthentication Bearer(Func<CancellationToken, ValueTask<string?>> tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        return new TokenAuthentication(tokenProvider);
    }

    /// <summary>Sends <c>Authorization: Basic &lt;base64(user:password)&gt;</c>.</summary>
    /// <param name="userName">The user name; null means no authentication.</param>
    /// <param name="password">The password.</param>
    public static ApiAuthentication? Basic(string? userName, string? password)
    {
        if (userName is null)
        {
            return null;
        }

        string credentials = CheckSecret(userName) + ":" + CheckSecret(password ?? string.Empty);
        return new HeaderAuthentication("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }

    /// <summary>Sends the key in the named request header.</summary>
    /// <param name="headerName">The header name, e.g. <c>X-API-Key</c>.</param>
    /// <param name="key">The key; null or empty means no authentication.</param>
    public static ApiAuthentication? ApiKeyHeader(string headerName, string? key) =>
        string.IsNullOrEmpty(key) ? null : new HeaderAuthentication(headerName, CheckSecret(key));

    /// <summary>
    /// Sends the key as a query parameter. The key is then part of the URL, which proxies and servers may log; the
    /// client itself never puts URLs with their query into messages, logs or traces.
    /// </summary>
    /// <param name="parameterName">The query parameter, e.g. <c>api_key</c>.</param>
    /// <param name="key">The key; null or empty means no authentication.</param>
    public static ApiAuthentication? ApiKeyQuery(string parameterName, string? key) =>
        string.IsNullOrEmpty(key) ? null : new QueryAuthentication(parameterName, CheckSecret(key));

    /// <summary>Sends the key in a cookie.</summary>
    /// <param name="cookieName">The cookie name.</param>
    /// <param name="key">The key; null or empty means no authentication.</param>
    public static ApiAuthentication? ApiKeyCookie(string cookieName, string? key) =>
        string.IsNullOrEmpty(key) ? null : new CookieAuthentication(cookieName, CheckSecret(key));

    /// <summary>
    /// Sends <c>Authorization: Bearer &lt;token&gt;</c> with tokens of the OAuth 2 client-credentials grant, obtained
    /// from its token endpoint through the client's own <see cref="HttpClient"/>, cached and replaced before they expire.
    /// </summary>
    /// <param name="grant">The grant: token endpoint, client id and secret, scopes.</param>
    public static ApiAuthentication OAuth2(OAuth2ClientCredentials grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new ClientCredentialsAuthentication(grant);
    }

    /// <summary>Hands the connection's HTTP client and base address to credentials that make requests of their own.</summary>
    internal virtual void Attach(HttpMessageInvoker http, Uri baseAddress, bool allowInsecureHttp)
    {
    }

    /// <summary>Applies the credentials to one attempt of a request.</summary>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="cancellationToken">Cancels obtaining a token.</param>
    public abstract ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Names the scheme without the secret.</summary>
    public abstract override string ToString();

    // A secret with a line break could smuggle extra headers into a request; it is refused without echoing it.
    private static string CheckSecret(string secret)
    {
        foreach (char c in secret)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("The API credentials contain a control character (such as CR or LF), which is not allowed in an HTTP header.", nameof(secret));
            }
        }

        return secret;
    }

    private sealed class HeaderAuthentication(string headerName, string value) : ApiAuthentication
    {
        internal override bool PassesTokenOn => false;

        public override ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(headerName);
            request.Headers.TryAddWithoutValidation(headerName, value);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => $"{headerName}: (redacted)";
    }

    private sealed class TokenAuthentication(Func<CancellationToken, ValueTask<string?>> provider) : ApiAuthentication
    {
        public override async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? token = await provider(cancellationToken).ConfigureAwait(false);
            request.Headers.Remove("Authorization");
            if (!string.IsNullOrEmpty(token))
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + CheckSecret(token));
            }
        }

        public override string ToString() => "Authorization: Bearer (from a token provider)";
    }

    private sealed class ClientCredentialsAuthentication(OAuth2ClientCredentials grant) : ApiAuthentication
    {
        private HttpMessageInvoker? _http;
        private Uri? _baseAddress;
        private bool _allowInsecureHttp;

        internal override void Attach(HttpMessageInvoker http, Uri baseAddress, bool allowInsecureHttp)
        {
            _http = http;
            _baseAddress = baseAddress;
            _allowInsecureHttp = allowInsecureHttp;
        }

        public override async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpMessageInvoker http = _http ?? throw new InvalidOperationException("The OAuth 2 credentials are not attached to a client.");
            string token = await grant.GetTokenAsync(http, _baseAddress!, _allowInsecureHttp, cancellationToken).ConfigureAwait(false);
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + CheckSecret(token));
        }

        public override string ToString() => "Authorization: Bearer (OAuth 2 client credentials from " + grant.TokenUrl + ")";
    }

    private sealed class QueryAuthentication(string name, string key) : ApiAuthentication
    {
        internal override bool PassesTokenOn => false;

        public override ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string uri = request.RequestUri!.AbsoluteUri;
            string pair = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(key);
            if (!uri.Contains(pair, StringComparison.Ordinal))
            {
                request.RequestUri = new Uri(uri + (request.RequestUri.Query.Length > 0 ? "&" : "?") + pair, UriKind.Absolute);
            }

            return ValueTask.CompletedTask;
        }

        public override string ToString() => $"query {name}=(redacted)";
    }

    private sealed class CookieAuthentication(string name, string key) : ApiAuthentication
    {
        internal override bool PassesTokenOn => false;

        public override ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            CookieHeader.Add(request, name, key);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => $"cookie {name}=(redacted)";
    }
}

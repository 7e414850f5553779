using System;
using System.Collections.Concurrent;
using System.Net.Http;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// Makes each call's request from a path relative to the base address, or to the operation's own server, checking
/// every address once: absolute http(s), no query or fragment, and no clear-text <c>http://</c> to a host other than
/// loopback unless allowed. The base address is checked when the client is built, an operation's server on its first call.
/// </summary>
internal sealed class RequestFactory
{
    private readonly string _baseAddress;
    private readonly bool _allowInsecureHttp;
    private readonly ApiServers? _servers;
    private readonly bool _ignoreOperationServers;

    // Each operation server's checked address, by template: resolved on first use, then reused by every call.
    private readonly ConcurrentDictionary<string, string> _serverAddresses = new(StringComparer.Ordinal);

    /// <exception cref="InvalidOperationException">There is no base address, or it is <c>http://</c> for a host other than loopback and insecure HTTP is not allowed.</exception>
    /// <exception cref="ArgumentException">The base address is not an absolute http(s) URI, or has a query or a fragment.</exception>
    public RequestFactory(Uri? baseAddress, bool allowInsecureHttp, ApiServers? servers = null, bool ignoreOperationServers = false)
    {
        if (baseAddress is null)
        {
            throw new InvalidOperationException("The client has no base address: set BaseAddress in its options (the OpenAPI document declares no absolute server).");
        }

        _baseAddress = Check(baseAddress, allowInsecureHttp, "base address");
        _allowInsecureHttp = allowInsecureHttp;
        _servers = servers;
        _ignoreOperationServers = ignoreOperationServers;
    }

    /// <summary>The absolute base address; it always ends with a slash.</summary>
    public Uri BaseAddress => new(_baseAddress);

    /// <summary>A request for <paramref name="relativeUrl"/> (escaped path and query, no leading slash).</summary>
    public HttpRequestMessage Create(HttpMethod method, string relativeUrl) =>
        // Accept, the user agent and the credentials are added when the request is sent.
        new ApiRequestMessage(method, new Uri(_baseAddress + relativeUrl, UriKind.Absolute));

    /// <summary>
    /// A request for <paramref name="relativeUrl"/> on the operation's own <paramref name="server"/> (a template of the
    /// document, absolute or relative to the base address), or on the base address when operation servers are ignored.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server's address is not usable (see the class remarks).</exception>
    public HttpRequestMessage Create(HttpMethod method, string server, string relativeUrl) =>
        _ignoreOperationServers
            ? Create(method, relativeUrl)
            : new ApiRequestMessage(method, new Uri(_serverAddresses.GetOrAdd(server, ServerAddress) + relativeUrl, UriKind.Absolute));

    private string ServerAddress(string server)
    {
        string url = _servers?.Resolve(server) ?? server;
        // "/v2" is a file path to Uri on Unix: a server is absolute only when it names a scheme.
        Uri? address = null;
        if (!(url.Contains("://", StringComparison.Ordinal) ? Uri.TryCreate(url, UriKind.Absolute, out address) : Uri.TryCreate(new Uri(_baseAddress), url, out address)))
        {
            throw new InvalidOperationException($"The operation's server '{server}' is not a URI.");
        }

        try
        {
            return Check(address, _allowInsecureHttp, "operation's server");
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException(exception.Message, exception);
        }
    }

    private static string Check(Uri address, bool allowInsecureHttp, string what)
    {
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The {what} must be an absolute http or https URI; got '{address}'.", nameof(address));
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            throw new ArgumentException($"The {what} must not have a query or a fragment.", nameof(address));
        }

        if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback && !allowInsecureHttp)
        {
            throw new InvalidOperationException(
                $"The {what} {address.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)} is not HTTPS: the API key and the data would cross the network in clear text. "
                + "Use https, or set AllowInsecureHttp in the client options for a trusted network.");
        }

        string text = address.AbsoluteUri;
        return text.EndsWith('/') ? text : text + "/";
    }
}

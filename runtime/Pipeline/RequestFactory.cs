using System;
using System.Net.Http;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// Makes each call's request from a path relative to the base address, which it checks once, when the client is built:
/// absolute http(s), no query or fragment, and no clear-text <c>http://</c> to a host other than loopback unless allowed.
/// </summary>
internal sealed class RequestFactory
{
    private readonly string _baseAddress;

    /// <exception cref="InvalidOperationException">There is no base address, or it is <c>http://</c> for a host other than loopback and insecure HTTP is not allowed.</exception>
    /// <exception cref="ArgumentException">The base address is not an absolute http(s) URI, or has a query or a fragment.</exception>
    public RequestFactory(Uri? baseAddress, bool allowInsecureHttp) => _baseAddress = Resolve(baseAddress, allowInsecureHttp);

    /// <summary>The absolute base address; it always ends with a slash.</summary>
    public Uri BaseAddress => new(_baseAddress);

    /// <summary>A request for <paramref name="relativeUrl"/> (escaped path and query, no leading slash).</summary>
    public HttpRequestMessage Create(HttpMethod method, string relativeUrl) =>
        // Accept, the user agent and the credentials are added when the request is sent.
        new(method, new Uri(_baseAddress + relativeUrl, UriKind.Absolute));

    private static string Resolve(Uri? address, bool allowInsecureHttp)
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
}

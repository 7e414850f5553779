using System;
using System.Net.Http;
using System.Text;

namespace AutoSend.Runtime;

/// <summary>
/// How a client authenticates its requests, chosen by the generated code from the document's security schemes.
/// Instances hold a secret: their <see cref="ToString"/> names the scheme only.
/// </summary>
public abstract class ApiAuthentication
{
    private protected ApiAuthentication()
    {
    }

    /// <summary>Sends <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    /// <param name="token">The token; null or empty means no authentication.</param>
    public static ApiAuthentication? Bearer(string? token) =>
        string.IsNullOrEmpty(token) ? null : new HeaderAuthentication("Authorization", "Bearer " + CheckSecret(token));

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

    /// <summary>Applies the credentials to a request.</summary>
    /// <param name="request">The request about to be sent.</param>
    public abstract void Apply(HttpRequestMessage request);

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
        public override void Apply(HttpRequestMessage request) =>
            request.Headers.TryAddWithoutValidation(headerName, value);

        public override string ToString() => $"{headerName}: (redacted)";
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// The credentials a client has for each of its document's security schemes, and which of them a request gets: the
/// first alternative of the operation's requirement (else the document's) whose schemes all have credentials, every
/// scheme of it applied. An anonymous alternative (<c>{}</c>) is taken only when no other one can be; an operation that
/// declares <c>security: []</c> gets no credentials.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiSecurity
{
    private readonly Dictionary<string, ApiAuthentication> _schemes = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string>[] _default;

    /// <summary>Creates the credentials of a client.</summary>
    /// <param name="defaultRequirement">The document's requirement: alternatives, each a set of scheme names applied together (an empty set is anonymous access).</param>
    public ApiSecurity(params string[][] defaultRequirement)
    {
        ArgumentNullException.ThrowIfNull(defaultRequirement);
        _default = Array.ConvertAll(defaultRequirement, a => (IReadOnlyList<string>)(string[])a.Clone());
    }

    /// <summary>Adds the credentials of a scheme; null (nothing configured) is ignored.</summary>
    /// <param name="scheme">The scheme's name in the document.</param>
    /// <param name="authentication">Its credentials, or null.</param>
    /// <returns>This instance, for chaining.</returns>
    public ApiSecurity Add(string scheme, ApiAuthentication? authentication)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (authentication is not null)
        {
            _schemes[scheme] = authentication;
            PassesTokenOn |= authentication.PassesTokenOn;
        }

        return this;
    }

    /// <summary>Whether credentials are configured for the scheme.</summary>
    /// <param name="scheme">The scheme's name in the document.</param>
    /// <returns>True when <see cref="Add"/> gave it credentials.</returns>
    public bool Has(string scheme) => _schemes.ContainsKey(scheme);

    /// <summary>Whether some credentials hand an attempt's token to code that may keep it (see <see cref="ApiAuthentication"/>).</summary>
    internal bool PassesTokenOn { get; private set; }

    /// <summary>Hands the connection to schemes that send requests of their own (an OAuth 2 token endpoint).</summary>
    internal void Attach(HttpMessageInvoker http, Uri baseAddress, bool allowInsecureHttp)
    {
        foreach (ApiAuthentication authentication in _schemes.Values)
        {
            authentication.Attach(http, baseAddress, allowInsecureHttp);
        }
    }

    /// <summary>Applies the chosen credentials to one attempt.</summary>
    internal async ValueTask ApplyAsync(HttpRequestMessage request, ApiOperation operation, CancellationToken cancellationToken)
    {
        if (!operation.IsAuthenticated)
        {
            return;
        }

        IReadOnlyList<IReadOnlyList<string>> requirement = operation.Security ?? _default;
        foreach (IReadOnlyList<string> alternative in requirement)
        {
            if (alternative.Count == 0 || !AllConfigured(alternative))
            {
                continue;
            }

            foreach (string scheme in alternative)
            {
                await _schemes[scheme].ApplyAsync(request, cancellationToken).ConfigureAwait(false);
            }

            return;
        }
    }

    private bool AllConfigured(IReadOnlyList<string> schemes)
    {
        foreach (string scheme in schemes)
        {
            if (!_schemes.ContainsKey(scheme))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Names the schemes that have credentials, never the credentials.</summary>
    public override string ToString() => "ApiSecurity { " + string.Join(", ", _schemes.Keys) + " }";
}

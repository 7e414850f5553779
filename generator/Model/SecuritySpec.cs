using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>How a request authenticates.</summary>
internal enum SecuritySchemeKind
{
    /// <summary>HTTP bearer, OAuth 2 and OpenID Connect: a token, fixed or from a provider.</summary>
    Bearer,
    Basic,
    ApiKeyHeader,
    ApiKeyQuery,
    ApiKeyCookie,
}

/// <summary>One security scheme the client can apply, with the options properties that configure it.</summary>
/// <param name="Key">The scheme's name in the document (<c>components/securitySchemes</c>), how operations name it.</param>
/// <param name="Kind">What the scheme does to a request.</param>
/// <param name="ParameterName">The header, query or cookie name for API-key schemes.</param>
/// <param name="Description">The scheme's description from the document.</param>
/// <param name="IsPrimary">The document's first scheme: configured by the options' <c>ApiKey</c> and
/// <c>AccessTokenProvider</c> (basic: <c>UserName</c>/<c>Password</c>), as every client has always been.</param>
/// <param name="Secret">The options property holding the key or token of a non-primary scheme.</param>
/// <param name="TokenProvider">The options property holding a token provider (non-primary bearer schemes).</param>
/// <param name="UserName">The options property holding the user name (basic).</param>
/// <param name="Password">The options property holding the password (basic).</param>
/// <param name="ClientCredentials">The OAuth 2 client-credentials flow of the scheme, if it declares one.</param>
internal sealed record SecuritySchemeSpec(
    string Key,
    SecuritySchemeKind Kind,
    string? ParameterName,
    string? Description,
    bool IsPrimary,
    string? Secret,
    string? TokenProvider,
    string? UserName,
    string? Password,
    ClientCredentialsSpec? ClientCredentials);

/// <summary>An OAuth 2 client-credentials flow: where tokens come from and the options that hold the client's identity.</summary>
/// <param name="TokenUrl">The token endpoint, absolute or relative to the base address.</param>
/// <param name="Scopes">The scopes the document's requirements ask of this scheme, asked for by default.</param>
/// <param name="ClientId">The options property holding the client id.</param>
/// <param name="ClientSecret">The options property holding the client secret.</param>
/// <param name="ScopesProperty">The options property that overrides the scopes.</param>
internal sealed record ClientCredentialsSpec(string TokenUrl, EquatableArray<string> Scopes, string ClientId, string ClientSecret, string ScopesProperty);

/// <summary>One alternative of a security requirement: every scheme in it is applied together.</summary>
/// <param name="Schemes">The scheme keys; empty for the anonymous alternative <c>{}</c>.</param>
internal sealed record SecurityRequirementSpec(EquatableArray<string> Schemes);

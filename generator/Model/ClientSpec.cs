using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>Everything the emitters need to write the client for one OpenAPI document.</summary>
/// <param name="Namespace">The C# namespace every generated type goes into.</param>
/// <param name="ClientName">The client class, e.g. <c>AutoSendClient</c>.</param>
/// <param name="OptionsName">The options class, e.g. <c>AutoSendClientOptions</c>.</param>
/// <param name="JsonContextName">The JSON metadata context, e.g. <c>AutoSendJsonContext</c>.</param>
/// <param name="RateLimiterExtensionsName">The options' rate-limiter extensions, e.g. <c>AutoSendClientOptionsRateLimiterExtensions</c>.</param>
/// <param name="Title">The document's <c>info.title</c>.</param>
/// <param name="Description">The document's <c>info.description</c>.</param>
/// <param name="DefaultBaseAddress">The first absolute server URL, with a trailing slash, if any.</param>
/// <param name="Security">The security schemes the client can apply, in the document's order of preference.</param>
/// <param name="Types">Every model, enum and union the document declares or uses inline.</param>
/// <param name="Groups">Operations grouped by tag.</param>
/// <param name="JsonTypes">Every type the JSON context must describe.</param>
internal sealed record ClientSpec(
    string Namespace,
    string ClientName,
    string OptionsName,
    string JsonContextName,
    string RateLimiterExtensionsName,
    string Title,
    string? Description,
    string? DefaultBaseAddress,
    EquatableArray<SecuritySchemeSpec> Security,
    EquatableArray<TypeDeclarationSpec> Types,
    EquatableArray<OperationGroupSpec> Groups,
    EquatableArray<JsonTypeSpec> JsonTypes);

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

/// <summary>One security scheme the client supports.</summary>
/// <param name="Kind">What the scheme does to a request.</param>
/// <param name="ParameterName">The header, query or cookie name for API-key schemes.</param>
/// <param name="Description">The scheme's description from the document.</param>
internal sealed record SecuritySchemeSpec(SecuritySchemeKind Kind, string? ParameterName, string? Description);

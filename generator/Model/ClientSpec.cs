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
/// <param name="Security">The security schemes the client can apply, the document's first (primary) one first.</param>
/// <param name="DefaultSecurity">The document's requirement: what an operation without its own <c>security</c> sends.</param>
/// <param name="Types">Every model, enum and union the document declares or uses inline.</param>
/// <param name="Groups">Operations grouped by tag.</param>
/// <param name="JsonTypes">Every type the JSON context must describe.</param>
/// <param name="SharedHeaders">Headers that are also options of the client (README, "Shared headers").</param>
/// <param name="InterfaceName">The client's interface, e.g. <c>IAutoSendClient</c>.</param>
/// <param name="Response">The raw response type with the declared response headers, if the document declares any.</param>
/// <param name="Webhooks">The document's webhooks (OpenAPI 3.1), if it has any.</param>
/// <param name="BaseAddressTemplate">The document's first server when it has variables (<see cref="DefaultBaseAddress"/> is it with their defaults), else null.</param>
/// <param name="ServerVariables">The variables of the servers the client uses (the document's first, and those of paths and operations).</param>
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
    EquatableArray<SecurityRequirementSpec> DefaultSecurity,
    EquatableArray<TypeDeclarationSpec> Types,
    EquatableArray<OperationGroupSpec> Groups,
    EquatableArray<JsonTypeSpec> JsonTypes,
    EquatableArray<SharedHeaderSpec> SharedHeaders,
    string InterfaceName,
    ResponseTypeSpec? Response,
    WebhooksSpec? Webhooks = null,
    string? BaseAddressTemplate = null,
    EquatableArray<ServerVariableSpec> ServerVariables = default);

/// <summary>A header (nearly) every operation declares, also a property of the client's options.</summary>
/// <param name="PropertyName">The options property, e.g. <c>ProjectId</c>.</param>
/// <param name="WireName">The header name as the document first spells it, e.g. <c>x-project-id</c>.</param>
/// <param name="Schema">The schema every counted declaration shares (a string, with its format).</param>
/// <param name="Description">The first declaration's description.</param>
internal sealed record SharedHeaderSpec(string PropertyName, string WireName, string Schema, string? Description);

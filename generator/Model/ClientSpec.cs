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
/// <param name="Webhooks">The document's webhooks (OpenAPI 3.1), if it has any.</param>
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
    WebhooksSpec? Webhooks = null);

using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>The operations of one tag, generated as one class reached from a client property.</summary>
/// <param name="PropertyName">The client property, e.g. <c>Campaigns</c>; empty for the untagged operations on the client itself.</param>
/// <param name="TypeName">The group class, e.g. <c>CampaignsClient</c>; empty for the untagged operations.</param>
/// <param name="Description">The tag's description.</param>
/// <param name="Operations">The operations in document order.</param>
/// <param name="InterfaceName">The group's interface, e.g. <c>ICampaignsClient</c>; empty for the untagged operations (the client's interface has them).</param>
/// <param name="RawTypeName">The <c>WithRawResponse</c> class, nested in the group's class (or the client's), e.g. <c>RawResponseClient</c>.</param>
/// <param name="RawInterfaceName">Its interface, e.g. <c>ICampaignsRawResponseClient</c>.</param>
internal sealed record OperationGroupSpec(
    string PropertyName,
    string TypeName,
    string? Description,
    EquatableArray<OperationSpec> Operations,
    string InterfaceName,
    string RawTypeName,
    string RawInterfaceName);

/// <summary>One HTTP operation, generated as one async method (and more for pages and file variants).</summary>
/// <param name="OperationId">The operation id (given or derived), used in messages and telemetry.</param>
/// <param name="MethodName">The C# method name, ending in <c>Async</c>.</param>
/// <param name="RequestBuilderName">The private method that builds the request, e.g. <c>BuildCreateRequest</c> for <c>CreateAsync</c>.</param>
/// <param name="HttpMethod">The HTTP method in upper case.</param>
/// <param name="Path">The path template relative to the server, without a leading slash.</param>
/// <param name="PathParts">The path template cut into literal text and path parameters, in order.</param>
/// <param name="Summary">The operation summary.</param>
/// <param name="Description">The operation description.</param>
/// <param name="Deprecated">Whether the operation is deprecated.</param>
/// <param name="Authenticated">False when the operation declares <c>security: []</c>: no credentials are sent.</param>
/// <param name="Security">The operation's own requirement when it differs from the document's (alternatives of schemes applied together), else null.</param>
/// <param name="Idempotent">Whether repeating the call is safe whatever the method says (an idempotency key is required).</param>
/// <param name="Parameters">Every path, query, header and cookie parameter, in the order their values are written into the request.</param>
/// <param name="Body">The request body, if any.</param>
/// <param name="Signature">The method's parameters in call order: the one place that order is decided (see <c>Parsing/MethodSignature.cs</c>).</param>
/// <param name="Success">What a successful call returns.</param>
/// <param name="FileVariant">A second success media type that is a file, offered by its own method.</param>
/// <param name="Errors">Every declared error response with a JSON body type.</param>
/// <param name="RetryAfterPointers">JSON pointers into error bodies that hold seconds to wait (<c>x-retry-after</c>).</param>
/// <param name="Pagination">How to walk all pages (<c>x-pagination</c>), if the operation is paginated.</param>
/// <param name="Server">The operation's own server as the document writes it (its first, the operation's before the path's), when it differs from the document's; else null.</param>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string RequestBuilderName,
    string HttpMethod,
    string Path,
    EquatableArray<PathPart> PathParts,
    string? Summary,
    string? Description,
    bool Deprecated,
    bool Authenticated,
    EquatableArray<SecurityRequirementSpec>? Security,
    bool Idempotent,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    EquatableArray<SignatureParameter> Signature,
    ResponseSpec Success,
    FileVariantSpec? FileVariant,
    EquatableArray<ErrorResponseSpec> Errors,
    EquatableArray<string> RetryAfterPointers,
    PaginationSpec? Pagination,
    string? Server = null);

/// <summary>A piece of a path template: literal text, or the path parameter that fills a <c>{name}</c>.</summary>
/// <param name="Text">The literal text; empty for a parameter.</param>
/// <param name="Parameter">The path parameter, or null for literal text.</param>
internal sealed record PathPart(string Text, ParameterSpec? Parameter);

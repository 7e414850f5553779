using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>The operations of one tag, generated as one class reached from a client property.</summary>
/// <param name="PropertyName">The client property, e.g. <c>Campaigns</c>.</param>
/// <param name="TypeName">The group class, e.g. <c>CampaignsClient</c>.</param>
/// <param name="Description">The tag's description.</param>
/// <param name="Operations">The operations in document order.</param>
internal sealed record OperationGroupSpec(
    string PropertyName,
    string TypeName,
    string? Description,
    EquatableArray<OperationSpec> Operations);

/// <summary>One HTTP operation, generated as one async method.</summary>
/// <param name="OperationId">The operation id (given or derived), used in messages and telemetry.</param>
/// <param name="MethodName">The C# method name, ending in <c>Async</c>.</param>
/// <param name="HttpMethod">The HTTP method in upper case.</param>
/// <param name="Path">The path template relative to the server, without a leading slash.</param>
/// <param name="Summary">The operation summary.</param>
/// <param name="Description">The operation description.</param>
/// <param name="Deprecated">Whether the operation is deprecated.</param>
/// <param name="Parameters">Path, query and header parameters, required ones first.</param>
/// <param name="Body">The JSON request body, if any.</param>
/// <param name="Success">The success response.</param>
/// <param name="Errors">Every declared error response with a body type.</param>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    SuccessResponseSpec Success,
    EquatableArray<ErrorResponseSpec> Errors);

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>One operation parameter, generated as a method parameter.</summary>
/// <param name="Name">The C# parameter name (camelCase, escaped if a keyword).</param>
/// <param name="WireName">The name in the path template, query string or header.</param>
/// <param name="Location">Where the value goes.</param>
/// <param name="Type">The parameter type.</param>
/// <param name="IsRequired">Whether the caller must pass a value.</param>
/// <param name="Description">Documentation from the parameter.</param>
/// <param name="Deprecated">Whether the parameter is deprecated.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    bool Deprecated);

/// <summary>A JSON request body, generated as a method parameter.</summary>
/// <param name="Name">The C# parameter name.</param>
/// <param name="Type">The body type.</param>
/// <param name="IsRequired">Whether the body must be sent.</param>
/// <param name="Description">Documentation from the request body.</param>
internal sealed record RequestBodySpec(string Name, TypeRef Type, bool IsRequired, string? Description);

/// <summary>What a successful call returns.</summary>
/// <param name="Type">The JSON body type, or null when the response has no body the client reads.</param>
/// <param name="Description">The response description.</param>
internal sealed record SuccessResponseSpec(TypeRef? Type, string? Description);

/// <summary>A declared error response.</summary>
/// <param name="Status">The status key: a code (<c>404</c>), a range (<c>4XX</c>) or <c>default</c>.</param>
/// <param name="Type">The JSON error body type.</param>
/// <param name="Description">The response description.</param>
internal sealed record ErrorResponseSpec(string Status, TypeRef Type, string? Description);

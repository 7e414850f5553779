using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>The operations of one tag, generated as one class reached from a client property.</summary>
/// <param name="PropertyName">The client property, e.g. <c>Campaigns</c>; empty for the untagged operations on the client itself.</param>
/// <param name="TypeName">The group class, e.g. <c>CampaignsClient</c>.</param>
/// <param name="Description">The tag's description.</param>
/// <param name="Operations">The operations in document order.</param>
internal sealed record OperationGroupSpec(
    string PropertyName,
    string TypeName,
    string? Description,
    EquatableArray<OperationSpec> Operations);

/// <summary>One HTTP operation, generated as one async method (and more for pages and file variants).</summary>
/// <param name="OperationId">The operation id (given or derived), used in messages and telemetry.</param>
/// <param name="MethodName">The C# method name, ending in <c>Async</c>.</param>
/// <param name="HttpMethod">The HTTP method in upper case.</param>
/// <param name="Path">The path template relative to the server, without a leading slash.</param>
/// <param name="Summary">The operation summary.</param>
/// <param name="Description">The operation description.</param>
/// <param name="Deprecated">Whether the operation is deprecated.</param>
/// <param name="Authenticated">False when the operation declares <c>security: []</c>: no credentials are sent.</param>
/// <param name="Idempotent">Whether repeating the call is safe whatever the method says (an idempotency key is required).</param>
/// <param name="Parameters">Every method parameter but the body, in method order: path, required, optional.</param>
/// <param name="Body">The request body, if any.</param>
/// <param name="Success">What a successful call returns.</param>
/// <param name="FileVariant">A second success media type that is a file, offered by its own method.</param>
/// <param name="Errors">Every declared error response with a JSON body type.</param>
/// <param name="RetryAfterPointers">JSON pointers into error bodies that hold seconds to wait (<c>x-retry-after</c>).</param>
/// <param name="Pagination">How to walk all pages (<c>x-pagination</c>), if the operation is paginated.</param>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    bool Authenticated,
    bool Idempotent,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    ResponseSpec Success,
    FileVariantSpec? FileVariant,
    EquatableArray<ErrorResponseSpec> Errors,
    EquatableArray<string> RetryAfterPointers,
    PaginationSpec? Pagination);

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,

    /// <summary>A field of a <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c> body.</summary>
    FormField,
}

/// <summary>How a parameter value is serialized (OpenAPI <c>style</c>).</summary>
internal enum ParameterStyle
{
    Simple,
    Form,
    Label,
    Matrix,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// <summary>One operation parameter, generated as a method parameter.</summary>
/// <param name="Name">The C# parameter name (camelCase, escaped if a keyword).</param>
/// <param name="WireName">The name in the path template, query string, header, cookie or form.</param>
/// <param name="Location">Where the value goes.</param>
/// <param name="Type">The parameter type.</param>
/// <param name="IsRequired">Whether the caller must pass a value.</param>
/// <param name="Description">Documentation from the parameter.</param>
/// <param name="Deprecated">Whether the parameter is deprecated.</param>
/// <param name="Style">How the value is serialized.</param>
/// <param name="Explode">Whether arrays and objects are exploded into several name/value pairs.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    bool Deprecated,
    ParameterStyle Style,
    bool Explode);

/// <summary>How a request body is encoded.</summary>
internal enum BodyKind
{
    Json,
    Multipart,
    FormUrlEncoded,
    Binary,
    Text,
}

/// <summary>A request body.</summary>
/// <param name="Kind">The encoding.</param>
/// <param name="MediaType">The media type sent in <c>Content-Type</c>.</param>
/// <param name="Name">The C# parameter of a JSON, binary or text body (form bodies use their fields instead).</param>
/// <param name="Type">The body type for JSON, binary and text bodies.</param>
/// <param name="IsRequired">Whether the body must be sent.</param>
/// <param name="Description">Documentation from the request body.</param>
/// <param name="Fields">The fields of a form body, each a method parameter.</param>
internal sealed record RequestBodySpec(
    BodyKind Kind,
    string MediaType,
    string Name,
    TypeRef? Type,
    bool IsRequired,
    string? Description,
    EquatableArray<ParameterSpec> Fields);

/// <summary>What a success response carries.</summary>
internal enum ResponseKind
{
    None,
    Json,
    File,
    Text,
}

/// <summary>A success response.</summary>
/// <param name="Kind">What the body is.</param>
/// <param name="Type">The JSON body type.</param>
/// <param name="MediaType">The media type to ask for (files).</param>
/// <param name="Description">The response description.</param>
internal sealed record ResponseSpec(ResponseKind Kind, TypeRef? Type, string? MediaType, string? Description);

/// <summary>The file form of a response that can also be JSON: a second method asks for the file's media type.</summary>
/// <param name="MethodName">The method, e.g. <c>DownloadAttachmentFileAsync</c>.</param>
/// <param name="MediaType">The media type to ask for in <c>Accept</c>.</param>
internal sealed record FileVariantSpec(string MethodName, string MediaType);

/// <summary>A declared error response.</summary>
/// <param name="Status">The status key: a code (<c>404</c>), a range (<c>4XX</c>) or <c>default</c>.</param>
/// <param name="Type">The JSON error body type.</param>
/// <param name="Description">The response description.</param>
internal sealed record ErrorResponseSpec(string Status, TypeRef Type, string? Description);

/// <summary>How a paginated operation walks all pages, from the <c>x-pagination</c> extension.</summary>
/// <param name="MethodName">The <c>IAsyncEnumerable</c> method, e.g. <c>ListAllAsync</c>.</param>
/// <param name="PageName">The page parameter (C# name), or the body property when <paramref name="InBody"/>.</param>
/// <param name="InBody">Whether the page number travels in the JSON body.</param>
/// <param name="ItemsPath">The C# properties from the response to the items list.</param>
/// <param name="ItemType">The item type.</param>
/// <param name="ItemIsNullable">Whether items may be null.</param>
/// <param name="TotalPagesPath">The C# properties from the response to the page count, if the response has one.</param>
internal sealed record PaginationSpec(
    string MethodName,
    string PageName,
    bool InBody,
    EquatableArray<PathStep> ItemsPath,
    TypeRef ItemType,
    bool ItemIsNullable,
    EquatableArray<PathStep> TotalPagesPath);

/// <summary>One property on the way from a response to a value.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="IsNullable">Whether the property may hold null (so the next step needs <c>?.</c>).</param>
/// <param name="IsValueType">Whether the property's type is a value type.</param>
internal sealed record PathStep(string Name, bool IsNullable, bool IsValueType);

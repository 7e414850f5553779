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
/// <param name="AllowReserved">Whether a query value keeps RFC 3986 reserved characters unescaped (<c>allowReserved</c>).</param>
/// <param name="PartContentType">A multipart field's content type from the body's <c>encoding</c>.</param>
/// <param name="PartHeaders">A multipart field's headers from the body's <c>encoding</c>, with the values the document gives.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    bool Deprecated,
    ParameterStyle Style,
    bool Explode,
    bool AllowReserved = false,
    string? PartContentType = null,
    EquatableArray<PartHeaderSpec> PartHeaders = default);

/// <summary>A header of a multipart part, declared in the body's <c>encoding</c> with a value (its schema's default or single enum value).</summary>
/// <param name="Name">The header name.</param>
/// <param name="Value">The value sent.</param>
internal sealed record PartHeaderSpec(string Name, string Value);

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

    /// <summary>Server-sent events (<c>text/event-stream</c>): each event's data is JSON of <see cref="ResponseSpec.Type"/>, or text without a type.</summary>
    EventStream,

    /// <summary>JSON lines (<c>application/x-ndjson</c>, <c>application/jsonl</c>, <c>application/json-seq</c>): one value of <see cref="ResponseSpec.Type"/> per line.</summary>
    JsonLines,
}

/// <summary>A success response.</summary>
/// <param name="Kind">What the body is.</param>
/// <param name="Type">The JSON body type (of each item, for streams).</param>
/// <param name="MediaType">The media type to ask for (files).</param>
/// <param name="Description">The response description.</param>
/// <param name="IsNullable">Whether a JSON body may be the value <c>null</c> (no schema, or a nullable one).</param>
/// <param name="Accept">
/// The <c>Accept</c> header: the media types the operation's responses declare, the chosen one first; null when it
/// is the response kind's default (<c>application/json</c>, <c>text/plain</c>).
/// </param>
internal sealed record ResponseSpec(ResponseKind Kind, TypeRef? Type, string? MediaType, string? Description, bool IsNullable = false, string? Accept = null);

/// <summary>The file form of a response that can also be JSON: a second method asks for the file's media type.</summary>
/// <param name="MethodName">The method, e.g. <c>DownloadAttachmentFileAsync</c>.</param>
/// <param name="MediaType">The media type to ask for in <c>Accept</c>.</param>
internal sealed record FileVariantSpec(string MethodName, string MediaType);

/// <summary>Names the method of a request body's other media type (<c>CreateNoteTextAsync</c> for <c>text/plain</c>).</summary>
internal static class BodyVariantNames
{
    /// <summary>The word a media type adds to a method name: the subtype without <c>x-</c>, a suffix or parameters.</summary>
    public static string Word(string mediaType)
    {
        string type = mediaType.Split(';')[0].Trim();
        string subtype = type.Substring(type.IndexOf('/') + 1);
        if (type.StartsWith("text/plain", System.StringComparison.OrdinalIgnoreCase))
        {
            return "Text";
        }

        int plus = subtype.LastIndexOf('+');
        subtype = plus > 0 ? subtype.Substring(plus + 1) : subtype;
        return subtype.StartsWith("x-", System.StringComparison.OrdinalIgnoreCase) ? subtype.Substring(2) : subtype;
    }
}

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

namespace AutoSend.Gen.Model;

/// <summary>What a success response carries; Emitting/ResponseKinds.cs says how each kind is returned.</summary>
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
/// <param name="IsNullable">
/// Whether the JSON result may be null: the body may be the value <c>null</c> (no schema, or a nullable one), or the
/// operation also declares a success without a body (a 204 beside a 200), which is returned as null.
/// </param>
/// <param name="Accept">
/// The <c>Accept</c> header: the media types the operation's responses declare, the chosen one first; null when it
/// is the response kind's default (<c>application/json</c>, <c>text/plain</c>...).
/// </param>
internal sealed record ResponseSpec(ResponseKind Kind, TypeRef? Type, string? MediaType, string? Description, bool IsNullable = false, string? Accept = null);

/// <summary>The file form of a response that can also be JSON: a second method asks for the file's media type.</summary>
/// <param name="MethodName">The method, e.g. <c>DownloadAttachmentFileAsync</c>.</param>
/// <param name="MediaType">The media type to ask for in <c>Accept</c>.</param>
internal sealed record FileVariantSpec(string MethodName, string MediaType);

/// <summary>A declared error response.</summary>
/// <param name="Status">The status key: a code (<c>404</c>), a range (<c>4XX</c>) or <c>default</c>.</param>
/// <param name="Type">The JSON error body type.</param>
/// <param name="Description">The response description.</param>
internal sealed record ErrorResponseSpec(string Status, TypeRef Type, string? Description);

using System;
using System.Net.Http.Headers;
using AutoSend.Gen.Model;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// The media-type rules of the generator, in one place: which content is JSON, text, a form or bytes, for request
/// bodies and for responses. A content key is parsed as a media type (<c>type/subtype; parameters</c>), never cut
/// with string operations. JSON is <c>application/json</c>, any <c>*/json</c> and any <c>+json</c> suffix; JSON
/// Lines (<c>application/x-ndjson</c>, <c>application/jsonl</c>) is not JSON.
/// </summary>
internal static class MediaTypes
{
    /// <summary>The media type without its parameters, as written; the trimmed text when it is not a media type.</summary>
    public static string WithoutParameters(string contentKey) =>
        MediaTypeHeaderValue.TryParse(contentKey, out MediaTypeHeaderValue? parsed) && parsed.MediaType is { } mediaType ? mediaType : contentKey.Trim();

    /// <summary>How a request body of this media type is sent.</summary>
    public static BodyKind BodyKindOf(string contentKey)
    {
        (string type, string subtype) = Parse(contentKey);
        return (type, subtype) switch
        {
            ("multipart", _) => BodyKind.Multipart,
            ("application", "x-www-form-urlencoded") => BodyKind.FormUrlEncoded,
            _ when IsJson(subtype) => BodyKind.Json,
            ("text", _) => BodyKind.Text,
            _ => BodyKind.Binary,
        };
    }

    /// <summary>How a success response of this media type is read; <paramref name="schema"/> may say bytes (<c>format: binary</c>).</summary>
    public static ResponseKind ResponseKindOf(string contentKey, IOpenApiSchema? schema)
    {
        (string type, string subtype) = Parse(contentKey);
        return (type, subtype) switch
        {
            // Anything: JSON unless the schema says bytes.
            ("*", "*") => IsBinary(schema) ? ResponseKind.File : ResponseKind.Json,
            _ when IsJson(subtype) => ResponseKind.Json,
            ("text", "event-stream") => ResponseKind.EventStream,
            ("application", "x-ndjson" or "jsonl" or "json-seq" or "x-jsonlines") => ResponseKind.JsonLines,
            ("text", _) when !IsBinary(schema) => ResponseKind.Text,
            _ => ResponseKind.File,
        };
    }

    /// <summary>
    /// The word a body's media type adds to the name of the method that sends it: <c>Text</c> for <c>text/plain</c>,
    /// else the subtype without an <c>x-</c> prefix or a structured-syntax suffix's base (<c>Xml</c>, <c>Csv</c>).
    /// </summary>
    public static string Word(string contentKey)
    {
        (string type, string subtype) = Parse(contentKey);
        if (type == "text" && subtype == "plain")
        {
            return "Text";
        }

        int plus = subtype.LastIndexOf('+');
        subtype = plus >= 0 ? subtype.Substring(plus + 1) : subtype;
        return subtype.StartsWith("x-", StringComparison.Ordinal) ? subtype.Substring(2) : subtype;
    }

    /// <summary>Whether a schema describes raw bytes (<c>format: binary</c>); a reference that loops is not.</summary>
    public static bool IsBinary(IOpenApiSchema? schema) => schema is not null && SchemaShapes.Safe(schema).Format is "binary";

    private static bool IsJson(string subtype) => subtype == "json" || subtype.EndsWith("+json", StringComparison.Ordinal);

    // Type and subtype in lower case; empty strings when the key is not a media type.
    private static (string Type, string Subtype) Parse(string contentKey)
    {
        if (!MediaTypeHeaderValue.TryParse(contentKey, out MediaTypeHeaderValue? parsed) || parsed.MediaType is not { } mediaType)
        {
            return (string.Empty, string.Empty);
        }

        // MediaTypeHeaderValue only accepts type "/" subtype, so there is exactly one slash.
        int slash = mediaType.IndexOf('/');
        return (mediaType.Substring(0, slash).ToLowerInvariant(), mediaType.Substring(slash + 1).ToLowerInvariant());
    }
}

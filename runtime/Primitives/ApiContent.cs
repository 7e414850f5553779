using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>Request bodies: JSON through generated metadata, raw bytes from a stream, and text.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiContent
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Serializes <paramref name="value"/> up front into a buffered body: it has a <c>Content-Length</c> (no chunked
    /// upload) and can be sent again if the request is retried.
    /// </summary>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">The body type's metadata.</param>
    /// <returns>The content to put on the request.</returns>
    public static HttpContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = s_json;
        return content;
    }

    /// <summary>
    /// Serializes <paramref name="value"/> as JSON, buffered like <see cref="Json{T}(T, JsonTypeInfo{T})"/>, and labels
    /// it with the document's media type, e.g. <c>application/vnd.api+json</c>. Only <c>application/json</c> gets a
    /// <c>charset</c>: JSON is UTF-8 by definition (RFC 8259), and some vendor types refuse parameters (JSON:API answers
    /// 415 to any).
    /// </summary>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">The body type's metadata.</param>
    /// <param name="mediaType">The <c>Content-Type</c>: a JSON media type (<c>*/json</c>, <c>*+json</c>).</param>
    /// <returns>The content to put on the request.</returns>
    public static HttpContent Json<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(mediaType);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            ? s_json
            : MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>Sends a stream as it is read. Such a body cannot be sent twice, so the call is not retried.</summary>
    /// <param name="content">The bytes to upload; the request disposes it.</param>
    /// <param name="mediaType">The <c>Content-Type</c>, e.g. <c>application/octet-stream</c>.</param>
    /// <returns>The content to put on the request.</returns>
    public static HttpContent Stream(Stream content, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = new StreamContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return body;
    }

    /// <summary>Sends text encoded as UTF-8.</summary>
    /// <param name="text">The body.</param>
    /// <param name="mediaType">The <c>Content-Type</c>, e.g. <c>text/plain</c>.</param>
    /// <returns>The content to put on the request.</returns>
    public static HttpContent Text(string text, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return body;
    }
}

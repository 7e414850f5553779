using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AutoSend.Runtime;

/// <summary>Request bodies in JSON, serialized through generated metadata.</summary>
public static class ApiJsonContent
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Serializes <paramref name="value"/> up front into a buffered body: it has a <c>Content-Length</c> (no chunked
    /// upload) and can be sent again if the request is retried.
    /// </summary>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">The body type's metadata.</param>
    /// <returns>The content to put on the request.</returns>
    public static HttpContent Create<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = s_json;
        return content;
    }
}

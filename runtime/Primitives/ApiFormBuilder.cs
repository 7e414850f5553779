using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// Builds a <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c> body from fields the generated
/// code has formatted (<see cref="ApiFormat"/>), files (<see cref="ApiFile"/>) and JSON parts.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiFormBuilder
{
    private readonly List<KeyValuePair<string, string>>? _fields;
    private readonly MultipartFormDataContent? _multipart;

    private ApiFormBuilder(bool multipart)
    {
        if (multipart)
        {
            _multipart = [];
        }
        else
        {
            _fields = [];
        }
    }

    /// <summary>Starts a <c>multipart/form-data</c> body.</summary>
    public static ApiFormBuilder Multipart() => new(multipart: true);

    /// <summary>Starts an <c>application/x-www-form-urlencoded</c> body.</summary>
    public static ApiFormBuilder UrlEncoded() => new(multipart: false);

    /// <summary>Adds a text field; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The formatted value.</param>
    public void Add(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (_multipart is not null)
        {
            _multipart.Add(new StringContent(value), Quote(name));
        }
        else
        {
            _fields!.Add(new(name, value));
        }
    }

    /// <summary>Adds a file part with its name and media type; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="file">The file; the request disposes its stream.</param>
    public void Add(string name, ApiFile? file)
    {
        if (file is null)
        {
            return;
        }

        if (_multipart is null)
        {
            throw new NotSupportedException("Files can only be sent in a multipart/form-data body.");
        }

        var part = new StreamContent(file.Content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType ?? "application/octet-stream");
        _multipart.Add(part, Quote(name), Quote(file.FileName ?? name));
    }

    /// <summary>Adds several file parts under one name; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="files">The files.</param>
    public void Add(string name, IEnumerable<ApiFile>? files)
    {
        foreach (ApiFile file in files ?? [])
        {
            Add(name, file);
        }
    }

    /// <summary>Adds a structured field as JSON text; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its metadata.</param>
    public void AddJson<T>(string name, T? value, JsonTypeInfo<T> typeInfo)
    {
        if (value is null)
        {
            return;
        }

        if (_multipart is not null)
        {
            var part = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            _multipart.Add(part, Quote(name));
        }
        else
        {
            _fields!.Add(new(name, JsonSerializer.Serialize(value, typeInfo)));
        }
    }

    /// <summary>The body to put on the request.</summary>
    public HttpContent Build() => _multipart ?? (HttpContent)new FormUrlEncodedContent(_fields!);

    // Field and file names travel inside a quoted header parameter; quotes and line breaks would break out of it.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal) + "\"";
}

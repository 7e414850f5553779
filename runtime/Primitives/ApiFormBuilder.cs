using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
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
    private readonly MultipartContent? _multipart;

    // multipart/form-data names each part in Content-Disposition; other multipart types (multipart/mixed) keep the
    // parts in order with their own content types, and only file parts carry a disposition (attachment, file name).
    private readonly bool _formData;

    private ApiFormBuilder(MultipartContent? multipart, bool formData)
    {
        _multipart = multipart;
        _formData = formData;
        if (multipart is null)
        {
            _fields = [];
        }
    }

    /// <summary>Starts a <c>multipart/form-data</c> body.</summary>
    public static ApiFormBuilder Multipart() => new(new MultipartFormDataContent(), formData: true);

    /// <summary>Starts a multipart body of another subtype, e.g. <c>mixed</c> for <c>multipart/mixed</c>: its parts are
    /// not form fields, so they carry no field names; a file part is an attachment with its file name.</summary>
    /// <param name="subtype">The subtype after <c>multipart/</c>.</param>
    public static ApiFormBuilder Multipart(string subtype)
    {
        ArgumentException.ThrowIfNullOrEmpty(subtype);
        return string.Equals(subtype, "form-data", StringComparison.OrdinalIgnoreCase) ? Multipart() : new(new MultipartContent(subtype), formData: false);
    }

    /// <summary>Starts an <c>application/x-www-form-urlencoded</c> body.</summary>
    public static ApiFormBuilder UrlEncoded() => new(null, formData: false);

    /// <summary>Adds a text field; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The formatted value.</param>
    public void Add(string name, string? value) => Add(name, value, null);

    /// <summary>Adds a text field with the part's content type from the document's <c>encoding</c>; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The formatted value.</param>
    /// <param name="contentType">The part's <c>Content-Type</c>, or null for <c>text/plain</c>.</param>
    /// <param name="headers">More headers of the part (multipart only).</param>
    public void Add(string name, string? value, string? contentType, params KeyValuePair<string, string>[] headers)
    {
        if (value is null)
        {
            return;
        }

        if (_multipart is not null)
        {
            var part = new StringContent(value);
            if (contentType is not null)
            {
                part.Headers.ContentType = WithUtf8(contentType);
            }

            AddPart(part, name, null, headers);
        }
        else
        {
            _fields!.Add(new(name, value));
        }
    }

    /// <summary>Adds a file part with its name and media type; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="file">The file; the request disposes its stream.</param>
    public void Add(string name, ApiFile? file) => Add(name, file, null);

    /// <summary>Adds a file part; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="file">The file; the request disposes its stream.</param>
    /// <param name="contentType">
    /// The content type the document's <c>encoding</c> gives the part, used when the file names none; without either,
    /// <c>application/octet-stream</c>.
    /// </param>
    /// <param name="headers">More headers of the part, from the document's <c>encoding</c>.</param>
    public void Add(string name, ApiFile? file, string? contentType, params KeyValuePair<string, string>[] headers)
    {
        if (file is null)
        {
            return;
        }

        if (_multipart is null)
        {
            throw new NotSupportedException("Files can only be sent in a multipart body.");
        }

        var part = new StreamContent(file.Content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType ?? contentType ?? "application/octet-stream");
        AddPart(part, name, file.FileName ?? name, headers);
    }

    /// <summary>Adds several file parts under one name; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="files">The files.</param>
    public void Add(string name, IEnumerable<ApiFile>? files) => Add(name, files, null);

    /// <summary>Adds several file parts under one name, each with the content type the document gives; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="files">The files.</param>
    /// <param name="contentType">The content type for files that name none.</param>
    /// <param name="headers">More headers of each part.</param>
    public void Add(string name, IEnumerable<ApiFile>? files, string? contentType, params KeyValuePair<string, string>[] headers)
    {
        foreach (ApiFile file in files ?? [])
        {
            Add(name, file, contentType, headers);
        }
    }

    /// <summary>Adds a structured field as JSON text; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its metadata.</param>
    public void AddJson<T>(string name, T? value, JsonTypeInfo<T> typeInfo) => AddJson(name, value, typeInfo, null);

    /// <summary>Adds a structured field as JSON text, with the part's content type from the document; null is left out.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its metadata.</param>
    /// <param name="contentType">The part's <c>Content-Type</c> (a JSON media type), or null for <c>application/json</c>.</param>
    /// <param name="headers">More headers of the part (multipart only).</param>
    public void AddJson<T>(string name, T? value, JsonTypeInfo<T> typeInfo, string? contentType, params KeyValuePair<string, string>[] headers)
    {
        if (value is null)
        {
            return;
        }

        if (_multipart is not null)
        {
            var part = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
            AddPart(part, name, null, headers);
        }
        else
        {
            _fields!.Add(new(name, JsonSerializer.Serialize(value, typeInfo)));
        }
    }

    /// <summary>The body to put on the request.</summary>
    public HttpContent Build() => _multipart ?? (HttpContent)new FormUrlEncodedContent(_fields!);

    private void AddPart(HttpContent part, string name, string? fileName, KeyValuePair<string, string>[] headers)
    {
        // The disposition is written here rather than by ContentDispositionHeaderValue, which would put the quotes of
        // a quoted name inside filename* and MIME-encode a non-ASCII filename.
        string? disposition = _formData
            ? "form-data; name=" + Quote(name) + (fileName is null ? string.Empty : FileNameParameters(fileName))
            : fileName is null ? null : "attachment" + FileNameParameters(fileName);
        if (disposition is not null)
        {
            part.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        }

        foreach (KeyValuePair<string, string> header in headers)
        {
            part.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        _multipart!.Add(part);
    }

    // RFC 7578 section 4.2 and RFC 6266: filename holds the bare name, percent-encoded where a header cannot carry it
    // (non-ASCII, control characters, the quote and the percent sign themselves), as browsers send it; filename* holds
    // the same name in RFC 8187's UTF-8 form, which servers that read it prefer.
    private static string FileNameParameters(string fileName)
    {
        var plain = new StringBuilder(fileName.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(fileName))
        {
            if (b is < 0x20 or >= 0x7F or (byte)'"' or (byte)'%' or (byte)'\\')
            {
                plain.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                plain.Append((char)b);
            }
        }

        return "; filename=\"" + plain + "\"; filename*=utf-8''" + Uri.EscapeDataString(fileName);
    }

    private static MediaTypeHeaderValue WithUtf8(string contentType)
    {
        var value = MediaTypeHeaderValue.Parse(contentType);
        value.CharSet ??= "utf-8";
        return value;
    }

    // Field names travel inside a quoted header parameter; quotes and line breaks would break out of it.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal) + "\"";
}

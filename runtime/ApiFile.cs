using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime;

/// <summary>
/// A file an operation returned (any media type other than JSON or text), streamed straight from the connection:
/// nothing is buffered. Dispose it when done; that releases the connection.
/// </summary>
public sealed class ApiFile : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage? _response;

    internal ApiFile(HttpResponseMessage response, Stream content)
    {
        _response = response;
        Content = content;
        StatusCode = response.StatusCode;
        ContentType = response.Content.Headers.ContentType?.ToString();
        Length = response.Content.Headers.ContentLength;
        FileName = response.Content.Headers.ContentDisposition is { } disposition
            ? (disposition.FileNameStar ?? disposition.FileName)?.Trim('"')
            : null;
    }

    /// <summary>Wraps a stream, for example in a test double of a generated client.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="contentType">The media type.</param>
    /// <param name="fileName">The file name.</param>
    public ApiFile(Stream content, string? contentType = null, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        ContentType = contentType;
        FileName = fileName;
        StatusCode = HttpStatusCode.OK;
        Length = content.CanSeek ? content.Length : null;
    }

    /// <summary>The file's bytes, read from the network as the caller reads them.</summary>
    public Stream Content { get; }

    /// <summary>The <c>Content-Type</c> of the response, e.g. <c>application/pdf</c>.</summary>
    public string? ContentType { get; }

    /// <summary>The file name from <c>Content-Disposition</c>, if the server sent one.</summary>
    public string? FileName { get; }

    /// <summary>The <c>Content-Length</c>, if known.</summary>
    public long? Length { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Closes the stream and releases the connection.</summary>
    public void Dispose()
    {
        Content.Dispose();
        _response?.Dispose();
    }

    /// <summary>Closes the stream and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response?.Dispose();
    }
}

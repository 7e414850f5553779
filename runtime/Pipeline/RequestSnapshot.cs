using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// The request as it was before its first attempt, from which each retry's message is made. The first attempt sends
/// the caller's request itself (no copy); a retry cannot, since handlers may have added headers (such as
/// <c>traceparent</c>) to the message they sent. A value kept in the call's own state, so taking it allocates only the
/// header array.
/// </summary>
internal readonly struct RequestSnapshot
{
    private readonly HttpMethod _method;
    private readonly Uri? _requestUri;
    private readonly Version _version;
#if !NETSTANDARD2_0
    // netstandard2.0 requests have a version but no version policy.
    private readonly HttpVersionPolicy _versionPolicy;
#endif
    private readonly KeyValuePair<string, HeaderStringValues>[] _headers;

    public RequestSnapshot(HttpRequestMessage request)
    {
        _method = request.Method;
        _requestUri = request.RequestUri;
        _version = request.Version;
#if !NETSTANDARD2_0
        _versionPolicy = request.VersionPolicy;
#endif

        // HeaderStringValues are snapshots (a string, or an array made for the enumeration): later changes to the
        // request do not reach them.
        HttpHeadersNonValidated headers = request.Headers.NonValidated;
        _headers = headers.Count == 0 ? [] : new KeyValuePair<string, HeaderStringValues>[headers.Count];
        int i = 0;
        foreach (KeyValuePair<string, HeaderStringValues> header in headers)
        {
            _headers[i++] = header;
        }
    }

    /// <summary>
    /// A message for a retry. The content is shared (it is buffered, or the call is not retried); request options are
    /// not carried over, as neither the runtime nor generated code sets any.
    /// </summary>
    public HttpRequestMessage CreateMessage(HttpContent? content)
    {
        var message = new HttpRequestMessage(_method, _requestUri) { Version = _version, Content = content };
#if !NETSTANDARD2_0
        message.VersionPolicy = _versionPolicy;
#endif
        foreach (KeyValuePair<string, HeaderStringValues> header in _headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return message;
    }
}

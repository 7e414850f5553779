using System;
using System.Net.Http;

namespace AutoSend.Runtime.Pipeline;

/// <summary>
/// The request a connection makes for generated code. It carries the call's <see cref="CallOverrides"/> in a field:
/// <c>HttpRequestMessage.Options</c> would do the same, but its getter allocates a dictionary on first use, and
/// the pipeline asks on every call whether there are overrides.
/// </summary>
internal sealed class ApiRequestMessage(HttpMethod method, Uri requestUri) : HttpRequestMessage(method, requestUri)
{
    public CallOverrides? Overrides { get; set; }
}

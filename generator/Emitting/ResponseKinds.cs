using AutoSend.Gen.Model;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// How each kind of success response is returned, in one table: the method's return type, the connection method that
/// sends the request and reads the response, and the fallback text of <c>&lt;returns&gt;</c>. A new response kind is
/// a row here, a reader in the runtime, and a media-type rule in Parsing/MediaTypes.cs.
/// </summary>
internal static class ResponseKinds
{
    /// <summary>The method's return type.</summary>
    public static string ReturnType(EmitContext context, ResponseSpec response) => response.Kind switch
    {
        ResponseKind.None => KnownTypes.Bcl.Task,
        ResponseKind.Json => KnownTypes.Bcl.Task + "<" + context.TypeName(response.Type!) + ">",
        ResponseKind.File => KnownTypes.Bcl.Task + "<" + KnownTypes.Runtime.ApiFile + ">",
        _ => KnownTypes.Bcl.Task + "<string>",
    };

    /// <summary>The call on the connection field that sends <paramref name="request"/> and reads the response.</summary>
    /// <param name="kind">The response kind.</param>
    /// <param name="mediaType">The media type a file is asked for with.</param>
    /// <param name="request">The expression that builds the request.</param>
    /// <param name="descriptor">The operation descriptor field.</param>
    public static string Send(ResponseKind kind, string? mediaType, string request, string descriptor) => kind switch
    {
        ResponseKind.File => "SendForFileAsync(" + request + ", " + descriptor + ", " + Literal.String(mediaType ?? "application/octet-stream") + ", " + SignatureParameter.CancellationTokenName + ")",
        ResponseKind.Text => "SendForTextAsync(" + request + ", " + descriptor + ", " + SignatureParameter.CancellationTokenName + ")",
        _ => "SendAsync(" + request + ", " + descriptor + ", " + SignatureParameter.CancellationTokenName + ")",
    };

    /// <summary>The <c>&lt;returns&gt;</c> text when the response has no description.</summary>
    public static string ReturnsFallback(ResponseKind kind) => kind switch
    {
        ResponseKind.None => "A task that completes when the API has answered.",
        ResponseKind.File => "The file, streamed; dispose it to release the connection.",
        _ => "The response body.",
    };

    /// <summary>The operation descriptor's type: typed by the JSON body it reads, if any.</summary>
    public static string DescriptorType(EmitContext context, ResponseSpec response) => response.Kind == ResponseKind.Json
        ? KnownTypes.Runtime.ApiOperation + "<" + context.TypeName(response.Type!) + ">"
        : KnownTypes.Runtime.ApiOperation;
}

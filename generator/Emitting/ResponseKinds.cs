using AutoSend.Gen.Model;
using static AutoSend.Gen.Emitting.KnownTypes;

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
        ResponseKind.Json => KnownTypes.Bcl.Task + "<" + context.TypeName(response.Type!, response.IsNullable) + ">",
        ResponseKind.File => KnownTypes.Bcl.Task + "<" + KnownTypes.Runtime.ApiFile + ">",
        ResponseKind.EventStream or ResponseKind.JsonLines => KnownTypes.Bcl.IAsyncEnumerable + "<" + ItemType(context, response) + ">",
        _ => KnownTypes.Bcl.Task + "<string>",
    };

    /// <summary>The type of each item of a streamed response: its JSON type, or text for events without a schema.</summary>
    public static string ItemType(EmitContext context, ResponseSpec response) => response.Type is null ? "string" : context.TypeName(response.Type);

    /// <summary>The call on the connection field that sends <paramref name="request"/> and reads the response.</summary>
    /// <param name="response">The success response.</param>
    /// <param name="request">The expression that builds the request.</param>
    /// <param name="descriptor">The operation descriptor field.</param>
    public static string Send(ResponseSpec response, string request, string descriptor)
    {
        string arguments = "(" + request + ", " + descriptor + ", " + SignatureParameter.CancellationTokenName + ")";
        return response.Kind switch
        {
            ResponseKind.File => "SendForFileAsync(" + request + ", " + descriptor + ", " + Literal.String(response.MediaType ?? "application/octet-stream") + ", " + SignatureParameter.CancellationTokenName + ")",
            ResponseKind.Text => "SendForTextAsync" + arguments,
            ResponseKind.Json when response.IsNullable => "SendForNullableAsync" + arguments,
            ResponseKind.EventStream => (response.Type is null ? "StreamTextEventsAsync" : "StreamEventsAsync") + arguments,
            ResponseKind.JsonLines => "StreamJsonLinesAsync" + arguments,
            _ => "SendAsync" + arguments,
        };
    }

    /// <summary>Whether a <c>WithRawResponse</c> mirror has the call: every kind a task returns (not the streamed ones).</summary>
    public static bool HasRawForm(ResponseSpec response) => response.Kind is ResponseKind.None or ResponseKind.Json or ResponseKind.File or ResponseKind.Text;

    /// <summary>
    /// The raw method's return type: the document's response type (with its declared headers) or <c>ApiResponse</c>,
    /// generic over what the plain method returns, unless there is no body.
    /// </summary>
    public static string RawReturnType(EmitContext context, ResponseSpec response) => Bcl.Task + "<" + RawResponseType(context, response) + ">";

    /// <summary>The <c>&lt;returns&gt;</c> text of a raw method.</summary>
    public static string RawReturns(ResponseKind kind) => kind == ResponseKind.None
        ? "The response's status code and headers."
        : "The response's status code and headers, and in <c>Value</c> what the plain method returns.";

    /// <summary>The call on the connection that sends <paramref name="request"/> and makes the raw response type.</summary>
    public static string RawSend(EmitContext context, ResponseSpec response, string request, string descriptor)
    {
        string type = RawResponseType(context, response);
        string token = SignatureParameter.CancellationTokenName;
        // Below C# 8 a lambda's parameters must not shadow the method's (a document parameter called status or value).
        string status = context.Features.CSharp8 ? "status" : "__status", value = context.Features.CSharp8 ? "value" : "__value", headers = context.Features.CSharp8 ? "headers" : "__headers";
        string create = response.Kind == ResponseKind.None
            ? "static (" + status + ", " + headers + ") => new " + type + "(" + status + ", " + headers + ")"
            : "static (" + status + ", " + value + ", " + headers + ") => new " + type + "(" + status + ", " + value + ", " + headers + ")";
        return response.Kind switch
        {
            ResponseKind.File => "SendForFileAsync(" + request + ", " + descriptor + ", " + Literal.String(response.MediaType ?? "application/octet-stream") + ", " + create + ", " + token + ")",
            ResponseKind.Text => "SendForTextAsync(" + request + ", " + descriptor + ", " + create + ", " + token + ")",
            ResponseKind.Json when response.IsNullable => "SendForNullableAsync(" + request + ", " + descriptor + ", " + create + ", " + token + ")",
            _ => "SendAsync(" + request + ", " + descriptor + ", " + create + ", " + token + ")",
        };
    }

    private static string RawResponseType(EmitContext context, ResponseSpec response)
    {
        string type = context.Client.Response is { } declared ? context.TypeName(declared.Name) : KnownTypes.Runtime.ApiResponse;
        return response.Kind switch
        {
            ResponseKind.None => type,
            ResponseKind.Json => type + "<" + context.TypeName(response.Type!, response.IsNullable) + ">",
            ResponseKind.File => type + "<" + KnownTypes.Runtime.ApiFile + ">",
            _ => type + "<string>",
        };
    }

    /// <summary>The <c>&lt;returns&gt;</c> text when the response has no description.</summary>
    public static string ReturnsFallback(ResponseKind kind) => kind switch
    {
        ResponseKind.None => "A task that completes when the API has answered.",
        ResponseKind.File => "The file, streamed; dispose it to release the connection.",
        ResponseKind.EventStream => "The data of each event as it arrives; the request is sent when the enumeration starts.",
        ResponseKind.JsonLines => "Each value as its line arrives; the request is sent when the enumeration starts.",
        _ => "The response body.",
    };

    /// <summary>The operation descriptor's type: typed by the JSON it reads (the body, or each item of a stream), if any.</summary>
    public static string DescriptorType(EmitContext context, ResponseSpec response) => ResultInfo(response) is null
        ? KnownTypes.Runtime.ApiOperation
        : KnownTypes.Runtime.ApiOperation + "<" + context.TypeName(response.Type!, response.IsNullable && response.Type!.IsValueType) + ">";

    /// <summary>The JSON context property of what the descriptor reads, or null when it reads no JSON.</summary>
    public static string? ResultInfo(ResponseSpec response) => response switch
    {
        { Kind: ResponseKind.Json, IsNullable: true, Type.IsValueType: true } => "Nullable" + response.Type!.InfoName,
        { Kind: ResponseKind.Json or ResponseKind.EventStream or ResponseKind.JsonLines, Type: { } type } => type.InfoName,
        _ => null,
    };
}

namespace AutoSend.Gen.Model;

/// <summary>What a success response carries; Emitting/ResponseKinds.cs says how each kind is returned.</summary>
internal enum ResponseKind
{
    None,
    Json,
    File,
    Text,
}

/// <summary>A success response.</summary>
/// <param name="Kind">What the body is.</param>
/// <param name="Type">The JSON body type.</param>
/// <param name="MediaType">The media type to ask for (files).</param>
/// <param name="Description">The response description.</param>
internal sealed record ResponseSpec(ResponseKind Kind, TypeRef? Type, string? MediaType, string? Description);

/// <summary>The file form of a response that can also be JSON: a second method asks for the file's media type.</summary>
/// <param name="MethodName">The method, e.g. <c>DownloadAttachmentFileAsync</c>.</param>
/// <param name="MediaType">The media type to ask for in <c>Accept</c>.</param>
internal sealed record FileVariantSpec(string MethodName, string MediaType);

/// <summary>A declared error response.</summary>
/// <param name="Status">The status key: a code (<c>404</c>), a range (<c>4XX</c>) or <c>default</c>.</param>
/// <param name="Type">The JSON error body type.</param>
/// <param name="Description">The response description.</param>
internal sealed record ErrorResponseSpec(string Status, TypeRef Type, string? Description);

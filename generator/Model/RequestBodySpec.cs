using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>How a request body is encoded; the order is the preference when a body offers several media types.</summary>
internal enum BodyKind
{
    Json,
    Multipart,
    FormUrlEncoded,
    Binary,
    Text,
}

/// <summary>A request body.</summary>
/// <param name="Kind">The encoding.</param>
/// <param name="MediaType">The media type sent in <c>Content-Type</c>.</param>
/// <param name="Name">The C# parameter of a JSON, binary or text body (form bodies use their fields instead).</param>
/// <param name="Type">The body type for JSON, binary and text bodies.</param>
/// <param name="IsRequired">Whether the body must be sent.</param>
/// <param name="Description">Documentation from the request body.</param>
/// <param name="Fields">The fields of a form body, each a method parameter, in the order they are written into the form.</param>
internal sealed record RequestBodySpec(
    BodyKind Kind,
    string MediaType,
    string Name,
    TypeRef? Type,
    bool IsRequired,
    string? Description,
    EquatableArray<ParameterSpec> Fields)
{
    /// <summary>Whether the body is one method parameter (JSON, binary, text) rather than form fields.</summary>
    public bool IsSingleParameter => Fields.IsEmpty;
}

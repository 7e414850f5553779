namespace AutoSend.Gen.Model;

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,

    /// <summary>A field of a <c>multipart/form-data</c> or <c>application/x-www-form-urlencoded</c> body.</summary>
    FormField,
}

/// <summary>How a parameter value is serialized (OpenAPI <c>style</c>).</summary>
internal enum ParameterStyle
{
    Simple,
    Form,
    Label,
    Matrix,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// <summary>One operation parameter, generated as a method parameter.</summary>
/// <param name="Name">The C# parameter name (camelCase, escaped if a keyword).</param>
/// <param name="WireName">The name in the path template, query string, header, cookie or form.</param>
/// <param name="Location">Where the value goes.</param>
/// <param name="Type">The parameter type.</param>
/// <param name="IsRequired">Whether the caller must pass a value.</param>
/// <param name="Description">Documentation from the parameter.</param>
/// <param name="Deprecated">Whether the parameter is deprecated.</param>
/// <param name="Style">How the value is serialized.</param>
/// <param name="Explode">Whether arrays and objects are exploded into several name/value pairs.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    bool Deprecated,
    ParameterStyle Style,
    bool Explode);

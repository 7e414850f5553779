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
/// <param name="SharedOption">For a header most operations declare: the options property that supplies it when the call passes none.</param>
/// <param name="DefaultValue">The schema's <c>default</c> as JSON text, for the documentation (the client never sends it itself).</param>
/// <param name="RequiredByDocument">A shared header the document requires: the request builder throws when neither the call nor the options give it.</param>
/// <param name="AllowReserved">Whether a query value keeps RFC 3986 reserved characters unescaped (<c>allowReserved</c>).</param>
/// <param name="PartContentType">A multipart field's content type from the body's <c>encoding</c>.</param>
/// <param name="PartHeaders">A multipart field's headers from the body's <c>encoding</c>, with the values the document gives.</param>
internal sealed record ParameterSpec(
    string Name,
    string WireName,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    bool Deprecated,
    ParameterStyle Style,
    bool Explode,
    bool AllowReserved = false,
    string? PartContentType = null,
    AutoSend.Gen.Helpers.EquatableArray<PartHeaderSpec> PartHeaders = default,
    string? SharedOption = null,
    string? DefaultValue = null,
    bool RequiredByDocument = false);

/// <summary>A header of a multipart part, declared in the body's <c>encoding</c> with a value (its schema's default or single enum value).</summary>
/// <param name="Name">The header name.</param>
/// <param name="Value">The value sent.</param>
internal sealed record PartHeaderSpec(string Name, string Value);

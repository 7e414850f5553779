namespace AutoSend.Gen.Model;

/// <summary>
/// What a type reference stands for. The emitters choose the C# spelling (Emitting/KnownTypes.cs), the JSON metadata,
/// the wire format and the null handling by it, never by comparing spelled names.
/// </summary>
internal enum TypeKind
{
    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>int</c>: an integer without a format, or <c>int32</c>.</summary>
    Int32,

    /// <summary><c>long</c>: <c>int64</c>.</summary>
    Int64,

    /// <summary><c>float</c>.</summary>
    Single,

    /// <summary><c>double</c>: a number without a format.</summary>
    Double,

    /// <summary><c>decimal</c>.</summary>
    Decimal,

    /// <summary><c>bool</c>.</summary>
    Boolean,

    /// <summary><c>DateTimeOffset</c>: <c>date-time</c>.</summary>
    DateTimeOffset,

    /// <summary><c>DateOnly</c>: <c>date</c>.</summary>
    DateOnly,

    /// <summary><c>TimeSpan</c>: <c>duration</c>, ISO 8601 on the wire.</summary>
    Duration,

    /// <summary><c>Guid</c>: <c>uuid</c>.</summary>
    Guid,

    /// <summary><c>byte[]</c>: <c>byte</c>, base64 on the wire.</summary>
    Bytes,

    /// <summary><c>JsonNode</c>: a schema without a fixed shape.</summary>
    JsonNode,

    /// <summary><c>JsonObject</c>: an object schema without properties.</summary>
    JsonObject,

    /// <summary><c>JsonElement</c>: the values of extension data.</summary>
    JsonElement,

    /// <summary>A generated class.</summary>
    Model,

    /// <summary>A generated open enum (a struct wrapping the wire value).</summary>
    Enum,

    /// <summary>A generated union of several schemas.</summary>
    Union,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c> of <see cref="TypeRef.Element"/>.</summary>
    List,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c> of <see cref="TypeRef.Element"/>.</summary>
    Map,

    /// <summary><c>IDictionary&lt;string, JsonElement&gt;</c>: the unknown properties a class keeps.</summary>
    ExtensionData,

    /// <summary><c>ApiFile</c>: a file in a form or a response.</summary>
    File,

    /// <summary><c>IEnumerable&lt;ApiFile&gt;</c>: several files in one form field.</summary>
    FileList,

    /// <summary><c>Stream</c>: a raw request body.</summary>
    Stream,
}

/// <summary>A C# type that generated code uses.</summary>
/// <param name="Kind">What the type stands for.</param>
/// <param name="InfoName">The name of this type's property on the generated JSON context.</param>
/// <param name="Name">The declared name of a generated type (model, enum, union), without a namespace; null otherwise.</param>
/// <param name="Element">The item type of a list or the value type of a map.</param>
/// <param name="ElementIsNullable">Whether list items or map values may be null.</param>
internal sealed record TypeRef(TypeKind Kind, string InfoName, string? Name = null, TypeRef? Element = null, bool ElementIsNullable = false)
{
    /// <summary>Whether <c>T?</c> means <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal or TypeKind.Boolean
        or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.Duration or TypeKind.Guid or TypeKind.JsonElement or TypeKind.Enum;

    /// <summary>A BCL value or string with a built-in System.Text.Json converter.</summary>
    public bool IsPrimitive => Kind is >= TypeKind.String and <= TypeKind.Bytes;

    /// <summary>A JSON DOM type.</summary>
    public bool IsJson => Kind is TypeKind.JsonNode or TypeKind.JsonObject or TypeKind.JsonElement;

    /// <summary>Bytes that are not JSON: files and streams.</summary>
    public bool IsFile => Kind is TypeKind.File or TypeKind.FileList or TypeKind.Stream;

    /// <summary>A type the client declares itself.</summary>
    public bool IsDeclared => Kind is TypeKind.Model or TypeKind.Enum or TypeKind.Union;

    /// <summary>A number: formatted with invariant digits, read from a JSON number.</summary>
    public bool IsNumber => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal;

    /// <summary>A short description for diagnostics, e.g. <c>Pet</c>, <c>list of String</c>.</summary>
    public string Describe() => Kind switch
    {
        TypeKind.List => "list of " + Element!.Describe(),
        TypeKind.Map => "map of " + Element!.Describe(),
        _ => Name ?? InfoName,
    };
}

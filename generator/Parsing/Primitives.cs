using AutoSend.Gen.Model;

namespace AutoSend.Gen.Parsing;

/// <summary>The built-in types that OpenAPI primitives, free-form values, files and streams map to.</summary>
internal static class Primitives
{
    public static readonly TypeRef String = new(TypeKind.String, "String");
    public static readonly TypeRef Int32 = new(TypeKind.Int32, "Int32");
    public static readonly TypeRef Int64 = new(TypeKind.Int64, "Int64");
    public static readonly TypeRef Single = new(TypeKind.Single, "Single");
    public static readonly TypeRef Double = new(TypeKind.Double, "Double");
    public static readonly TypeRef Decimal = new(TypeKind.Decimal, "Decimal");
    public static readonly TypeRef Boolean = new(TypeKind.Boolean, "Boolean");
    public static readonly TypeRef DateTimeOffset = new(TypeKind.DateTimeOffset, "DateTimeOffset");
    public static readonly TypeRef DateOnly = new(TypeKind.DateOnly, "DateOnly");
    public static readonly TypeRef Duration = new(TypeKind.Duration, "TimeSpan");
    public static readonly TypeRef Guid = new(TypeKind.Guid, "Guid");
    public static readonly TypeRef Bytes = new(TypeKind.Bytes, "ByteArray");
    public static readonly TypeRef JsonNode = new(TypeKind.JsonNode, "JsonNode");
    public static readonly TypeRef JsonObject = new(TypeKind.JsonObject, "JsonObject");
    public static readonly TypeRef JsonElement = new(TypeKind.JsonElement, "JsonElement");

    /// <summary>The dictionary that keeps unknown JSON properties (System.Text.Json's extension data).</summary>
    public static readonly TypeRef ExtensionData = new(TypeKind.ExtensionData, "IDictionaryStringJsonElement", Element: JsonElement);

    public static readonly TypeRef File = new(TypeKind.File, "ApiFile");
    public static readonly TypeRef FileList = new(TypeKind.FileList, "ApiFileList");
    public static readonly TypeRef Stream = new(TypeKind.Stream, "Stream");

    /// <summary>Every context property name the primitives use, reserved before models are named.</summary>
    public static readonly string[] InfoNames =
    [
        String.InfoName, Int32.InfoName, Int64.InfoName, Single.InfoName, Double.InfoName, Decimal.InfoName,
        Boolean.InfoName, DateTimeOffset.InfoName, DateOnly.InfoName, Duration.InfoName, Guid.InfoName, Bytes.InfoName,
        JsonNode.InfoName, JsonObject.InfoName, JsonElement.InfoName, ExtensionData.InfoName,
    ];

    /// <summary>The type for a string schema of the given format.</summary>
    public static TypeRef ForString(string? format) => format switch
    {
        "date-time" => DateTimeOffset,
        "date" => DateOnly,
        "duration" => Duration,
        "uuid" => Guid,
        "byte" => Bytes,
        _ => String,
    };

    /// <summary>The type for an integer schema; without a format it is <c>int</c>, as most generators do.</summary>
    public static TypeRef ForInteger(string? format) => format == "int64" ? Int64 : Int32;

    /// <summary>The type for a number schema; without a format it is <c>double</c>.</summary>
    public static TypeRef ForNumber(string? format) => format switch
    {
        "float" => Single,
        "decimal" => Decimal,
        "int32" => Int32,
        "int64" => Int64,
        _ => Double,
    };

    /// <summary><c>IReadOnlyList&lt;T&gt;</c> of <paramref name="item"/>.</summary>
    // A JsonNode item or value can always be JSON null: JsonNode? in every list and map, so that two uses of the same
    // list type (one whose items may be null, one whose items are any value) share one JSON metadata property.
    public static TypeRef ListOf(TypeRef item, bool itemNull) =>
        ListOfCore(item, itemNull || item.Kind == TypeKind.JsonNode);

    private static TypeRef ListOfCore(TypeRef item, bool itemNull) =>
        new(TypeKind.List, Naming.Identifier.Cap("IReadOnlyList" + (itemNull && item.IsValueType ? "Nullable" : string.Empty) + item.InfoName), Element: item, ElementIsNullable: itemNull);

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c> of <paramref name="value"/>.</summary>
    public static TypeRef MapOf(TypeRef value, bool valueNull) =>
        MapOfCore(value, valueNull || value.Kind == TypeKind.JsonNode);

    private static TypeRef MapOfCore(TypeRef value, bool valueNull) =>
        new(TypeKind.Map, Naming.Identifier.Cap("IReadOnlyDictionaryString" + (valueNull && value.IsValueType ? "Nullable" : string.Empty) + value.InfoName), Element: value, ElementIsNullable: valueNull);
}

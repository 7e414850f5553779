using AutoSend.Gen.Model;

namespace AutoSend.Gen.Parsing;

/// <summary>The BCL types that OpenAPI primitives and free-form values map to.</summary>
internal static class Primitives
{
    public static readonly TypeRef String = new("string", TypeKind.Primitive, false, "String");
    public static readonly TypeRef Int32 = new("int", TypeKind.Primitive, true, "Int32");
    public static readonly TypeRef Int64 = new("long", TypeKind.Primitive, true, "Int64");
    public static readonly TypeRef Single = new("float", TypeKind.Primitive, true, "Single");
    public static readonly TypeRef Double = new("double", TypeKind.Primitive, true, "Double");
    public static readonly TypeRef Decimal = new("decimal", TypeKind.Primitive, true, "Decimal");
    public static readonly TypeRef Boolean = new("bool", TypeKind.Primitive, true, "Boolean");
    public static readonly TypeRef DateTimeOffset = new("global::System.DateTimeOffset", TypeKind.Primitive, true, "DateTimeOffset");
    public static readonly TypeRef DateOnly = new("global::System.DateOnly", TypeKind.Primitive, true, "DateOnly");
    public static readonly TypeRef Duration = new("global::System.TimeSpan", TypeKind.Primitive, true, "TimeSpan");
    public static readonly TypeRef Guid = new("global::System.Guid", TypeKind.Primitive, true, "Guid");
    public static readonly TypeRef Bytes = new("byte[]", TypeKind.Primitive, false, "ByteArray");
    public static readonly TypeRef JsonNode = new("global::System.Text.Json.Nodes.JsonNode", TypeKind.Json, false, "JsonNode");
    public static readonly TypeRef JsonObject = new("global::System.Text.Json.Nodes.JsonObject", TypeKind.Json, false, "JsonObject");

    public static readonly TypeRef JsonElement = new("global::System.Text.Json.JsonElement", TypeKind.Json, true, "JsonElement");

    /// <summary>The dictionary that keeps unknown JSON properties (System.Text.Json's extension data).</summary>
    public static readonly TypeRef ExtensionData = new("global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>",
        TypeKind.Map, false, "IDictionaryStringJsonElement", JsonElement);

    public static readonly TypeRef File = new("global::AutoSend.Runtime.ApiFile", TypeKind.File, false, "ApiFile");
    public static readonly TypeRef FileList = new("global::System.Collections.Generic.IEnumerable<global::AutoSend.Runtime.ApiFile>", TypeKind.File, false, "ApiFileList");
    public static readonly TypeRef Stream = new("global::System.IO.Stream", TypeKind.File, false, "Stream");

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
}

namespace AutoSend.Gen.Model;

/// <summary>What a C# type reference stands for; the emitters choose JSON metadata and null handling by it.</summary>
internal enum TypeKind
{
    /// <summary>A BCL value or string with a built-in System.Text.Json converter.</summary>
    Primitive,

    /// <summary>A generated class.</summary>
    Object,

    /// <summary>A generated open enum (a struct wrapping the wire value).</summary>
    Enum,

    /// <summary>A generated union of several schemas.</summary>
    Union,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c>.</summary>
    Map,

    /// <summary>A JSON DOM type for schemas without a fixed shape.</summary>
    Json,

    /// <summary>Bytes that are not JSON: <c>ApiFile</c> in forms and responses, <c>Stream</c> for raw bodies.</summary>
    File,
}

/// <summary>A C# type as the generated code spells it.</summary>
/// <param name="Name">The type without a nullable marker: a keyword, a <c>global::</c> name or a generated type's name.</param>
/// <param name="Kind">What the type stands for.</param>
/// <param name="IsValueType">Whether <c>T?</c> means <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="InfoName">The name of this type's property on the generated JSON context.</param>
/// <param name="Element">The item type of a list or the value type of a map.</param>
/// <param name="ElementIsNullable">Whether list items or map values may be null.</param>
internal sealed record TypeRef(string Name, TypeKind Kind, bool IsValueType, string InfoName, TypeRef? Element = null, bool ElementIsNullable = false)
{
    /// <summary>The type as written for a member that may hold null.</summary>
    public string NullableName => Name + "?";
}

namespace AutoSend.Gen.Model;

/// <summary>How the JSON context builds the metadata of one type.</summary>
internal enum JsonTypeKind
{
    /// <summary>A built-in converter (of <c>JsonMetadataServices</c>, or the runtime's for durations).</summary>
    BuiltIn,

    /// <summary><c>Nullable&lt;T&gt;</c> over another entry.</summary>
    NullableValue,

    /// <summary>A generated class, described property by property.</summary>
    Object,

    /// <summary>A generated type with its own converter (open enums, unions).</summary>
    CustomConverter,

    /// <summary><c>IReadOnlyList&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c>.</summary>
    Map,

    /// <summary><c>IDictionary&lt;string, T&gt;</c>, for extension data.</summary>
    MutableMap,
}

/// <summary>One <c>JsonTypeInfo&lt;T&gt;</c> property of the generated JSON context.</summary>
/// <param name="PropertyName">The context property, e.g. <c>Campaign</c> or <c>IReadOnlyListString</c>.</param>
/// <param name="Type">The described type; for <see cref="JsonTypeKind.NullableValue"/>, the value type under <c>T?</c>.</param>
/// <param name="Kind">How its metadata is built.</param>
internal sealed record JsonTypeSpec(string PropertyName, TypeRef Type, JsonTypeKind Kind);

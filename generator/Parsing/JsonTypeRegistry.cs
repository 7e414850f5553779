using System.Collections.Generic;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Collects the types the generated JSON context must describe. Every type reached from a model property, an
/// operation body or a union variant is registered, with its item and value types, so that the context answers
/// for every type the serializer will ask about.
/// </summary>
internal sealed class JsonTypeRegistry
{
    private readonly Dictionary<string, JsonTypeSpec> _specs = [];
    private readonly List<JsonTypeSpec> _ordered = [];

    public EquatableArray<JsonTypeSpec> ToArray() => _ordered.ToEquatableArray();

    /// <summary>Registers a type as a member uses it; <paramref name="nullable"/> matters for value types only.</summary>
    public void Register(TypeRef type, bool nullable)
    {
        if (type.Kind == TypeKind.File)
        {
            // Files travel as raw bytes, never as JSON.
            return;
        }

        if (nullable && type.IsValueType)
        {
            Add(new JsonTypeSpec(NullableInfoName(type), type.NullableName, JsonTypeKind.NullableValue, type.Name, null));
        }

        switch (type.Kind)
        {
            case TypeKind.Primitive:
            case TypeKind.Json:
                Add(new JsonTypeSpec(type.InfoName, type.Name, JsonTypeKind.BuiltIn, null, BuiltInConverter(type)));
                break;
            case TypeKind.Object:
                Add(new JsonTypeSpec(type.InfoName, type.Name, JsonTypeKind.Object, null, null));
                break;
            case TypeKind.Enum:
            case TypeKind.Union:
                Add(new JsonTypeSpec(type.InfoName, type.Name, JsonTypeKind.CustomConverter, null, null));
                break;
            case TypeKind.Map when type == Primitives.ExtensionData:
                Add(new JsonTypeSpec(type.InfoName, type.Name, JsonTypeKind.MutableMap, ElementName(type), null));
                Register(Primitives.JsonElement, nullable: false);
                break;
            case TypeKind.List:
            case TypeKind.Map:
                TypeRef element = type.Element!;
                Add(new JsonTypeSpec(type.InfoName, type.Name, type.Kind == TypeKind.List ? JsonTypeKind.List : JsonTypeKind.Map, ElementName(type), null));
                Register(element, type.ElementIsNullable);
                break;
        }
    }

    /// <summary>The context property for <c>T?</c> of a value type.</summary>
    public static string NullableInfoName(TypeRef type) => "Nullable" + type.InfoName;

    /// <summary>The item or value type of a list or map, as written in its type arguments.</summary>
    public static string ElementName(TypeRef type) =>
        type.ElementIsNullable ? type.Element!.NullableName : type.Element!.Name;

    private void Add(JsonTypeSpec spec)
    {
        if (!_specs.ContainsKey(spec.PropertyName))
        {
            _specs.Add(spec.PropertyName, spec);
            _ordered.Add(spec);
        }
    }

    // System.Text.Json's own converter, except for durations, whose wire form (ISO 8601) it does not read.
    private static string BuiltInConverter(TypeRef type) => type == Primitives.Duration
        ? "global::AutoSend.Runtime.Primitives.ApiJsonConverters.Duration"
        : "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices." + type.InfoName + "Converter";
}

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
        if (type.IsFile)
        {
            // Files travel as raw bytes, never as JSON.
            return;
        }

        if (nullable && type.IsValueType)
        {
            Add(new JsonTypeSpec("Nullable" + type.InfoName, type, JsonTypeKind.NullableValue));
        }

        switch (type.Kind)
        {
            case TypeKind.Model:
                Add(new JsonTypeSpec(type.InfoName, type, JsonTypeKind.Object));
                break;
            case TypeKind.Enum:
            case TypeKind.Union:
                Add(new JsonTypeSpec(type.InfoName, type, JsonTypeKind.CustomConverter));
                break;
            case TypeKind.ExtensionData:
                Add(new JsonTypeSpec(type.InfoName, type, JsonTypeKind.MutableMap));
                Register(type.Element!, nullable: false);
                // The serializer asks for the metadata of a dictionary's key type too.
                Register(Primitives.String, nullable: false);
                break;
            case TypeKind.List:
            case TypeKind.Map:
                Add(new JsonTypeSpec(type.InfoName, type, type.Kind == TypeKind.List ? JsonTypeKind.List : JsonTypeKind.Map));
                Register(type.Element!, type.ElementIsNullable);
                if (type.Kind == TypeKind.Map)
                {
                    Register(Primitives.String, nullable: false);
                }

                break;
            default:
                // Primitives and JSON DOM types.
                Add(new JsonTypeSpec(type.InfoName, type, JsonTypeKind.BuiltIn));
                break;
        }
    }

    private void Add(JsonTypeSpec spec)
    {
        if (!_specs.ContainsKey(spec.PropertyName))
        {
            _specs.Add(spec.PropertyName, spec);
            _ordered.Add(spec);
        }
    }
}

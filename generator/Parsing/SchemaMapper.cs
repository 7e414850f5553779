using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Where a schema is turned into a C# type. Component schemas that need a declaration (objects, string enums, unions)
/// become named types; primitives, arrays and maps are used in place. Inline schemas that need a declaration are named
/// from where they sit (<c>Campaign.metrics</c> → <c>CampaignMetrics</c>).
/// </summary>
internal sealed class SchemaMapper
{
    private readonly NameScope _typeNames;
    private readonly NameScope _infoNames;
    private readonly DiagnosticBag _diagnostics;
    private readonly JsonTypeRegistry _json;
    private readonly Dictionary<string, TypeRef> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _reservedComponentNames = new(StringComparer.Ordinal);
    private readonly List<TypeDeclarationSpec> _declarations = [];
    private readonly Dictionary<string, ObjectSpec> _objects = new(StringComparer.Ordinal);

    public SchemaMapper(NameScope typeNames, NameScope infoNames, DiagnosticBag diagnostics, JsonTypeRegistry json)
    {
        _typeNames = typeNames;
        _infoNames = infoNames;
        _diagnostics = diagnostics;
        _json = json;
    }

    public IReadOnlyList<TypeDeclarationSpec> Declarations => _declarations;

    /// <summary>The generated class of a name, once its schema has been mapped.</summary>
    public ObjectSpec? FindObject(string name) => _objects.TryGetValue(name, out ObjectSpec? model) ? model : null;

    /// <summary>Reserves the names of the component schemas that become types, so inline types never take them.</summary>
    public void ReserveComponentNames(IDictionary<string, IOpenApiSchema>? schemas)
    {
        foreach (KeyValuePair<string, IOpenApiSchema> entry in schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (NeedsDeclaration(entry.Value))
            {
                _reservedComponentNames[ComponentKey(entry.Key)] = _typeNames.Allocate(CustomName(entry.Value) ?? TypeName(entry.Key));
            }
        }
    }

    /// <summary>Maps every component schema, in document order, so unused ones are generated too.</summary>
    public void MapComponents(IDictionary<string, IOpenApiSchema>? schemas)
    {
        foreach (KeyValuePair<string, IOpenApiSchema> entry in schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            TypeRef type = MapComponent(ComponentKey(entry.Key), entry.Key, entry.Value);
            _json.Register(type, nullable: false);
        }
    }

    /// <summary>Maps a schema to the C# type of a member that holds it.</summary>
    /// <param name="schema">The schema, possibly a reference; null means "any value".</param>
    /// <param name="nameHint">The name an inline declaration gets.</param>
    /// <param name="pointer">Where the schema is, for diagnostics.</param>
    /// <param name="allowsNull">Whether the schema itself admits null.</param>
    public TypeRef Map(IOpenApiSchema? schema, string nameHint, string pointer, out bool allowsNull)
    {
        allowsNull = false;
        if (schema is null)
        {
            allowsNull = true;
            return Primitives.JsonNode;
        }

        if (schema is OpenApiSchemaReference reference)
        {
            IOpenApiSchema? target = reference.Target;
            if (target is null)
            {
                // The reader already reported the broken reference (AG0004).
                allowsNull = true;
                return Primitives.JsonNode;
            }

            allowsNull = AllowsNull(target);
            string id = reference.Reference.Id ?? nameHint;
            return MapComponent(ComponentKey(id), LastSegment(id), target);
        }

        allowsNull = AllowsNull(schema);

        // allOf with one member is how specs attach a description or nullability to a $ref.
        if (schema.AllOf is { Count: 1 } && IsEmptyApartFromComposition(schema))
        {
            TypeRef inner = Map(schema.AllOf[0], nameHint, pointer + "/allOf/0", out bool innerNull);
            allowsNull |= innerNull;
            return inner;
        }

        IList<IOpenApiSchema>? alternatives = Alternatives(schema);
        if (alternatives is not null)
        {
            List<(IOpenApiSchema Schema, int Index)> nonNull = alternatives.Select((s, i) => (s, i)).Where(a => !IsNullSchema(a.s)).ToList();
            allowsNull |= nonNull.Count < alternatives.Count;
            if (nonNull.Count == 1 && IsEmptyApartFromComposition(schema))
            {
                TypeRef inner = Map(nonNull[0].Schema, nameHint, pointer + "/" + AlternativesKeyword(schema) + "/" + nonNull[0].Index, out bool innerNull);
                allowsNull |= innerNull;
                return inner;
            }
        }

        if (NeedsDeclaration(schema))
        {
            string name = _typeNames.Allocate(nameHint);
            return Declare(name, schema, pointer);
        }

        return MapStructural(schema, nameHint, pointer);
    }

    private TypeRef MapComponent(string key, string name, IOpenApiSchema target)
    {
        if (_components.TryGetValue(key, out TypeRef? known))
        {
            return known;
        }

        if (NeedsDeclaration(target))
        {
            if (!_reservedComponentNames.TryGetValue(key, out string? typeName))
            {
                typeName = _typeNames.Allocate(TypeName(name));
            }

            return Declare(typeName, target, "#/components/schemas/" + SourceLocator.Escape(name), key);
        }

        // A primitive, array or map alias: used in place, under its own name for any inline types it needs.
        _components[key] = Primitives.JsonNode;
        TypeRef mapped = Map(target, TypeName(name), "#/components/schemas/" + SourceLocator.Escape(name), out _);
        _components[key] = mapped;
        return mapped;
    }

    private TypeRef Declare(string name, IOpenApiSchema schema, string pointer, string? componentKey = null)
    {
        TypeKind kind = IsStringEnum(schema) ? TypeKind.Enum : Alternatives(schema) is not null && !HasProperties(schema) ? TypeKind.Union : TypeKind.Object;
        var type = new TypeRef(name, kind, kind == TypeKind.Enum, _infoNames.Allocate(name));
        if (componentKey is not null)
        {
            // Registered before the members are mapped, so recursive schemas refer back to this type.
            _components[componentKey] = type;
        }

        TypeDeclarationSpec declaration;
        switch (kind)
        {
            case TypeKind.Enum:
                declaration = BuildEnum(name, schema);
                break;
            case TypeKind.Union:
                UnionSpec? union = BuildUnion(name, schema, pointer);
                if (union is null)
                {
                    if (componentKey is not null)
                    {
                        _components[componentKey] = Primitives.JsonNode;
                    }

                    return Primitives.JsonNode;
                }

                declaration = union;
                break;
            default:
                ObjectSpec model = BuildObject(name, schema, pointer);
                _objects[name] = model;
                declaration = model;
                break;
        }

        _declarations.Add(declaration);
        _json.Register(type, nullable: false);
        return type;
    }

    private ObjectSpec BuildObject(string name, IOpenApiSchema schema, string pointer)
    {
        var members = new NameScope(name);
        var properties = new List<PropertySpec>();
        var aliases = new List<(int Index, string Target, string Pointer)>();
        foreach ((string wireName, IOpenApiSchema propertySchema, bool required, string propertyPointer) in CollectProperties(schema, pointer))
        {
            string pascal = Identifier.ToPascalCase(wireName, "_", "Property");
            string propertyName = members.Allocate(CustomName(propertySchema) ?? pascal);
            TypeRef type = Map(propertySchema, name + pascal, propertyPointer, out bool allowsNull);
            bool nullable = !required || allowsNull;
            _json.Register(type, nullable);
            if (VendorExtensions.GetString(propertySchema.Extensions, VendorExtensions.AliasOf) is { } target)
            {
                aliases.Add((properties.Count, target, propertyPointer));
            }

            properties.Add(new PropertySpec(propertyName, wireName, type, required, nullable, OwnDescription(propertySchema), propertySchema.Deprecated,
                ReadOnly: propertySchema.ReadOnly, WriteOnly: propertySchema.WriteOnly));
        }

        // x-alias-of: an old wire name also fills the property of the current one, if it has the same type.
        foreach ((int index, string target, string aliasPointer) in aliases)
        {
            PropertySpec? real = properties.FirstOrDefault(p => p.JsonName == target);
            if (real is null || real.Type != properties[index].Type || !real.IsNullable)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.ExtensionIgnored, aliasPointer, VendorExtensions.AliasOf, properties[index].JsonName,
                    $"'{target}' is not an optional property of the same type in this schema");
                continue;
            }

            properties[index] = properties[index] with { AliasOf = real.Name };
        }

        // Unknown properties are kept only where the schema declares what they hold; Microsoft.OpenApi cannot tell an
        // explicit "additionalProperties: true" from the default, so open-by-default schemas drop them as STJ does.
        string? extensionData = schema.AdditionalProperties is not null ? members.Allocate("AdditionalProperties") : null;
        return new ObjectSpec(name, schema.Description ?? schema.Title, schema.Deprecated, properties.ToEquatableArray(), extensionData);
    }

    // Properties of the schema and of every allOf member (composition flattened into one class), first wins.
    private static IEnumerable<(string Name, IOpenApiSchema Schema, bool Required, string Pointer)> CollectProperties(IOpenApiSchema schema, string pointer)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(string, IOpenApiSchema, bool, string)>();
        Collect(schema, pointer, 0);
        return result.Select(p => (p.Item1, p.Item2, required.Contains(p.Item1), p.Item4));

        void Collect(IOpenApiSchema current, string at, int depth)
        {
            if (depth > 32)
            {
                return;
            }

            foreach (string name in current.Required ?? new HashSet<string>())
            {
                required.Add(name);
            }

            foreach (KeyValuePair<string, IOpenApiSchema> property in current.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (seen.Add(property.Key))
                {
                    result.Add((property.Key, property.Value, false, at + "/properties/" + SourceLocator.Escape(property.Key)));
                }
            }

            for (int i = 0; i < (current.AllOf?.Count ?? 0); i++)
            {
                Collect(current.AllOf![i], at + "/allOf/" + i, depth + 1);
            }
        }
    }

    private EnumSpec BuildEnum(string name, IOpenApiSchema schema)
    {
        var members = new NameScope(name, "Value", "Converter", "Equals", "GetHashCode", "ToString", "GetType");
        var values = new List<EnumMemberSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode? node in schema.Enum ?? [])
        {
            if (node is JsonValue value && value.TryGetValue(out string? text) && seen.Add(text))
            {
                values.Add(new EnumMemberSpec(members.Allocate(Identifier.ToPascalCase(text, "Value", "Empty")), text));
            }
        }

        return new EnumSpec(name, schema.Description ?? schema.Title, schema.Deprecated, values.ToEquatableArray());
    }

    private UnionSpec? BuildUnion(string name, IOpenApiSchema schema, string pointer)
    {
        IList<IOpenApiSchema> alternatives = Alternatives(schema)!;
        string keyword = AlternativesKeyword(schema);
        var variants = new List<UnionVariantSpec>();
        var variantNames = new NameScope(name, "Value", "Converter");
        var shapes = new HashSet<JsonShape>();
        for (int i = 0; i < alternatives.Count; i++)
        {
            IOpenApiSchema alternative = alternatives[i];
            if (IsNullSchema(alternative))
            {
                continue;
            }

            TypeRef type = Map(alternative, name + "Variant" + (i + 1), pointer + "/" + keyword + "/" + i, out _);
            JsonShape shape = Primitives.ShapeOf(type);
            if (!shapes.Add(shape) || type.Kind == TypeKind.Union || type == Primitives.JsonNode)
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer + "/" + keyword,
                    "A " + keyword + " whose alternatives cannot be told apart by their JSON token type is not supported yet", name, "JsonNode");
                return null;
            }

            _json.Register(type, nullable: false);
            variants.Add(new UnionVariantSpec(variantNames.Allocate(VariantName(type)), type, shape, OwnDescription(alternative)));
        }

        return new UnionSpec(name, schema.Description ?? schema.Title, schema.Deprecated, variants.ToEquatableArray());
    }

    private TypeRef MapStructural(IOpenApiSchema schema, string nameHint, string pointer)
    {
        JsonSchemaType type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type == 0 && schema.Items is not null)
        {
            type = JsonSchemaType.Array;
        }

        switch (type)
        {
            case JsonSchemaType.String:
                return Primitives.ForString(schema.Format);
            case JsonSchemaType.Integer:
                return Primitives.ForInteger(schema.Format);
            case JsonSchemaType.Number:
                return Primitives.ForNumber(schema.Format);
            case JsonSchemaType.Boolean:
                return Primitives.Boolean;
            case JsonSchemaType.Array:
                TypeRef item = Map(schema.Items, nameHint + "Item", pointer + "/items", out bool itemNull);
                return new TypeRef("global::System.Collections.Generic.IReadOnlyList<" + (itemNull ? item.NullableName : item.Name) + ">",
                    TypeKind.List, false, "IReadOnlyList" + (itemNull && item.IsValueType ? "Nullable" : string.Empty) + item.InfoName, item, itemNull);
            case JsonSchemaType.Object:
            case 0 when schema.AdditionalProperties is not null:
                if (schema.AdditionalProperties is { } values)
                {
                    TypeRef value = Map(values, nameHint + "Value", pointer + "/additionalProperties", out bool valueNull);
                    return new TypeRef("global::System.Collections.Generic.IReadOnlyDictionary<string, " + (valueNull ? value.NullableName : value.Name) + ">",
                        TypeKind.Map, false, "IReadOnlyDictionaryString" + (valueNull && value.IsValueType ? "Nullable" : string.Empty) + value.InfoName, value, valueNull);
                }

                return Primitives.JsonObject;
            case 0:
                return Primitives.JsonNode;
            default:
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer,
                    "A schema with several types (" + type + ") is not supported yet", nameHint, "JsonNode");
                return Primitives.JsonNode;
        }
    }

    /// <summary>Whether a schema becomes a declared type rather than a type used in place.</summary>
    private static bool NeedsDeclaration(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return false;
        }

        if (IsStringEnum(schema) || HasProperties(schema))
        {
            return true;
        }

        IList<IOpenApiSchema>? alternatives = Alternatives(schema);
        if (alternatives is not null)
        {
            return alternatives.Count(a => !IsNullSchema(a)) > 1;
        }

        return schema.AllOf is { Count: > 1 };
    }

    /// <summary>
    /// The description written at this place: for a <c>$ref</c>, only the one beside it, not the target's (which
    /// documents the type, not this use of it).
    /// </summary>
    public static string? OwnDescription(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Reference.Description : schema.Description;

    private static bool HasProperties(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || (schema.AllOf is { Count: > 1 } && schema.AllOf.Any(a => a.Properties is { Count: > 0 } || a is OpenApiSchemaReference));

    private static bool IsStringEnum(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } && schema.Enum.All(v => v is null || (v is JsonValue value && value.TryGetValue(out string? _)))
        && schema.Enum.Any(v => v is not null);

    private static bool AllowsNull(IOpenApiSchema schema) =>
        (schema.Type is { } type && (type & JsonSchemaType.Null) != 0) || (schema.Enum?.Any(v => v is null) ?? false);

    private static bool IsNullSchema(IOpenApiSchema schema) =>
        schema.Type == JsonSchemaType.Null && schema is not OpenApiSchemaReference;

    private static IList<IOpenApiSchema>? Alternatives(IOpenApiSchema schema) =>
        schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf is { Count: > 0 } ? schema.AnyOf : null;

    private static string AlternativesKeyword(IOpenApiSchema schema) => schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";

    private static bool IsEmptyApartFromComposition(IOpenApiSchema schema) =>
        schema.Properties is not { Count: > 0 } && schema.Enum is not { Count: > 0 } && schema.Items is null;

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.List => type.Element!.Kind is TypeKind.Primitive or TypeKind.Json ? type.Element.InfoName + "List" : type.Element.Name + "List",
        TypeKind.Map => type.Element!.Name + "Map",
        TypeKind.Primitive or TypeKind.Json => type.InfoName,
        _ => type.Name,
    };

    private static string TypeName(string componentName) => Identifier.ToPascalCase(componentName, "_", "Model");

    /// <summary>The <c>x-csharp-name</c> of a schema, property or value, when it is a valid C# name.</summary>
    /// A <c>$ref</c>'s extensions are its target's, which name the target, not this use of it.
    private static string? CustomName(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && VendorExtensions.GetString(schema.Extensions, VendorExtensions.CSharpName) is { } name && Identifier.IsValid(name) ? name : null;

    private static string ComponentKey(string id) => "#/components/schemas/" + id;

    private static string LastSegment(string id)
    {
        int slash = id.LastIndexOf('/');
        return slash >= 0 ? id.Substring(slash + 1) : id;
    }
}

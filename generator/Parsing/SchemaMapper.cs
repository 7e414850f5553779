using System;
using System.Collections.Generic;
using System.Linq;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Naming;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Where a schema is turned into a C# type. Component schemas that need a declaration (objects, enums, unions) become
/// named types; primitives, arrays and maps are used in place. Inline schemas that need a declaration are named from
/// where they sit (<c>Campaign.metrics</c> → <c>CampaignMetrics</c>). Objects are built in SchemaMapper.Objects.cs,
/// unions in SchemaMapper.Unions.cs, enums in SchemaMapper.Enums.cs.
/// </summary>
internal sealed partial class SchemaMapper
{
    private readonly NameScope _typeNames;
    private readonly NameScope _infoNames;
    private readonly DiagnosticBag _diagnostics;
    private readonly JsonTypeRegistry _json;
    private readonly Dictionary<string, TypeRef> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _reservedComponentNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IOpenApiSchema> _componentSchemas = new(StringComparer.Ordinal);
    private readonly List<TypeDeclarationSpec> _declarations = [];
    private readonly Dictionary<string, ObjectSpec> _objects = new(StringComparer.Ordinal);
    private readonly HashSet<string> _integerEnums = new(StringComparer.Ordinal);
    private readonly Dictionary<IOpenApiSchema, TypeRef> _inline = new(SchemaShapes.Identity);

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

    /// <summary>
    /// Reserves the names of the component schemas that become types, so inline types never take them, and finds the
    /// polymorphic bases (a discriminator, and schemas that extend them through <c>allOf</c>).
    /// </summary>
    public void ReserveComponentNames(IDictionary<string, IOpenApiSchema>? schemas)
    {
        foreach (KeyValuePair<string, IOpenApiSchema> entry in schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            _componentSchemas[ComponentKey(entry.Key)] = entry.Value;
            if (SchemaShapes.NeedsDeclaration(entry.Value))
            {
                _reservedComponentNames[ComponentKey(entry.Key)] = AllocateTypeName(CustomName(entry.Value) ?? TypeName(entry.Key), entry.Value);
            }
        }

        FindHierarchies();
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
            IOpenApiSchema? final = SchemaShapes.Resolve(reference, out bool loops);
            if (final is null)
            {
                // A reference to nothing was reported by the reader (AG0004), and so are most that loop, at each use (AG0012).
                string target = reference.Reference.ReferenceV3 ?? reference.Reference.Id ?? nameHint;
                if (loops && !_diagnostics.Contains(DiagnosticDescriptors.ReferenceCycle, target))
                {
                    _diagnostics.AddAtPointer(DiagnosticDescriptors.ReferenceCycle, pointer, target);
                }

                allowsNull = true;
                return Primitives.JsonNode;
            }

            allowsNull = SchemaShapes.AllowsNull(final);
            string id = reference.Reference.Id ?? nameHint;
            return MapComponent(ComponentKey(id), SchemaShapes.RefId(id), reference.Target!);
        }

        allowsNull = SchemaShapes.AllowsNull(schema);
        if (schema.Not is not null)
        {
            _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer + "/not", "'not' cannot be expressed in C#", nameHint, "the rest of the schema, without the 'not'");
        }

        // allOf with one member is how specs attach a description or nullability to a $ref.
        if (schema.AllOf is { Count: 1 } && SchemaShapes.IsEmptyApartFromComposition(schema) && !SchemaShapes.HasProperties(schema))
        {
            TypeRef inner = Map(schema.AllOf[0], nameHint, pointer + "/allOf/0", out bool innerNull);
            allowsNull |= innerNull;
            return inner;
        }

        IList<IOpenApiSchema>? alternatives = SchemaShapes.Alternatives(schema);
        if (alternatives is not null)
        {
            List<(IOpenApiSchema Schema, int Index)> nonNull = alternatives.Select((s, i) => (s, i)).Where(a => !SchemaShapes.IsNullSchema(a.s)).ToList();
            allowsNull |= nonNull.Count < alternatives.Count;
            if (nonNull.Count == 1 && SchemaShapes.IsEmptyApartFromComposition(schema))
            {
                TypeRef inner = Map(nonNull[0].Schema, nameHint, pointer + "/" + SchemaShapes.AlternativesKeyword(schema) + "/" + nonNull[0].Index, out bool innerNull);
                allowsNull |= innerNull;
                return inner;
            }
        }

        if (SchemaShapes.NeedsDeclaration(schema))
        {
            // An inline schema met again (through a cycle of references around it) is the type it already became.
            if (_inline.TryGetValue(schema, out TypeRef? declared))
            {
                return declared;
            }

            string name = AllocateTypeName(CustomName(schema) ?? Identifier.Cap(nameHint), schema);
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

        string pointer = "#/components/schemas/" + SourceLocator.Escape(name);
        if (SchemaShapes.NeedsDeclaration(target))
        {
            if (!_reservedComponentNames.TryGetValue(key, out string? typeName))
            {
                typeName = AllocateTypeName(TypeName(name), target);
            }

            return Declare(typeName, target, pointer, key);
        }

        // A primitive, array or map alias: used in place, under its own name for any inline types it needs.
        _components[key] = Primitives.JsonNode;
        TypeRef mapped = Map(target, TypeName(name), pointer, out _);
        _components[key] = mapped;
        return mapped;
    }

    private TypeRef Declare(string name, IOpenApiSchema schema, string pointer, string? componentKey = null)
    {
        TypeKind kind = SchemaShapes.DeclarationKind(schema);
        var type = new TypeRef(kind, _infoNames.Allocate(name), name);
        if (componentKey is not null)
        {
            // Registered before the members are mapped, so recursive schemas refer back to this type.
            _components[componentKey] = type;
        }
        else
        {
            _inline[schema] = type;
        }

        TypeDeclarationSpec declaration;
        switch (kind)
        {
            case TypeKind.Enum:
                EnumSpec enumeration = BuildEnum(name, schema);
                if (enumeration.IsInteger)
                {
                    _integerEnums.Add(name);
                }

                declaration = enumeration;
                break;
            case TypeKind.Union:
                UnionSpec? union = BuildUnion(name, schema, pointer);
                if (union is null)
                {
                    if (componentKey is not null)
                    {
                        _components[componentKey] = Primitives.JsonNode;
                    }
                    else
                    {
                        _inline[schema] = Primitives.JsonNode;
                    }

                    return Primitives.JsonNode;
                }

                declaration = union;
                break;
            default:
                ObjectSpec model = BuildObject(name, schema, pointer, componentKey);
                _objects[name] = model;
                declaration = model;
                break;
        }

        _declarations.Add(declaration);
        _json.Register(type, nullable: false);
        return type;
    }

    private TypeRef MapStructural(IOpenApiSchema schema, string nameHint, string pointer)
    {
        JsonSchemaType type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type == 0 && schema.Items is not null)
        {
            type = JsonSchemaType.Array;
        }

        if (type == 0 && schema.Const is not null)
        {
            type = JsonSchemaType.String;
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
                return Primitives.ListOf(item, itemNull);
            case JsonSchemaType.Object:
            case 0 when schema.AdditionalProperties is not null:
                if (schema.AdditionalProperties is { } values)
                {
                    TypeRef value = Map(values, nameHint + "Value", pointer + "/additionalProperties", out bool valueNull);
                    return Primitives.MapOf(value, valueNull);
                }

                return Primitives.JsonObject;
            case 0:
                return Primitives.JsonNode;
            default:
                // Several types, e.g. [string, integer]: a union with one variant per type.
                return DeclareTypeUnion(_typeNames.Allocate(CustomName(schema) ?? Identifier.Cap(nameHint), ReservedNames.UnionMembers), schema, type);
        }
    }

    // A declaration cannot be named like one of its own members (CS0542): an open enum called Value becomes Value2.
    private string AllocateTypeName(string preferred, IOpenApiSchema schema) => SchemaShapes.DeclarationKind(schema) switch
    {
        TypeKind.Enum => _typeNames.Allocate(preferred, ReservedNames.EnumMembers),
        TypeKind.Union => _typeNames.Allocate(preferred, ReservedNames.UnionMembers),
        _ => _typeNames.Allocate(preferred),
    };

    private static string TypeName(string componentName) => Identifier.ToPascalCase(componentName, "_", "Model");

    /// <summary>
    /// The <c>x-csharp-name</c> of a schema, property or parameter, when it is a valid C# name. A <c>$ref</c>'s
    /// extensions are its target's, which name the target, not this use of it.
    /// </summary>
    private static string? CustomName(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && VendorExtensions.GetString(schema.Extensions, VendorExtensions.CSharpName) is { } name && Identifier.IsValid(name) ? name : null;

    private static string ComponentKey(string id) => "#/components/schemas/" + id;
}

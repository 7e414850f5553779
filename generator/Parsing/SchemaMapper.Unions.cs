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
/// <c>oneOf</c>/<c>anyOf</c> schemas. The reader picks a variant deterministically, never by trial and error: first by
/// the JSON token (string, number, boolean, object, array); among object variants by the discriminator, then by the
/// properties each variant requires. Variants that share a token and cannot be told apart otherwise are merged
/// (several string formats become <c>string</c>, integer and number become <c>double</c>...).
/// </summary>
internal sealed partial class SchemaMapper
{
    private const int MaxUnionDepth = 8;

    private readonly Dictionary<string, string> _implicitDiscriminators = new(StringComparer.Ordinal);

    private UnionSpec? BuildUnion(string name, IOpenApiSchema schema, string pointer)
    {
        string keyword = SchemaShapes.AlternativesKeyword(schema);
        var alternatives = new List<(IOpenApiSchema Schema, string Pointer)>();
        Flatten(schema, pointer, 0, alternatives);

        var mapped = new List<(IOpenApiSchema Schema, TypeRef Type, JsonShape Shape)>();
        for (int i = 0; i < alternatives.Count; i++)
        {
            TypeRef type = Map(alternatives[i].Schema, name + "Variant" + (i + 1), alternatives[i].Pointer, out _);
            mapped.Add((alternatives[i].Schema, type, ShapeOf(type)));
        }

        var variants = new List<UnionVariantSpec>();
        NameScope variantNames = VariantNames(name);
        string? discriminator = schema.Discriminator?.PropertyName ?? CommonDiscriminator(mapped.Where(m => m.Shape == JsonShape.Object).Select(m => m.Type));
        foreach (IGrouping<JsonShape, (IOpenApiSchema Schema, TypeRef Type, JsonShape Shape)> group in mapped.GroupBy(m => m.Shape).OrderBy(g => mapped.FindIndex(m => m.Shape == g.Key)))
        {
            List<(IOpenApiSchema Schema, TypeRef Type, JsonShape Shape)> members = group.GroupBy(m => m.Type).Select(g => g.First()).ToList();
            if (group.Key == JsonShape.Object && members.Count > 1 && members.All(m => m.Type.Kind == TypeKind.Model))
            {
                AddObjectVariants(name, schema, pointer + "/" + keyword, discriminator, members, variants, variantNames);
                continue;
            }

            TypeRef type = members.Count == 1 ? members[0].Type : Merge(group.Key, members.Select(m => m.Type).ToList());
            if (type.Kind == TypeKind.Union)
            {
                // A union inside a union whose variants could not be flattened: keep it as JSON.
                type = Primitives.JsonNode;
            }

            _json.Register(type, nullable: false);
            variants.Add(new UnionVariantSpec(variantNames.Allocate(VariantName(type)), type, group.Key, members.Count == 1 ? SchemaShapes.OwnDescription(members[0].Schema) : null));
        }

        if (variants.Count == 0)
        {
            return null;
        }

        return new UnionSpec(name, schema.Description ?? schema.Title, schema.Deprecated, variants.ToEquatableArray(),
            variants.Any(v => v.DiscriminatorValues.Count > 0) ? (_implicitDiscriminators.TryGetValue(name, out string? found) ? found : discriminator) : null);
    }

    // A 3.1 type array such as [string, integer]: one variant per JSON type, numbers merged.
    private TypeRef DeclareTypeUnion(string name, IOpenApiSchema schema, JsonSchemaType types)
    {
        var variants = new List<UnionVariantSpec>();
        NameScope variantNames = VariantNames(name);
        void Add(TypeRef type, JsonShape shape)
        {
            _json.Register(type, nullable: false);
            variants.Add(new UnionVariantSpec(variantNames.Allocate(VariantName(type)), type, shape, null));
        }

        if ((types & JsonSchemaType.String) != 0)
        {
            Add(Primitives.ForString(schema.Format), JsonShape.String);
        }

        if ((types & JsonSchemaType.Number) != 0)
        {
            Add(Primitives.ForNumber(schema.Format), JsonShape.Number);
        }
        else if ((types & JsonSchemaType.Integer) != 0)
        {
            Add(Primitives.ForInteger(schema.Format), JsonShape.Number);
        }

        if ((types & JsonSchemaType.Boolean) != 0)
        {
            Add(Primitives.Boolean, JsonShape.Boolean);
        }

        if ((types & JsonSchemaType.Object) != 0)
        {
            Add(Primitives.JsonObject, JsonShape.Object);
        }

        if ((types & JsonSchemaType.Array) != 0)
        {
            Add(Primitives.ListOf(Primitives.JsonNode, itemNull: true), JsonShape.Array);
        }

        var type = new TypeRef(TypeKind.Union, _infoNames.Allocate(name), name);
        _declarations.Add(new UnionSpec(name, schema.Description ?? schema.Title, schema.Deprecated, variants.ToEquatableArray()));
        _json.Register(type, nullable: false);
        return type;
    }

    // Inline oneOf/anyOf inside a variant, and $refs to pure unions, are lifted into this union.
    private static void Flatten(IOpenApiSchema schema, string pointer, int depth, List<(IOpenApiSchema, string)> into)
    {
        IList<IOpenApiSchema> alternatives = SchemaShapes.Alternatives(schema)!;
        string keyword = SchemaShapes.AlternativesKeyword(schema);
        for (int i = 0; i < alternatives.Count; i++)
        {
            IOpenApiSchema alternative = alternatives[i];
            string at = pointer + "/" + keyword + "/" + i;
            if (SchemaShapes.IsNullSchema(alternative))
            {
                continue;
            }

            IOpenApiSchema resolved = SchemaShapes.Resolve(alternative, out _) ?? SchemaShapes.Any;
            if (depth < MaxUnionDepth && SchemaShapes.Alternatives(resolved) is not null && !SchemaShapes.HasProperties(resolved) && resolved.Discriminator is null)
            {
                Flatten(resolved, at, depth + 1, into);
                continue;
            }

            into.Add((alternative, at));
        }
    }

    private void AddObjectVariants(string name, IOpenApiSchema schema, string pointer, string? discriminator,
        List<(IOpenApiSchema Schema, TypeRef Type, JsonShape Shape)> members, List<UnionVariantSpec> variants, NameScope variantNames)
    {
        // Without a declared discriminator, a property whose schema allows one value per variant serves as one.
        List<string>? implicitValues = null;
        if (discriminator is null && ImplicitDiscriminator(members.Select(m => m.Schema).ToList()) is { } found)
        {
            (discriminator, implicitValues) = found;
            _implicitDiscriminators[name] = discriminator;
        }

        var added = new List<UnionVariantSpec>();
        for (int index = 0; index < members.Count; index++)
        {
            (IOpenApiSchema variantSchema, TypeRef type, _) = members[index];
            // A variant whose class is still being built (it refers back to this union, and was met first) has no
            // model yet: its wire names then come from its schema.
            ObjectSpec? model = FindObject(type.Name!);
            (EquatableArray<string> requiredNames, EquatableArray<string> allNames) = model is not null
                ? (AllProperties(model).Where(p => p.IsRequired).Select(p => p.JsonName).ToEquatableArray(), AllProperties(model).Select(p => p.JsonName).ToEquatableArray())
                : WireNames(variantSchema);
            List<string> values = implicitValues is not null ? [implicitValues[index]] : discriminator is null ? [] : DiscriminatorValues(schema, variantSchema, model);
            _json.Register(type, nullable: false);
            added.Add(new UnionVariantSpec(variantNames.Allocate(VariantName(type)), type, JsonShape.Object, SchemaShapes.OwnDescription(variantSchema),
                values.ToEquatableArray(), requiredNames, allNames));
        }

        // Without a discriminator, variants whose required properties are the same cannot be told apart: the first wins.
        if (added.Any(v => v.DiscriminatorValues.Count == 0))
        {
            foreach (IGrouping<string, UnionVariantSpec> same in added.GroupBy(v => string.Join(",", v.RequiredJsonNames.OrderBy(n => n, StringComparer.Ordinal))).Where(g => g.Count() > 1))
            {
                _diagnostics.AddAtPointer(DiagnosticDescriptors.UnsupportedSchema, pointer,
                    "Variants " + string.Join(", ", same.Select(v => v.Type.Name)) + " require the same properties and have no discriminator, so a value matching several is read as the first",
                    name, "the union " + name);
            }
        }

        variants.AddRange(added);
    }

    // A property every variant has, whose schema allows one string per variant (a one-value enum or a const), all different.
    private static (string Name, List<string> Values)? ImplicitDiscriminator(List<IOpenApiSchema> variants)
    {
        var perVariant = new List<Dictionary<string, string>>();
        foreach (IOpenApiSchema variant in variants)
        {
            IOpenApiSchema resolved = SchemaShapes.Resolve(variant, out _) ?? SchemaShapes.Any;
            var singles = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string property, IOpenApiSchema propertySchema, _, _) in CollectProperties(resolved, string.Empty, null))
            {
                if (SingleValue(propertySchema) is { } value)
                {
                    singles[property] = value;
                }
            }

            perVariant.Add(singles);
        }

        foreach (string candidate in perVariant[0].Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (perVariant.All(v => v.ContainsKey(candidate)))
            {
                List<string> values = perVariant.Select(v => v[candidate]).ToList();
                if (values.Distinct(StringComparer.Ordinal).Count() == values.Count)
                {
                    return (candidate, values);
                }
            }
        }

        return null;
    }

    private static string? SingleValue(IOpenApiSchema schema)
    {
        IOpenApiSchema resolved = SchemaShapes.Resolve(schema, out _) ?? SchemaShapes.Any;
        if (resolved.Const is { } constant)
        {
            return constant;
        }

        return resolved.Enum is { Count: 1 } && resolved.Enum[0] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }

    // The values that select a variant: the union's mapping, else the variant's schema name; a derived class also
    // answers to its own discriminator value.
    private static (EquatableArray<string> Required, EquatableArray<string> All) WireNames(IOpenApiSchema variant)
    {
        var properties = CollectProperties(variant, string.Empty, baseKey: null).ToList();
        return (properties.Where(p => p.Required).Select(p => p.Name).ToEquatableArray(), properties.Select(p => p.Name).ToEquatableArray());
    }

    private static List<string> DiscriminatorValues(IOpenApiSchema union, IOpenApiSchema variant, ObjectSpec? model)
    {
        var values = new List<string>();
        string? id = variant is OpenApiSchemaReference { Reference.Id: { } refId } ? refId : null;
        foreach (KeyValuePair<string, OpenApiSchemaReference> mapping in union.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            if (id is not null && mapping.Value is not null && SchemaShapes.RefId(mapping.Value.Reference.ReferenceV3 ?? mapping.Value.Reference.Id ?? string.Empty) == id)
            {
                values.Add(mapping.Key);
            }
        }

        if (values.Count == 0 && model?.DiscriminatorValue is { } own)
        {
            values.Add(own);
        }

        if (values.Count == 0 && id is not null)
        {
            values.Add(id);
        }

        return values;
    }

    // Object variants that all derive from bases with the same discriminator share it.
    private string? CommonDiscriminator(IEnumerable<TypeRef> types)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (TypeRef type in types)
        {
            ObjectSpec? model = type.Kind == TypeKind.Model ? FindObject(type.Name!) : null;
            string? name = null;
            for (ObjectSpec? current = model; current is not null && name is null; current = current.BaseTypeName is { } b ? FindObject(b) : null)
            {
                name = current.Polymorphism?.PropertyJsonName;
            }

            if (name is null)
            {
                return null;
            }

            names.Add(name);
        }

        return names.Count == 1 ? names.First() : null;
    }

    private static TypeRef Merge(JsonShape shape, List<TypeRef> types) => shape switch
    {
        JsonShape.String => Primitives.String,
        JsonShape.Number => types.All(t => t.Kind is TypeKind.Int32 or TypeKind.Int64) ? Primitives.Int64 : Primitives.Double,
        JsonShape.Boolean => Primitives.Boolean,
        JsonShape.Array => Primitives.ListOf(Primitives.JsonNode, itemNull: true),
        _ => Primitives.JsonObject,
    };

    /// <summary>The JSON token a value of this type starts with.</summary>
    private JsonShape ShapeOf(TypeRef type) => type.Kind switch
    {
        TypeKind.List => JsonShape.Array,
        TypeKind.Model or TypeKind.Map or TypeKind.Union or TypeKind.JsonNode or TypeKind.JsonObject or TypeKind.JsonElement => JsonShape.Object,
        TypeKind.Enum => _integerEnums.Contains(type.Name!) ? JsonShape.Number : JsonShape.String,
        TypeKind.Boolean => JsonShape.Boolean,
        _ when type.IsNumber => JsonShape.Number,
        _ => JsonShape.String,
    };

    // The members of a union are Value, Converter and an Is/As pair per variant: no variant may be called so that
    // IsX or AsX is the union's own name (CS0542).
    private static NameScope VariantNames(string union)
    {
        bool prefixed = union.Length > 2 && (union.StartsWith("Is", StringComparison.Ordinal) || union.StartsWith("As", StringComparison.Ordinal));
        return new NameScope(prefixed ? [union, "Value", "Converter", union.Substring(2)] : [union, "Value", "Converter"]);
    }

    /// <summary>The suffix of a variant's members: the declared type's name, else the metadata name of the type or of its items.</summary>
    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.List => ElementName(type.Element!) + "List",
        TypeKind.Map => ElementName(type.Element!) + "Map",
        _ => ElementName(type),
    };

    private static string ElementName(TypeRef type) => type.Name ?? type.InfoName;
}

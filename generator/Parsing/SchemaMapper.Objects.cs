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
/// Object schemas: properties, composition (<c>allOf</c> flattened into one class) and inheritance (a schema that
/// extends a base with a <c>discriminator</c> through <c>allOf</c> becomes a derived C# class).
/// </summary>
internal sealed partial class SchemaMapper
{
    // Polymorphic bases (component key) with their (discriminator value, child component key) pairs, and each
    // child's base.
    private readonly Dictionary<string, List<(string Value, string ChildKey)>> _bases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _baseOf = new(StringComparer.Ordinal);

    private void FindHierarchies()
    {
        foreach (KeyValuePair<string, IOpenApiSchema> entry in _componentSchemas)
        {
            if (SchemaShapes.Resolve(entry.Value, out _) is null)
            {
                continue;
            }

            if (entry.Value.Discriminator?.PropertyName is not null && SchemaShapes.Alternatives(entry.Value) is null)
            {
                _bases[entry.Key] = [];
            }
        }

        foreach (KeyValuePair<string, IOpenApiSchema> entry in _componentSchemas)
        {
            foreach (IOpenApiSchema part in SchemaShapes.Safe(entry.Value).AllOf ?? [])
            {
                if (part is OpenApiSchemaReference { Reference.Id: { } baseId } && ComponentKey(baseId) is var baseKey
                    && baseKey != entry.Key && _bases.ContainsKey(baseKey) && !IsAncestor(entry.Key, baseKey))
                {
                    _baseOf[entry.Key] = baseKey;
                    break;
                }
            }
        }

        foreach (KeyValuePair<string, List<(string Value, string ChildKey)>> entry in _bases)
        {
            OpenApiDiscriminator discriminator = _componentSchemas[entry.Key].Discriminator!;
            var mapped = new HashSet<string>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, OpenApiSchemaReference> mapping in discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            {
                string childKey = ComponentKey(SchemaShapes.RefId(mapping.Value.Reference.ReferenceV3 ?? mapping.Value.Reference.Id ?? string.Empty));
                if (_baseOf.TryGetValue(childKey, out string? parent) && parent == entry.Key)
                {
                    entry.Value.Add((mapping.Key, childKey));
                    mapped.Add(childKey);
                }
            }

            // Children the mapping does not name are selected by their schema name, as OpenAPI says.
            foreach (KeyValuePair<string, string> child in _baseOf.Where(c => c.Value == entry.Key && !mapped.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                entry.Value.Add((SchemaShapes.RefId(child.Key), child.Key));
            }
        }
    }

    // Whether 'candidate' is already an ancestor chain member of 'key' (an allOf cycle would never end).
    private bool IsAncestor(string key, string candidate)
    {
        for (string? current = candidate; current is not null; current = _baseOf.TryGetValue(current, out string? next) ? next : null)
        {
            if (current == key)
            {
                return true;
            }
        }

        return false;
    }

    private ObjectSpec BuildObject(string name, IOpenApiSchema schema, string pointer, string? componentKey)
    {
        // A derived class: its base is mapped first, and the base's properties are not repeated.
        ObjectSpec? baseModel = null;
        string? baseKey = null;
        if (componentKey is not null && _baseOf.TryGetValue(componentKey, out baseKey))
        {
            TypeRef baseType = MapComponent(baseKey, SchemaShapes.RefId(baseKey), _componentSchemas[baseKey]);
            baseModel = baseType.Kind == TypeKind.Model ? FindObject(baseType.Name!) : null;
            if (baseModel is null)
            {
                baseKey = null;
            }
        }

        IReadOnlyList<PropertySpec> inherited = baseModel is null ? [] : AllProperties(baseModel);
        // object's members too: a property named ToString or Equals would hide them (CS0108).
        var members = new NameScope([name, .. ReservedNames.ObjectMembers, .. inherited.SelectMany(MemberNames)]);
        string? discriminator = componentKey is not null && _bases.TryGetValue(componentKey, out var children) && children.Count > 0
            ? schema.Discriminator!.PropertyName
            : null;
        var properties = new List<PropertySpec>();
        var tracked = new List<int>();
        var aliases = new List<(int Index, string Target, string Pointer)>();
        foreach ((string wireName, IOpenApiSchema declared, bool required, string propertyPointer) in CollectProperties(schema, pointer, baseKey))
        {
            // A reference that loops stays as it is for Map (which reports it); its other facts are read from Any.
            IOpenApiSchema propertySchema = SchemaShapes.Safe(declared);
            if (inherited.Any(p => p.JsonName == wireName))
            {
                continue;
            }

            string pascal = Identifier.ToPascalCase(wireName, "_", "Property");
            string propertyName = members.Allocate(CustomName(propertySchema) ?? pascal);
            TypeRef type = Map(declared, name + pascal, propertyPointer, out bool allowsNull);
            bool nullable = !required || allowsNull;
            _json.Register(type, nullable);
            if (VendorExtensions.GetString(propertySchema.Extensions, VendorExtensions.AliasOf) is { } target)
            {
                aliases.Add((properties.Count, target, propertyPointer));
            }

            // An optional property whose schema allows null has three states on the wire (absent, null, a value): it
            // remembers whether it was assigned. A read-only one is never sent, so it has nothing to remember.
            if (!required && allowsNull && !propertySchema.ReadOnly)
            {
                tracked.Add(properties.Count);
            }

            properties.Add(new PropertySpec(propertyName, wireName, type, required, nullable, Describe(propertySchema), propertySchema.Deprecated,
                ReadOnly: propertySchema.ReadOnly, WriteOnly: propertySchema.WriteOnly, IsDiscriminator: wireName == discriminator,
                DefaultValue: SchemaShapes.DefaultText(propertySchema)));
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
        string? extensionData = schema.AdditionalProperties is not null && baseModel?.ExtensionDataName is null ? members.Allocate("AdditionalProperties") : null;
        if (extensionData is not null)
        {
            _json.Register(Primitives.ExtensionData, nullable: false);
        }

        // The tracking members are named after every property, so that they never change a property's name.
        foreach (int index in tracked)
        {
            string bare = Identifier.Unescape(Identifier.ToCamelCase(properties[index].Name));
            properties[index] = properties[index] with
            {
                Assignment = new AssignmentSpec(members.Allocate("_" + bare), members.Allocate("Is" + properties[index].Name + "Assigned")),
            };
        }

        PolymorphismSpec? polymorphism = discriminator is null ? null : Polymorphism(componentKey!, discriminator, properties.Concat(inherited));
        string? discriminatorValue = baseKey is not null ? _bases[baseKey].FirstOrDefault(c => c.ChildKey == componentKey).Value : null;
        return new ObjectSpec(name, schema.Description ?? schema.Title, schema.Deprecated, properties.ToEquatableArray(), extensionData,
            baseModel?.Name, polymorphism, discriminatorValue);
    }

    private PolymorphismSpec Polymorphism(string baseKey, string discriminator, IEnumerable<PropertySpec> properties)
    {
        var derived = new List<DerivedTypeSpec>();
        // The derived classes' names were reserved up front; they are built later, once this base is complete.
        foreach ((string value, string childKey) in _bases[baseKey])
        {
            if (_reservedComponentNames.TryGetValue(childKey, out string? child))
            {
                derived.Add(new DerivedTypeSpec(value, child));
            }
        }

        return new PolymorphismSpec(discriminator, properties.FirstOrDefault(p => p.JsonName == discriminator)?.Name, derived.ToEquatableArray());
    }

    /// <summary>The properties of a class and of its base classes, base first.</summary>
    public IReadOnlyList<PropertySpec> AllProperties(ObjectSpec model)
    {
        var chain = new List<ObjectSpec>();
        for (ObjectSpec? current = model; current is not null && chain.Count < 32; current = current.BaseTypeName is { } b ? FindObject(b) : null)
        {
            chain.Insert(0, current);
        }

        return chain.SelectMany(m => m.Properties).ToList();
    }

    // The names a class's members take, so that a derived class declares none of them again.
    private static IEnumerable<string> MemberNames(PropertySpec property) =>
        property.Assignment is { } assignment ? [property.Name, assignment.FieldName, assignment.FlagName] : [property.Name];

    private static string? Describe(IOpenApiSchema schema)
    {
        string? description = SchemaShapes.OwnDescription(schema);
        return schema.Const is { } constant ? (description is null ? string.Empty : description + "\n\n") + "Always `" + constant + "`." : description;
    }

    // Properties of the schema and of every allOf member (composition flattened into one class), first wins; the
    // allOf member that is the base class is left out.
    private static IEnumerable<(string Name, IOpenApiSchema Schema, bool Required, string Pointer)> CollectProperties(IOpenApiSchema schema, string pointer, string? baseKey)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(string, IOpenApiSchema, bool, string)>();
        // Each schema is walked once: an allOf that names the same schema twice, inside a cycle, would otherwise
        // double the walk at every level (docs/diagnostics.md#safety).
        var visited = new HashSet<IOpenApiSchema>(SchemaShapes.Identity);
        Collect(schema, pointer, 0);
        return result.Select(p => (p.Item1, p.Item2, required.Contains(p.Item1), p.Item4));

        void Collect(IOpenApiSchema current, string at, int depth)
        {
            current = SchemaShapes.Resolve(current, out _) ?? SchemaShapes.Any;
            if (depth > 32 || !visited.Add(current))
            {
                return;
            }

            foreach (string name in current.Required ?? new HashSet<string>())
            {
                required.Add(name);
            }

            foreach (KeyValuePair<string, IOpenApiSchema> property in current.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (property.Value is not null && seen.Add(property.Key))
                {
                    result.Add((property.Key, property.Value, false, at + "/properties/" + SourceLocator.Escape(property.Key)));
                }
            }

            for (int i = 0; i < (current.AllOf?.Count ?? 0); i++)
            {
                IOpenApiSchema part = current.AllOf![i];
                if (depth == 0 && baseKey is not null && part is OpenApiSchemaReference { Reference.Id: { } id } && ComponentKey(id) == baseKey)
                {
                    continue;
                }

                Collect(part, at + "/allOf/" + i, depth + 1);
            }
        }
    }
}

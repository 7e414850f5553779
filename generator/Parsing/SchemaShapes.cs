using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using AutoSend.Gen.Model;
using Microsoft.OpenApi;

namespace AutoSend.Gen.Parsing;

/// <summary>Questions about the shape of a schema that decide which C# construct it becomes.</summary>
internal static class SchemaShapes
{
    /// <summary>Whether a schema becomes a declared type rather than a type used in place.</summary>
    public static bool NeedsDeclaration(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return false;
        }

        if (IsStringEnum(schema) || IsIntegerEnum(schema) || HasProperties(schema))
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

    /// <summary>What a schema that <see cref="NeedsDeclaration"/> is declared as: an enum, a union or a class.</summary>
    public static TypeKind DeclarationKind(IOpenApiSchema schema) =>
        IsStringEnum(schema) || IsIntegerEnum(schema) ? TypeKind.Enum
        : Alternatives(schema) is not null && !HasProperties(schema) ? TypeKind.Union
        : TypeKind.Model;

    public static bool HasProperties(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || (schema.AllOf is { Count: > 1 } && schema.AllOf.Any(a => a is OpenApiSchemaReference || a.Properties is { Count: > 0 }))
        || (schema.AllOf is { Count: 1 } && schema.Discriminator is null && schema.AllOf[0] is OpenApiSchemaReference && Resolve(schema.AllOf[0], out _) is { Discriminator: not null });

    public static bool IsStringEnum(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } && schema.Enum.All(v => v is null || (v is JsonValue value && value.TryGetValue(out string? _)))
        && schema.Enum.Any(v => v is not null);

    public static bool IsIntegerEnum(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } && ((schema.Type ?? 0) & ~JsonSchemaType.Null) == JsonSchemaType.Integer
        && schema.Enum.All(v => v is null || IntegerValue(v) is not null)
        && schema.Enum.Any(v => v is not null);

    /// <summary>The integer a JSON node holds (whatever .NET type backs it), or null.</summary>
    public static long? IntegerValue(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long number)
            ? number
            : null;

    public static bool AllowsNull(IOpenApiSchema schema) =>
        (schema.Type is { } type && (type & JsonSchemaType.Null) != 0) || (schema.Enum?.Any(v => v is null) ?? false);

    public static bool IsNullSchema(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.Type == JsonSchemaType.Null;

    /// <summary>Longest chain of <c>$ref</c>s to <c>$ref</c>s followed; a longer one is treated as a cycle.</summary>
    public const int MaxReferenceHops = 64;

    /// <summary>Compares schemas by identity: what "walked once" means for a walk over a document's schemas.</summary>
    public static readonly IEqualityComparer<IOpenApiSchema> Identity = new IdentityComparer();

    /// <summary>A schema that allows any value: what a reference that never reaches a schema stands for.</summary>
    public static readonly IOpenApiSchema Any = new OpenApiSchema();

    /// <summary>
    /// The schema a <c>$ref</c> finally names, following references to references; the schema itself when it is no
    /// reference. Null when the chain ends nowhere, or loops (<c>A: {$ref: A}</c>, <c>A → B → A</c>): every member of
    /// such a reference throws in Microsoft.OpenApi, so nothing may read one without asking here first.
    /// </summary>
    public static IOpenApiSchema? Resolve(IOpenApiSchema schema, out bool loops)
    {
        loops = false;
        IOpenApiSchema current = schema;
        for (int hops = 0; current is OpenApiSchemaReference reference; hops++)
        {
            IOpenApiSchema? next;
            try
            {
                next = hops < MaxReferenceHops ? reference.Target : null;
            }
            catch (Exception exception) when (exception is InvalidOperationException or UriFormatException)
            {
                // "Circular reference detected while resolving ...", or a reference that is no URI (a media type such
                // as image/png copied into $ref): both end nowhere.
                next = null;
            }

            if (next is null)
            {
                loops = hops >= MaxReferenceHops || reference.Reference.Id is { } id && IsComponentDeclared(reference, id);
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>The schema, or <see cref="Any"/> in place of a reference that never reaches a schema.</summary>
    public static IOpenApiSchema Safe(IOpenApiSchema? schema) =>
        schema is null ? Any : schema is OpenApiSchemaReference && Resolve(schema, out _) is null ? Any : schema;

    // Whether the document declares the component a broken reference names (then the chain loops; else it dangles).
    private static bool IsComponentDeclared(OpenApiSchemaReference reference, string id) =>
        reference.Reference.HostDocument?.Components?.Schemas?.ContainsKey(id) ?? false;

    public static IList<IOpenApiSchema>? Alternatives(IOpenApiSchema schema) =>
        schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf is { Count: > 0 } ? schema.AnyOf : null;

    public static string AlternativesKeyword(IOpenApiSchema schema) => schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";

    public static bool IsEmptyApartFromComposition(IOpenApiSchema schema) =>
        schema.Properties is not { Count: > 0 } && schema.Enum is not { Count: > 0 } && schema.Items is null;

    /// <summary>
    /// The description written at this place: for a <c>$ref</c>, only the one beside it, not the target's (which
    /// documents the type, not this use of it).
    /// </summary>
    public static string? OwnDescription(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Reference.Description : schema.Description;

    /// <summary>A schema's <c>default</c> as JSON text, or null (also for a reference that loops).</summary>
    public static string? DefaultText(IOpenApiSchema? schema)
    {
        try
        {
            return schema?.Default?.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The component id a <c>$ref</c> points to (<c>#/components/schemas/Pet</c> or <c>Pet</c> → <c>Pet</c>).</summary>
    public static string RefId(string reference)
    {
        int slash = reference.LastIndexOf('/');
        return slash >= 0 ? reference.Substring(slash + 1) : reference;
    }

    private sealed class IdentityComparer : IEqualityComparer<IOpenApiSchema>
    {
        public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(IOpenApiSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

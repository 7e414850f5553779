using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>A type the generator declares: a model class, an open enum or a union.</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Description">Documentation from the schema.</param>
/// <param name="Deprecated">Whether the schema is marked deprecated.</param>
internal abstract record TypeDeclarationSpec(string Name, string? Description, bool Deprecated);

/// <summary>An object schema, generated as a sealed class.</summary>
/// <param name="Properties">The declared properties in document order.</param>
/// <param name="ExtensionDataName">The property that keeps unknown JSON properties, or null when they are dropped.</param>
internal sealed record ObjectSpec(
    string Name,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertySpec> Properties,
    string? ExtensionDataName)
    : TypeDeclarationSpec(Name, Description, Deprecated);

/// <summary>A property of a generated class.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The property name on the wire.</param>
/// <param name="Type">The property type.</param>
/// <param name="IsRequired">Listed in the schema's <c>required</c>: a C# <c>required</c> member, always written.</param>
/// <param name="IsNullable">Whether the value may be null: not required, or null is allowed by the schema.</param>
/// <param name="Description">Documentation from the schema.</param>
/// <param name="Deprecated">Whether the property is marked deprecated.</param>
/// <param name="AliasOf">Another property this one also fills when it is read (<c>x-alias-of</c>), e.g. an old name of <c>Id</c>.</param>
/// <param name="ReadOnly">Sent by the server only: never written into a request.</param>
/// <param name="WriteOnly">Sent by the client only: ignored when read.</param>
internal sealed record PropertySpec(
    string Name,
    string JsonName,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    string? Description,
    bool Deprecated,
    string? AliasOf = null,
    bool ReadOnly = false,
    bool WriteOnly = false);

/// <summary>A string enum, generated as an open enum: a struct that accepts any wire value.</summary>
/// <param name="Members">The known values.</param>
internal sealed record EnumSpec(
    string Name,
    string? Description,
    bool Deprecated,
    EquatableArray<EnumMemberSpec> Members)
    : TypeDeclarationSpec(Name, Description, Deprecated);

/// <summary>One known value of an open enum.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="Value">The wire value.</param>
internal sealed record EnumMemberSpec(string Name, string Value);

/// <summary>A <c>oneOf</c>/<c>anyOf</c> schema, generated as a class holding exactly one of its variants.</summary>
/// <param name="Variants">The alternatives, in document order.</param>
internal sealed record UnionSpec(
    string Name,
    string? Description,
    bool Deprecated,
    EquatableArray<UnionVariantSpec> Variants)
    : TypeDeclarationSpec(Name, Description, Deprecated);

/// <summary>The JSON token a union variant starts with; the reader picks the variant by it.</summary>
internal enum JsonShape
{
    String,
    Number,
    Boolean,
    Object,
    Array,
}

/// <summary>One alternative of a union.</summary>
/// <param name="Name">The suffix of the variant's members, e.g. <c>ApiError</c> for <c>IsApiError</c>/<c>AsApiError</c>.</param>
/// <param name="Type">The variant's type.</param>
/// <param name="Shape">The JSON token the variant starts with.</param>
/// <param name="Description">Documentation from the variant schema.</param>
internal sealed record UnionVariantSpec(string Name, TypeRef Type, JsonShape Shape, string? Description);

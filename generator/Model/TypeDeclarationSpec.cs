using AutoSend.Gen.Helpers;

namespace AutoSend.Gen.Model;

/// <summary>A type the generator declares: a model class, an open enum or a union.</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Description">Documentation from the schema.</param>
/// <param name="Deprecated">Whether the schema is marked deprecated.</param>
internal abstract record TypeDeclarationSpec(string Name, string? Description, bool Deprecated);

/// <summary>An object schema, generated as a class (sealed unless other schemas derive from it).</summary>
/// <param name="Properties">The declared properties in document order (without the base class's).</param>
/// <param name="ExtensionDataName">The property that keeps unknown JSON properties, or null when they are dropped.</param>
/// <param name="BaseTypeName">The base class, for a schema that extends a polymorphic one through <c>allOf</c>.</param>
/// <param name="Polymorphism">For a base with a discriminator: how JSON picks the derived class.</param>
/// <param name="DiscriminatorValue">For a derived class: the discriminator value its constructor sets.</param>
internal sealed record ObjectSpec(
    string Name,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertySpec> Properties,
    string? ExtensionDataName,
    string? BaseTypeName = null,
    PolymorphismSpec? Polymorphism = null,
    string? DiscriminatorValue = null)
    : TypeDeclarationSpec(Name, Description, Deprecated);

/// <summary>How the JSON of a polymorphic base class chooses the class to read into.</summary>
/// <param name="PropertyJsonName">The discriminator's wire name, e.g. <c>petType</c>.</param>
/// <param name="PropertyName">The discriminator's C# property on the base class.</param>
/// <param name="DerivedTypes">Each discriminator value with the class it selects.</param>
internal sealed record PolymorphismSpec(string PropertyJsonName, string? PropertyName, EquatableArray<DerivedTypeSpec> DerivedTypes);

/// <summary>A discriminator value and the derived class it selects.</summary>
internal sealed record DerivedTypeSpec(string Value, string TypeName);

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
/// <param name="IsDiscriminator">The discriminator of a polymorphic base: each derived class's constructor sets it.</param>
/// <param name="DefaultValue">The schema's <c>default</c> as JSON text, for the documentation (the client never sends it itself).</param>
/// <param name="Assignment">For an optional property whose schema allows null and that is sent: how it remembers being
/// assigned, so that an assigned null is written (<c>"dueAt": null</c>) and an unassigned property is left out.</param>
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
    bool WriteOnly = false,
    bool IsDiscriminator = false,
    string? DefaultValue = null,
    AssignmentSpec? Assignment = null);

/// <summary>
/// The members that track whether a property was assigned: its setter stores the value in a private field and sets a
/// flag that the JSON metadata and the fast path read. The deserializer goes through the same setter, so an explicit
/// null that was read is written back.
/// </summary>
/// <param name="FieldName">The private field that holds the value.</param>
/// <param name="FlagName">The internal read-only property that says whether the setter ran.</param>
internal sealed record AssignmentSpec(string FieldName, string FlagName);

/// <summary>A string or integer enum, generated as an open enum: a struct that accepts any wire value.</summary>
/// <param name="Members">The known values.</param>
/// <param name="IsInteger">Whether the values are integers (the struct wraps a <c>long</c>) rather than strings.</param>
internal sealed record EnumSpec(
    string Name,
    string? Description,
    bool Deprecated,
    EquatableArray<EnumMemberSpec> Members,
    bool IsInteger = false)
    : TypeDeclarationSpec(Name, Description, Deprecated);

/// <summary>One known value of an open enum.</summary>
/// <param name="Name">The C# member name.</param>
/// <param name="Value">The wire value.</param>
internal sealed record EnumMemberSpec(string Name, string Value);

/// <summary>A <c>oneOf</c>/<c>anyOf</c> schema, generated as a class holding exactly one of its variants.</summary>
/// <param name="Variants">The alternatives, in document order.</param>
/// <param name="DiscriminatorJsonName">The property whose value names the object variant, if the schema declares one.</param>
internal sealed record UnionSpec(
    string Name,
    string? Description,
    bool Deprecated,
    EquatableArray<UnionVariantSpec> Variants,
    string? DiscriminatorJsonName = null)
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
/// <param name="DiscriminatorValues">For an object variant of a discriminated union: the values that select it.</param>
/// <param name="RequiredJsonNames">For an object variant: the properties its schema requires (to tell variants apart).</param>
/// <param name="KnownJsonNames">For an object variant: every property its schema names.</param>
internal sealed record UnionVariantSpec(
    string Name,
    TypeRef Type,
    JsonShape Shape,
    string? Description,
    EquatableArray<string> DiscriminatorValues = default,
    EquatableArray<string> RequiredJsonNames = default,
    EquatableArray<string> KnownJsonNames = default);

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>How a generated property is serialized.</summary>
[Flags]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public enum ApiJsonPropertyOptions
{
    /// <summary>Always written, may be absent when read.</summary>
    None = 0,

    /// <summary>Must be present when read (the schema lists it in <c>required</c>); ignored with <see cref="WriteOnly"/>, which is never read.</summary>
    Required = 1,

    /// <summary>Not written when null (an optional property).</summary>
    OmitWhenNull = 2,

    /// <summary>Sent by the server only: never written (<c>readOnly</c>).</summary>
    ReadOnly = 4,

    /// <summary>Sent by the client only: ignored when read (<c>writeOnly</c>).</summary>
    WriteOnly = 8,

    /// <summary>Holds the JSON properties the schema does not name.</summary>
    ExtensionData = 16,
}

/// <summary>
/// Builds the System.Text.Json metadata of a generated property in one call, so that a generated JSON context holds
/// one line per property rather than a full initializer (the compile time of very large specs depends on it).
/// </summary>
/// <remarks>
/// Every property states when it is written, so the options' <c>DefaultIgnoreCondition</c> never changes what goes
/// on the wire: the schema decides. A required property is always written (null included), an optional one is left
/// out when null, one with an assignment flag is written exactly when it was assigned, and a read-only one never.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiJsonMetadata
{
    /// <summary>The metadata of one property.</summary>
    /// <param name="options">The options the metadata is created for.</param>
    /// <param name="declaringType">The generated class.</param>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The wire name (null for extension data).</param>
    /// <param name="getter">Reads the property.</param>
    /// <param name="setter">Writes the property.</param>
    /// <param name="flags">How the property is read and written.</param>
    /// <returns>The property metadata.</returns>
    public static JsonPropertyInfo Property<T>(JsonSerializerOptions options, Type declaringType, string name, string? jsonName,
        Func<object, T?> getter, Action<object, T?> setter, ApiJsonPropertyOptions flags) =>
        Create(options, declaringType, name, jsonName, getter, setter, flags, isAssigned: null);

    /// <summary>
    /// The metadata of an optional property whose schema allows null and that remembers being assigned: it is written
    /// when <paramref name="isAssigned"/> says so, even when null (<c>"dueAt": null</c> clears a field in a PATCH), and
    /// left out otherwise.
    /// </summary>
    /// <param name="options">The options the metadata is created for.</param>
    /// <param name="declaringType">The generated class.</param>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The wire name.</param>
    /// <param name="getter">Reads the property.</param>
    /// <param name="setter">Writes the property (which marks it assigned).</param>
    /// <param name="flags">How the property is read and written; <see cref="ApiJsonPropertyOptions.OmitWhenNull"/> is ignored.</param>
    /// <param name="isAssigned">Whether the property of an object was assigned.</param>
    /// <returns>The property metadata.</returns>
    public static JsonPropertyInfo Property<T>(JsonSerializerOptions options, Type declaringType, string name, string? jsonName,
        Func<object, T?> getter, Action<object, T?> setter, ApiJsonPropertyOptions flags, Func<object, bool> isAssigned)
    {
        ArgumentNullException.ThrowIfNull(isAssigned);
        return Create(options, declaringType, name, jsonName, getter, setter, flags & ~ApiJsonPropertyOptions.OmitWhenNull, isAssigned);
    }

    /// <summary>The metadata of a generated class.</summary>
    /// <param name="options">The options the metadata is created for.</param>
    /// <param name="resolver">The context that makes it.</param>
    /// <param name="create">Creates an empty instance.</param>
    /// <param name="properties">Creates the metadata of its properties through the builder it is given.</param>
    /// <param name="write">Writes an instance directly (the fast path), or null.</param>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<T> Object<T>(JsonSerializerOptions options, IJsonTypeInfoResolver resolver, Func<T> create,
        Func<ApiJsonProperties<T>, JsonPropertyInfo[]> properties, Action<Utf8JsonWriter, T?, JsonSerializerOptions>? write = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(properties);
        var values = new JsonObjectInfoValues<T>
        {
            ObjectCreator = create,
            PropertyMetadataInitializer = _ => properties(new ApiJsonProperties<T>(options)),
            SerializeHandler = write is null ? null : (writer, value) => write(writer, value, options),
        };
        return Originating(JsonMetadataServices.CreateObjectInfo(options, values), resolver);
    }

    /// <summary>The metadata of a type written and read by one converter (for <typeparamref name="T"/>, nullable or not).</summary>
    /// <param name="options">The options the metadata is created for.</param>
    /// <param name="resolver">The context that makes it.</param>
    /// <param name="converter">The converter.</param>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<T> Value<T>(JsonSerializerOptions options, IJsonTypeInfoResolver resolver, JsonConverter converter) =>
        Originating(JsonMetadataServices.CreateValueInfo<T>(options, converter), resolver);

    /// <summary>The metadata of <c>T?</c> over a value type, through the metadata of <typeparamref name="T"/>.</summary>
    /// <param name="options">The options the metadata is created for.</param>
    /// <param name="resolver">The context that makes it.</param>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<T?> Nullable<T>(JsonSerializerOptions options, IJsonTypeInfoResolver resolver)
        where T : struct =>
        Originating(JsonMetadataServices.CreateValueInfo<T?>(options, JsonMetadataServices.GetNullableConverter<T>(options)), resolver);

    /// <summary>The metadata of a read-only list.</summary>
    /// <param name="options">The options the metadata is created for.</param>
    /// <param name="resolver">The context that makes it.</param>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<IReadOnlyList<T>> List<T>(JsonSerializerOptions options, IJsonTypeInfoResolver resolver) =>
        Originating(JsonMetadataServices.CreateIEnumerableInfo<IReadOnlyList<T>, T>(options, new JsonCollectionInfoValues<IReadOnlyList<T>>()), resolver);

    /// <summary>The metadata of a read-only map with string keys.</summary>
    /// <param name="options">The options the metadata is created for.</param>
    /// <param name="resolver">The context that makes it.</param>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<IReadOnlyDictionary<string, T>> ReadOnlyMap<T>(JsonSerializerOptions options, IJsonTypeInfoResolver resolver) =>
        Originating(JsonMetadataServices.CreateIReadOnlyDictionaryInfo<IReadOnlyDictionary<string, T>, string, T>(options,
            new JsonCollectionInfoValues<IReadOnlyDictionary<string, T>> { ObjectCreator = static () => new Dictionary<string, T>() }), resolver);

    /// <summary>The metadata of a mutable map with string keys (extension data).</summary>
    /// <param name="options">The options the metadata is created for.</param>
    /// <param name="resolver">The context that makes it.</param>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<IDictionary<string, T>> Map<T>(JsonSerializerOptions options, IJsonTypeInfoResolver resolver) =>
        Originating(JsonMetadataServices.CreateIDictionaryInfo<IDictionary<string, T>, string, T>(options,
            new JsonCollectionInfoValues<IDictionary<string, T>> { ObjectCreator = static () => new Dictionary<string, T>() }), resolver);

    private static JsonTypeInfo<T> Originating<T>(JsonTypeInfo<T> info, IJsonTypeInfoResolver resolver)
    {
        info.OriginatingResolver = resolver;
        return info;
    }

    private static JsonPropertyInfo Create<T>(JsonSerializerOptions options, Type declaringType, string name, string? jsonName,
        Func<object, T?> getter, Action<object, T?> setter, ApiJsonPropertyOptions flags, Func<object, bool>? isAssigned)
    {
        bool extensionData = (flags & ApiJsonPropertyOptions.ExtensionData) != 0;
        JsonPropertyInfo info = JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<T>
        {
            IsProperty = true,
            IsPublic = true,
            DeclaringType = declaringType,
            Getter = getter,
            Setter = setter,
            // An explicit condition (Never included) keeps the options' DefaultIgnoreCondition from applying.
            IgnoreCondition = extensionData ? null
                : (flags & ApiJsonPropertyOptions.OmitWhenNull) != 0 ? JsonIgnoreCondition.WhenWritingNull
                : JsonIgnoreCondition.Never,
            IsExtensionData = extensionData,
            PropertyName = name,
            JsonPropertyName = jsonName,
        });
        // Required applies in the direction the property travels: a writeOnly property is required when sent, never
        // when read (System.Text.Json refuses a required property without a setter, which would fail the whole type).
        if ((flags & ApiJsonPropertyOptions.Required) != 0 && (flags & ApiJsonPropertyOptions.WriteOnly) == 0)
        {
            info.IsRequired = true;
        }

        if ((flags & ApiJsonPropertyOptions.ReadOnly) != 0)
        {
            info.ShouldSerialize = static (_, _) => false;
        }
        else if (isAssigned is not null)
        {
            info.ShouldSerialize = (o, _) => isAssigned(o);
        }

        if ((flags & ApiJsonPropertyOptions.WriteOnly) != 0)
        {
            info.Set = null;
        }

        return info;
    }
}

/// <summary>
/// Builds the property metadata of one generated class: one short call per property, with getters and setters typed by
/// the class, so that a generated JSON context spends one line per property (the compile time of very large documents
/// depends on it).
/// </summary>
/// <typeparam name="TOwner">The generated class.</typeparam>
/// <remarks><see cref="ApiJsonMetadata.Object{T}"/> creates it and hands it to the generated code.</remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiJsonProperties<TOwner>
    where TOwner : class
{
    private readonly JsonSerializerOptions options;

    internal ApiJsonProperties(JsonSerializerOptions options) => this.options = options;

    /// <summary>A property the schema requires: always written, must be present when read.</summary>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The wire name.</param>
    /// <param name="getter">Reads the property.</param>
    /// <param name="setter">Writes the property.</param>
    /// <returns>The property metadata.</returns>
    public JsonPropertyInfo Required<T>(string name, string jsonName, Func<TOwner, T?> getter, Action<TOwner, T?> setter) =>
        Property(name, jsonName, getter, setter, ApiJsonPropertyOptions.Required);

    /// <summary>An optional property: left out when null, may be absent when read.</summary>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The wire name.</param>
    /// <param name="getter">Reads the property.</param>
    /// <param name="setter">Writes the property.</param>
    /// <returns>The property metadata.</returns>
    public JsonPropertyInfo Optional<T>(string name, string jsonName, Func<TOwner, T?> getter, Action<TOwner, T?> setter) =>
        Property(name, jsonName, getter, setter, ApiJsonPropertyOptions.OmitWhenNull);

    /// <summary>A property with any <see cref="ApiJsonPropertyOptions"/>.</summary>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The wire name (null for extension data).</param>
    /// <param name="getter">Reads the property.</param>
    /// <param name="setter">Writes the property.</param>
    /// <param name="flags">How the property is read and written.</param>
    /// <returns>The property metadata.</returns>
    public JsonPropertyInfo Property<T>(string name, string? jsonName, Func<TOwner, T?> getter, Action<TOwner, T?> setter, ApiJsonPropertyOptions flags)
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentNullException.ThrowIfNull(setter);
        return ApiJsonMetadata.Property<T>(options, typeof(TOwner), name, jsonName, o => getter((TOwner)o), (o, v) => setter((TOwner)o, v), flags);
    }

    /// <summary>
    /// An optional property whose schema allows null and that remembers being assigned: written exactly when
    /// <paramref name="isAssigned"/> says so, null included.
    /// </summary>
    /// <param name="name">The C# property name.</param>
    /// <param name="jsonName">The wire name.</param>
    /// <param name="getter">Reads the property.</param>
    /// <param name="setter">Writes the property (which marks it assigned).</param>
    /// <param name="flags">How the property is read and written.</param>
    /// <param name="isAssigned">Whether the property of an object was assigned.</param>
    /// <returns>The property metadata.</returns>
    public JsonPropertyInfo Tracked<T>(string name, string jsonName, Func<TOwner, T?> getter, Action<TOwner, T?> setter, ApiJsonPropertyOptions flags,
        Func<TOwner, bool> isAssigned)
    {
        ArgumentNullException.ThrowIfNull(getter);
        ArgumentNullException.ThrowIfNull(setter);
        ArgumentNullException.ThrowIfNull(isAssigned);
        return ApiJsonMetadata.Property<T>(options, typeof(TOwner), name, jsonName, o => getter((TOwner)o), (o, v) => setter((TOwner)o, v), flags,
            o => isAssigned((TOwner)o));
    }
}

using System;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// The types a generated JSON context answers for, and the method that creates each one's metadata.
/// </summary>
/// <remarks>
/// <para>
/// A context that must answer for any of its types (its <c>Default</c> instance and the instances an application
/// creates, which <c>JsonTypeInfoResolver.Combine</c> may ask about any type) is given one method that knows them all.
/// </para>
/// <para>
/// The instance the client's own operations use knows only what was reached: a metadata property adds its own type when
/// it is first read, and each type's metadata adds the types of its properties, items, variants and derived classes when
/// it is created. Native AOT and trimming then keep the metadata of the types the program's calls can reach, not a
/// switch over every type of the document.
/// </para>
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiJsonTypeFactories
{
    private readonly Func<Type, JsonSerializerOptions, JsonTypeInfo?>? _all;
    private readonly ConcurrentDictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>>? _reached;

    /// <summary>Creates the factories of a context that knows only the types reached so far.</summary>
    public ApiJsonTypeFactories() => _reached = new();

    /// <summary>Creates the factories of a context that answers for every one of its types through <paramref name="all"/>.</summary>
    /// <param name="all">Creates the metadata of any of the context's types, or returns null for another type.</param>
    public ApiJsonTypeFactories(Func<Type, JsonSerializerOptions, JsonTypeInfo?> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        _all = all;
    }

    /// <summary>Makes <typeparamref name="T"/> known (nothing changes for a context that knows every type).</summary>
    /// <typeparam name="T">The type, inferred from <paramref name="factory"/>: generated contexts pass a method group.</typeparam>
    /// <param name="factory">Creates its metadata for the options given.</param>
    public void Add<T>(Func<JsonSerializerOptions, JsonTypeInfo<T>> factory) => _reached?.TryAdd(typeof(T), factory);

    /// <summary>The metadata of <paramref name="type"/>, or null when the context does not know it.</summary>
    /// <param name="type">The type asked about.</param>
    /// <param name="options">The options the metadata is created for.</param>
    /// <returns>New metadata, or null.</returns>
    public JsonTypeInfo? Create(Type type, JsonSerializerOptions options)
    {
        if (_all is not null)
        {
            return _all(type, options);
        }

        return _reached!.TryGetValue(type, out Func<JsonSerializerOptions, JsonTypeInfo>? factory) ? factory(options) : null;
    }
}

using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// Reads and writes a generated string open enum: a JSON string becomes one of the listed values when it matches one
/// (compared as UTF-8 without allocating), and a new value wrapping the string otherwise. Generated code derives one
/// converter per enum from it, so each enum carries its values and not the reading code.
/// </summary>
/// <typeparam name="T">The generated open enum.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ApiOpenEnumConverter<T> : JsonConverter<T>
    where T : struct
{
    private readonly Func<string, T> _wrap;
    private readonly Func<T, string> _value;
    private readonly byte[][] _knownUtf8;
    private readonly T[] _known;

    /// <summary>Creates the converter of an enum.</summary>
    /// <param name="wrap">Wraps a wire value the document does not list.</param>
    /// <param name="value">The wire value of an enum value.</param>
    /// <param name="known">The listed values, matched in this order.</param>
    protected ApiOpenEnumConverter(Func<string, T> wrap, Func<T, string> value, params T[] known)
    {
        _wrap = wrap ?? throw new ArgumentNullException(nameof(wrap));
        _value = value ?? throw new ArgumentNullException(nameof(value));
        _known = known ?? throw new ArgumentNullException(nameof(known));
        _knownUtf8 = new byte[known.Length][];
        for (int i = 0; i < known.Length; i++)
        {
            _knownUtf8[i] = Encoding.UTF8.GetBytes(value(known[i]));
        }
    }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected a string for " + typeof(T).Name + ", found " + reader.TokenType + ".");
        }

        for (int i = 0; i < _knownUtf8.Length; i++)
        {
            if (reader.ValueTextEquals(_knownUtf8[i]))
            {
                return _known[i];
            }
        }

        return _wrap(reader.GetString()!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStringValue(_value(value));
    }
}

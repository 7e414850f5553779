using System;
using System.Collections.Generic;
using System.Text.Json;

using AutoSend.Runtime;

namespace AutoSend.Runtime.Primitives;

/// <summary>
/// Helps generated union converters choose the variant of a JSON object without trial and error: by the
/// discriminator property, else by the properties each variant requires. Both look at a copy of the reader, on an
/// object System.Text.Json has already buffered whole for the converter.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiJsonUnion
{
    /// <summary>The string value of a top-level property of the object the reader is on, or null.</summary>
    /// <param name="reader">A copy of the reader, on the object's <c>StartObject</c>.</param>
    /// <param name="propertyName">The discriminator's name in UTF-8.</param>
    /// <returns>The value, or null when the property is missing or not a string.</returns>
    public static string? FindDiscriminator(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool match = reader.ValueTextEquals(propertyName);
            reader.Read();
            if (match)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>
    /// The variant whose required properties are all present and which knows most of the object's properties;
    /// without such a variant, the one that knows most of them. Ties go to the variant declared first.
    /// </summary>
    /// <param name="reader">A copy of the reader, on the object's <c>StartObject</c>.</param>
    /// <param name="required">Per variant, the properties its schema requires.</param>
    /// <param name="known">Per variant, every property its schema names.</param>
    /// <returns>The index of the chosen variant.</returns>
    public static int PickByProperties(Utf8JsonReader reader, string[][] required, string[][] known)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(known);
        var present = new HashSet<string>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                present.Add(reader.GetString()!);
                reader.Read();
                reader.Skip();
            }
        }

        int best = 0, bestScore = -1;
        bool bestComplete = false;
        for (int i = 0; i < known.Length; i++)
        {
            bool complete = Array.TrueForAll(required[i], present.Contains);
            int score = 0;
            foreach (string name in known[i])
            {
                if (present.Contains(name))
                {
                    score++;
                }
            }

            if ((complete && !bestComplete) || (complete == bestComplete && score > bestScore))
            {
                best = i;
                bestScore = score;
                bestComplete = complete;
            }
        }

        return best;
    }
}

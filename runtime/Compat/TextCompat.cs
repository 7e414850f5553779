#if NETSTANDARD2_0
using System;
using System.Collections.Generic;
using System.Text;

namespace AutoSend.Runtime.Compat;

/// <summary>String, span, encoding and collection members of .NET Core 2.0 and later that netstandard2.0 lacks.</summary>
internal static class TextCompat
{
    extension<T>(System.Collections.ObjectModel.ReadOnlyCollection<T>)
    {
        /// <summary>An empty collection, shared.</summary>
        public static System.Collections.ObjectModel.ReadOnlyCollection<T> Empty => EmptyCollection<T>.Instance;
    }

    /// <summary>Decodes <paramref name="bytes"/>, as <c>Encoding.GetString(ReadOnlySpan&lt;byte&gt;)</c> does.</summary>
    public static string GetString(this Encoding encoding, ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? string.Empty : encoding.GetString(bytes.ToArray());

    public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

    public static bool EndsWith(this string text, char value) => text.Length > 0 && text[^1] == value;

    public static bool Contains(this string text, char value) => text.IndexOf(value) >= 0;

    /// <summary>Replaces ordinally; netstandard2.0's two-argument <see cref="string.Replace(string, string)"/> is ordinal.</summary>
    public static string Replace(this string text, string oldValue, string? newValue, StringComparison comparison)
    {
        if (comparison != StringComparison.Ordinal)
        {
            throw new ArgumentException("Only ordinal replacement is supported on netstandard2.0.", nameof(comparison));
        }

        return text.Replace(oldValue, newValue);
    }

    /// <summary>The index of <paramref name="value"/>; netstandard2.0's <see cref="string.IndexOf(char)"/> is ordinal.</summary>
    public static int IndexOf(this string text, char value, StringComparison comparison) =>
        comparison == StringComparison.Ordinal ? text.IndexOf(value) : text.IndexOf(value.ToString(), comparison);

    public static string[] Split(this string text, char separator, StringSplitOptions options) => text.Split([separator], options);

    /// <summary>Trims the bytes in <paramref name="trimBytes"/> from the start (MemoryExtensions does on .NET 5 and later).</summary>
    public static ReadOnlySpan<byte> TrimStart(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> trimBytes)
    {
        int start = 0;
        while (start < span.Length && trimBytes.IndexOf(span[start]) >= 0)
        {
            start++;
        }

        return span[start..];
    }

    /// <summary>Trims the bytes in <paramref name="trimBytes"/> from both ends (MemoryExtensions does on .NET 5 and later).</summary>
    public static ReadOnlySpan<byte> Trim(this ReadOnlySpan<byte> span, ReadOnlySpan<byte> trimBytes)
    {
        span = span.TrimStart(trimBytes);
        int end = span.Length;
        while (end > 0 && trimBytes.IndexOf(span[end - 1]) >= 0)
        {
            end--;
        }

        return span[..end];
    }

    /// <summary>Trims a byte span through its read-only view.</summary>
    public static ReadOnlySpan<byte> Trim(this Span<byte> span, ReadOnlySpan<byte> trimBytes) => ((ReadOnlySpan<byte>)span).Trim(trimBytes);

    public static bool TryAdd<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        if (dictionary.ContainsKey(key))
        {
            return false;
        }

        dictionary.Add(key, value);
        return true;
    }
}

/// <summary>The one empty collection per item type behind <c>ReadOnlyCollection&lt;T&gt;.Empty</c>.</summary>
internal static class EmptyCollection<T>
{
    public static readonly System.Collections.ObjectModel.ReadOnlyCollection<T> Instance = new([]);
}
#endif

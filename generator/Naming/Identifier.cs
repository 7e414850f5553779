using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoSend.Gen.Naming;

/// <summary>
/// Turns arbitrary spec text (schema names, property names, operation ids, enum values) into C# identifiers:
/// words are split on separators and case changes, letters outside identifiers and every format or control character
/// (bidi overrides included) are dropped, and over-long names are cut with a stable hash so they stay unique.
/// </summary>
internal static class Identifier
{
    /// <summary>Longest identifier we emit; the compiler allows 512, but readable names are far shorter.</summary>
    public const int MaxLength = 96;

    /// <summary>PascalCase, e.g. <c>resume-campaign</c> → <c>ResumeCampaign</c>, <c>sending_gradual</c> → <c>SendingGradual</c>.</summary>
    /// <param name="text">The spec text.</param>
    /// <param name="prefixForDigit">Put before a name that would start with a digit, e.g. <c>Value</c> for <c>2x</c>.</param>
    /// <param name="fallback">Used when the text has no letters or digits at all.</param>
    public static string ToPascalCase(string text, string prefixForDigit = "_", string fallback = "Value")
    {
        var result = new StringBuilder();
        foreach (string word in SplitWords(text))
        {
            if (result.Length > 0 && char.IsDigit(result[result.Length - 1]) && char.IsDigit(word[0]))
            {
                result.Append('_');
            }

            result.Append(char.ToUpperInvariant(word[0]));
            result.Append(word.Length > 1 && IsAllUpper(word) ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        if (result.Length == 0)
        {
            return fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(result[0]))
        {
            result.Insert(0, prefixForDigit);
        }

        return Cap(result.ToString());
    }

    /// <summary>camelCase for parameters and locals, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToCamelCase(string text, string fallback = "value")
    {
        string pascal = ToPascalCase(text, "_", fallback);
        int upper = 0;
        while (upper < pascal.Length && char.IsUpper(pascal[upper]))
        {
            upper++;
        }

        // "XMLHttp" → "xmlHttp", "Id" → "id", "URL" → "url".
        int lower = upper > 1 && upper < pascal.Length ? upper - 1 : upper;
        string camel = pascal.Substring(0, lower).ToLowerInvariant() + pascal.Substring(lower);
        return EscapeKeyword(camel);
    }

    /// <summary>Whether a name given in the spec (<c>x-csharp-name</c>) can be used as it is.</summary>
    public static bool IsValid(string name) =>
        name.Length <= MaxLength && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
        && name.All(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control));

    /// <summary>Prefixes a reserved keyword with <c>@</c>.</summary>
    public static string EscapeKeyword(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The name without a leading <c>@</c>, for documentation and messages.</summary>
    public static string Unescape(string name) => name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;

    private static IEnumerable<string> SplitWords(string text)
    {
        var word = new StringBuilder();
        string normalized = text.Normalize(NormalizationForm.FormC);
        for (int i = 0; i < normalized.Length; i++)
        {
            char c = normalized[i];
            if (!IsWordCharacter(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            if (word.Length > 0 && StartsNewWord(normalized, i))
            {
                yield return word.ToString();
                word.Clear();
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    // A word boundary inside a run of letters: "resumeCampaign" at 'C', "HTTPServer" at 'S', "v2Beta" at 'B'.
    private static bool StartsNewWord(string text, int i)
    {
        char previous = text[i - 1], current = text[i];
        if (char.IsUpper(current))
        {
            return char.IsLower(previous) || char.IsDigit(previous)
                || (char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]));
        }

        return false;
    }

    private static bool IsWordCharacter(char c)
    {
        // Format characters (bidi controls, zero-width joiners) are legal in C# identifiers but invisible: never emit them.
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.ConnectorPunctuation)
        {
            return false;
        }

        return SyntaxFacts.IsIdentifierPartCharacter(c);
    }

    private static bool IsAllUpper(string word)
    {
        bool hasLetter = false;
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
        }

        return hasLetter;
    }

    /// <summary>
    /// Cuts a name longer than <paramref name="maxLength"/>, keeping it unique with a stable hash of the whole name;
    /// names built by joining others (<c>Thing</c> + <c>Nested</c> + ...) would otherwise grow past the compiler's
    /// 512-character limit (CS0645) in deeply nested schemas.
    /// </summary>
    public static string Cap(string name, int maxLength = MaxLength)
    {
        if (name.Length <= maxLength)
        {
            return name;
        }

        // FNV-1a: stable across processes and platforms, unlike string.GetHashCode.
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return name.Substring(0, maxLength - 9) + "_" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AutoSend.Gen.Emitting;

/// <summary>
/// Writes XML documentation. Spec descriptions are untrusted text; fallbacks are the generator's own XML. Text is split on every kind of line break C# knows (so a
/// description cannot end the <c>///</c> comment and start code), XML-escaped, stripped of control and bidi
/// characters, capped in length, and <c>`code`</c> spans become <c>&lt;c&gt;</c> elements.
/// </summary>
internal static class DocComment
{
    /// <summary>Descriptions longer than this are cut; IntelliSense shows far less anyway.</summary>
    public const int MaxLength = 8000;

    /// <summary>
    /// The documentation of a member that implements an interface member: the interface (every group and client has one)
    /// carries the text once, and IntelliSense shows it on both.
    /// </summary>
    public static void Inherited(SourceWriter writer) => writer.Line("/// <inheritdoc/>");

    public static void Summary(SourceWriter writer, string? text, string fallback) => Element(writer, "summary", string.Empty, text, fallback);

    public static void Remarks(SourceWriter writer, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            Element(writer, "remarks", string.Empty, text, string.Empty);
        }
    }

    /// <summary>Writes remarks from the generator's own XML, one line per <c>\n</c>-separated line.</summary>
    public static void RemarksXml(SourceWriter writer, string xml) => Element(writer, "remarks", string.Empty, null, xml);

    public static void Param(SourceWriter writer, string name, string? text, string fallback) =>
        Element(writer, "param", " name=\"" + name.TrimStart('@') + "\"", text, fallback);

    public static void Returns(SourceWriter writer, string? text, string fallback) => Element(writer, "returns", string.Empty, text, fallback);

    public static void Exception(SourceWriter writer, string cref, string xml) =>
        Element(writer, "exception", " cref=\"" + cref + "\"", null, xml);

    /// <summary>Escapes text for use inside an XML doc element on one line.</summary>
    public static string Inline(string text)
    {
        List<string> lines = Lines(text);
        return string.Join(" ", lines).Trim();
    }

    /// <summary>Writes an element from spec text (escaped) or, when there is none, from the generator's own XML.</summary>
    private static void Element(SourceWriter writer, string name, string attributes, string? text, string fallbackXml)
    {
        List<string> lines = string.IsNullOrWhiteSpace(text) ? new List<string>(fallbackXml.Split('\n')) : Lines(text!);
        if (lines.Count == 1 && lines[0].Length <= 100)
        {
            writer.Line("/// <" + name + attributes + ">" + lines[0] + "</" + name + ">");
            return;
        }

        writer.Line("/// <" + name + attributes + ">");
        bool previousBlank = false;
        foreach (string line in lines)
        {
            // Blank lines in a description separate paragraphs; keep them as <para> breaks.
            if (line.Length == 0)
            {
                if (!previousBlank)
                {
                    writer.Line("/// <para/>");
                }

                previousBlank = true;
                continue;
            }

            previousBlank = false;
            writer.Line("/// " + line);
        }

        writer.Line("/// </" + name + ">");
    }

    private static List<string> Lines(string text)
    {
        if (text.Length > MaxLength)
        {
            text = text.Substring(0, MaxLength) + "…";
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                continue;
            }

            line.Append(c);
        }

        lines.Add(line.ToString().TrimEnd());

        // Drop leading and trailing blank lines.
        while (lines.Count > 1 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 1 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        for (int i = 0; i < lines.Count; i++)
        {
            lines[i] = FormatLine(lines[i]);
        }

        return lines;
    }

    private static string FormatLine(string line)
    {
        var text = new StringBuilder(line.Length);
        bool inCode = false;
        int backticks = 0;
        foreach (char c in line)
        {
            if (c == '`')
            {
                backticks++;
            }
        }

        bool pairedBackticks = backticks > 0 && backticks % 2 == 0;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '`' && pairedBackticks)
            {
                text.Append(inCode ? "</c>" : "<c>");
                inCode = !inCode;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                text.Append(c).Append(line[++i]);
                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                    text.Append(' ');
                    continue;
                case UnicodeCategory.Format:
                    // Bidi overrides and zero-width characters could make the comment read differently from its content.
                    continue;
                case UnicodeCategory.Surrogate:
                    text.Append('\uFFFD');
                    continue;
            }

            _ = c switch
            {
                '&' => text.Append("&amp;"),
                '<' => text.Append("&lt;"),
                '>' => text.Append("&gt;"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }
}

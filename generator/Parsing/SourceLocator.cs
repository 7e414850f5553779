using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AutoSend.Gen.Model;
using SharpYaml;
using SharpYaml.Events;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// Maps places in a spec file to spans for diagnostics. The OpenAPI reader reports semantic problems as JSON pointers
/// only, so the locator walks the YAML/JSON text once (with SharpYaml's event parser, which also reads JSON) and
/// records where each requested pointer, or its nearest ancestor, starts. It runs only when there is something to report.
/// </summary>
internal sealed partial class SourceLocator
{
    private readonly string _path;
    private readonly string _text;
    private int[]? _lineStarts;

    public SourceLocator(string path, string text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>The span of a 0-based line and column, one character wide (the whole line when the column is unknown).</summary>
    public SourceSpan AtLine(int line, int column = -1)
    {
        int[] starts = LineStarts();
        line = Math.Max(0, Math.Min(line, starts.Length - 1));
        int lineStart = starts[line];
        int lineEnd = line + 1 < starts.Length ? starts[line + 1] : _text.Length;
        while (lineEnd > lineStart && _text[lineEnd - 1] is '\r' or '\n')
        {
            lineEnd--;
        }

        if (column < 0)
        {
            return new SourceSpan(_path, lineStart, lineEnd - lineStart, line, 0, line, lineEnd - lineStart);
        }

        column = Math.Min(column, lineEnd - lineStart);
        int start = lineStart + column;
        int length = start < lineEnd ? 1 : 0;
        return new SourceSpan(_path, start, length, line, column, line, column + length);
    }

    /// <summary>
    /// The 0-based line and column of the first node at the document's greatest nesting depth, or of the place where
    /// the YAML parser gave up: where a "nesting too deep" error from the reader, which names no position, belongs.
    /// Iterative, so any depth is safe.
    /// </summary>
    public static (int Line, int Column) Deepest(string text)
    {
        int depth = 0, deepest = -1;
        (int Line, int Column) at = (0, -1);
        try
        {
            IParser parser = Parser.CreateParser(new StringReader(text));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > deepest)
                        {
                            deepest = depth;
                            at = (parser.Current.Start.Line, parser.Current.Start.Column);
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            return (exception.Start.Line, exception.Start.Column);
        }

        return at;
    }

    /// <summary>
    /// Whether the text is a Swagger 2.0 document: a <c>swagger</c> key at the start of a line or after <c>{</c> or
    /// <c>,</c>, followed by a colon. A scan for the word rather than a regular expression over the whole text, which
    /// cost a third of a second on a 13 MB document.
    /// </summary>
    public static bool IsSwagger2(string text)
    {
        const string Key = "swagger";
        for (int at = text.IndexOf(Key, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Key, at + Key.Length, StringComparison.Ordinal))
        {
            if (StartsKey(text, at) && EndsKey(text, at + Key.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsKey(string text, int at)
    {
        int i = at - 1;
        if (i >= 0 && text[i] is '"' or '\'')
        {
            i--;
        }

        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] is '{' or ',' or '\n' or '\r';
    }

    private static bool EndsKey(string text, int at)
    {
        int i = at;
        if (i < text.Length && text[i] is '"' or '\'')
        {
            i++;
        }

        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < text.Length && text[i] == ':';
    }

    /// <summary>
    /// Every scalar member named <paramref name="key"/> in the text, by the JSON pointer (without <c>#</c>) of the
    /// mapping that holds it: what the OpenAPI reader does not keep (Swagger 2.0's <c>collectionFormat</c>). Best
    /// effort: a text the YAML parser cannot read yields what was found before the problem.
    /// </summary>
    public static Dictionary<string, string> ScalarsNamed(string text, string key)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var stack = new List<Frame>();
        try
        {
            IParser parser = Parser.CreateParser(new StringReader(text));
            while (parser.MoveNext())
            {
                ParsingEvent? current = parser.Current;
                if (current is MappingEnd or SequenceEnd)
                {
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                if (current is not NodeEvent)
                {
                    continue;
                }

                string pointer = string.Empty;
                if (stack.Count > 0)
                {
                    Frame parent = stack[stack.Count - 1];
                    if (parent.IsMapping && parent.ExpectingKey)
                    {
                        parent.Key = current is Scalar name ? name.Value ?? string.Empty : string.Empty;
                        parent.ExpectingKey = false;
                        if (current is MappingStart or SequenceStart)
                        {
                            stack.Add(new Frame(parent.Pointer + "/?", current is MappingStart));
                        }

                        continue;
                    }

                    if (parent.IsMapping)
                    {
                        if (parent.Key == key && current is Scalar value)
                        {
                            found[parent.Pointer ?? string.Empty] = value.Value ?? string.Empty;
                        }

                        pointer = parent.Pointer + "/" + Escape(parent.Key);
                        parent.ExpectingKey = true;
                    }
                    else
                    {
                        pointer = parent.Pointer + "/" + parent.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        parent.Index++;
                    }
                }

                if (current is MappingStart or SequenceStart)
                {
                    stack.Add(new Frame(pointer, current is MappingStart));
                }
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            // The reader already judged the text; this only refines what it read.
        }

        return found;
    }

    /// <summary>Finds the spans of JSON pointers (<c>#/paths/~1a/get</c>), each at its key, or at its nearest ancestor.</summary>
    public Dictionary<string, SourceSpan> Locate(IEnumerable<string> pointers)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var result = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (string pointer in pointers)
        {
            for (string? p = Normalize(pointer); p is not null; p = Parent(p))
            {
                wanted.Add(p);
            }
        }

        var found = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        try
        {
            if (IsJson(_text))
            {
                WalkJson(wanted, found);
            }
            else
            {
                Walk(wanted, found);
            }
        }
        catch (Exception exception) when (exception is YamlException or InvalidOperationException or System.Text.Json.JsonException)
        {
            // The reader already accepted or rejected the text; a locator failure only costs precision.
        }

        foreach (string pointer in pointers)
        {
            SourceSpan span = AtLine(0);
            for (string? p = Normalize(pointer); p is not null; p = Parent(p))
            {
                if (found.TryGetValue(p, out SourceSpan? hit))
                {
                    span = hit;
                    break;
                }
            }

            result[pointer] = span;
        }

        return result;
    }

    // Only frames whose pointer is wanted (every ancestor of a requested pointer is) build pointers for their members:
    // the rest of the document is parsed but allocates nothing, and the walk stops once everything is found.
    private void Walk(HashSet<string> wanted, Dictionary<string, SourceSpan> found)
    {
        IParser parser = Parser.CreateParser(new StringReader(_text));
        var stack = new List<Frame>();
        while (found.Count < wanted.Count && parser.MoveNext())
        {
            ParsingEvent? current = parser.Current;
            if (current is null)
            {
                continue;
            }

            if (current is MappingEnd or SequenceEnd)
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            if (current is not NodeEvent)
            {
                continue;
            }

            string? pointer;
            if (stack.Count == 0)
            {
                pointer = string.Empty;
                if (!found.ContainsKey(string.Empty))
                {
                    found[string.Empty] = AtLine(0);
                }
            }
            else
            {
                Frame parent = stack[stack.Count - 1];
                if (parent.IsMapping && parent.ExpectingKey)
                {
                    // A key: remember it; its position stands for the member it introduces.
                    parent.ExpectingKey = false;
                    parent.MemberPointer = null;
                    if (parent.Pointer is not null)
                    {
                        string memberPointer = parent.Pointer + "/" + Escape(current is Scalar scalar ? scalar.Value ?? string.Empty : string.Empty);
                        if (wanted.Contains(memberPointer))
                        {
                            parent.MemberPointer = memberPointer;
                            if (!found.ContainsKey(memberPointer))
                            {
                                found[memberPointer] = ToSpan(current.Start, current.End);
                            }
                        }
                    }

                    if (current is MappingStart or SequenceStart)
                    {
                        // A complex key: nothing in it can be wanted.
                        stack.Add(new Frame(null, current is MappingStart));
                    }

                    continue;
                }

                if (parent.IsMapping)
                {
                    pointer = parent.MemberPointer;
                    parent.ExpectingKey = true;
                }
                else
                {
                    pointer = parent.Pointer is null ? null : parent.Pointer + "/" + parent.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    parent.Index++;
                    if (pointer is not null && wanted.Contains(pointer))
                    {
                        if (!found.ContainsKey(pointer))
                        {
                            found[pointer] = ToSpan(current.Start, current.End);
                        }
                    }
                    else
                    {
                        pointer = null;
                    }
                }
            }

            if (current is MappingStart or SequenceStart)
            {
                stack.Add(new Frame(pointer, current is MappingStart));
            }
        }
    }

    private SourceSpan ToSpan(Mark start, Mark end)
    {
        int length = Math.Max(0, Math.Min(end.Index, _text.Length) - start.Index);
        if (end.Line != start.Line)
        {
            // Keep the squiggle on the first line of a multi-line node.
            return AtLine(start.Line, start.Column);
        }

        return new SourceSpan(_path, start.Index, length, start.Line, start.Column, end.Line, end.Column);
    }

    private int[] LineStarts()
    {
        if (_lineStarts is null)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < _text.Length; i++)
            {
                if (_text[i] == '\n' || (_text[i] == '\r' && (i + 1 == _text.Length || _text[i + 1] != '\n')))
                {
                    starts.Add(i + 1);
                }
            }

            _lineStarts = starts.ToArray();
        }

        return _lineStarts;
    }

    /// <summary>Makes <c>#/a/b</c> and <c>/a/b</c> alike; the document root is the empty pointer.</summary>
    private static string Normalize(string pointer)
    {
        string p = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        return p == "/" ? string.Empty : p.TrimEnd('/');
    }

    private static string? Parent(string pointer)
    {
        if (pointer.Length == 0)
        {
            return null;
        }

        int slash = pointer.LastIndexOf('/');
        return slash <= 0 ? string.Empty : pointer.Substring(0, slash);
    }

    public static string Escape(string key)
    {
        if (key.IndexOfAny(['~', '/']) < 0)
        {
            return key;
        }

        var text = new StringBuilder(key.Length + 4);
        foreach (char c in key)
        {
            _ = c switch { '~' => text.Append("~0"), '/' => text.Append("~1"), _ => text.Append(c) };
        }

        return text.ToString();
    }

    /// <summary>A mapping or sequence being walked; <see cref="Pointer"/> is null where nothing below is wanted.</summary>
    private sealed class Frame(string? pointer, bool isMapping)
    {
        public string? Pointer { get; } = pointer;

        public bool IsMapping { get; } = isMapping;

        public bool ExpectingKey { get; set; } = true;

        public string Key { get; set; } = string.Empty;

        /// <summary>The pointer of the member whose key was read last, when it is wanted.</summary>
        public string? MemberPointer { get; set; }

        public int Index { get; set; }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoSend.Gen.Model;

namespace AutoSend.Gen.Parsing;

/// <summary>
/// The locator's walk for JSON documents: System.Text.Json's reader over the UTF-8 bytes instead of the YAML event
/// parser, which spent half a second on a 13 MB document. It finds the same places: each wanted member at its key,
/// each wanted array element at its start.
/// </summary>
internal sealed partial class SourceLocator
{
    private static bool IsJson(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c == '{';
            }
        }

        return false;
    }

    private void WalkJson(HashSet<string> wanted, Dictionary<string, SourceSpan> found)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(_text);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = int.MaxValue,
        });
        var offsets = new Utf8Offsets(utf8);

        // One frame per open object or array: its pointer (null where nothing below is wanted) and, for an array, the
        // next element's index; for an object, the pointer of the member whose key was read last, when it is wanted.
        var stack = new List<(string? Pointer, bool IsArray, int Index, string? Member)>();
        found[string.Empty] = AtLine(0);
        while (found.Count < wanted.Count && reader.Read())
        {
            JsonTokenType token = reader.TokenType;
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            if (token == JsonTokenType.PropertyName)
            {
                (string? pointer, bool isArray, int index, _) = stack[stack.Count - 1];
                string? member = null;
                if (pointer is not null)
                {
                    string candidate = pointer + "/" + Escape(reader.GetString() ?? string.Empty);
                    if (wanted.Contains(candidate))
                    {
                        member = candidate;
                        if (!found.ContainsKey(candidate))
                        {
                            // The key with its quotes (the token starts at the opening quote; ValueSpan is the raw text).
                            int start = (int)reader.TokenStartIndex;
                            found[candidate] = Span(offsets, start, start + reader.ValueSpan.Length + 2);
                        }
                    }
                }

                stack[stack.Count - 1] = (pointer, isArray, index, member);
                continue;
            }

            // A value: the root, a member's value or an array element.
            string? at = string.Empty;
            if (stack.Count > 0)
            {
                (string? pointer, bool isArray, int index, string? member) = stack[stack.Count - 1];
                if (isArray)
                {
                    at = pointer is null ? null : pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
                    stack[stack.Count - 1] = (pointer, isArray, index + 1, member);
                    if (at is not null && wanted.Contains(at))
                    {
                        if (!found.ContainsKey(at))
                        {
                            int start = (int)reader.TokenStartIndex;
                            found[at] = token is JsonTokenType.StartObject or JsonTokenType.StartArray
                                ? Span(offsets, start, start + 1)
                                : Span(offsets, start, (int)reader.BytesConsumed);
                        }
                    }
                    else
                    {
                        at = null;
                    }
                }
                else
                {
                    at = member;
                }
            }

            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Add((at, token == JsonTokenType.StartArray, 0, null));
            }
        }
    }

    /// <summary>The span of UTF-8 bytes [start, end) as characters, lines and columns of the text.</summary>
    private SourceSpan Span(Utf8Offsets offsets, int start, int end)
    {
        int first = offsets.CharIndex(start);
        int last = offsets.CharIndex(end);
        int[] starts = LineStarts();
        int line = Array.BinarySearch(starts, first);
        line = line >= 0 ? line : ~line - 1;
        int column = first - starts[line];
        int lineEnd = line + 1 < starts.Length ? starts[line + 1] : _text.Length;
        int length = Math.Max(0, Math.Min(last, lineEnd) - first);
        return new SourceSpan(_path, first, length, line, column, line, column + length);
    }

    /// <summary>
    /// Turns byte offsets into character offsets, moving forward only (the walk meets offsets in order): each UTF-8
    /// sequence is one character, a four-byte one two (a surrogate pair).
    /// </summary>
    private sealed class Utf8Offsets(byte[] utf8)
    {
        private int _byte;
        private int _char;

        public int CharIndex(int offset)
        {
            if (offset < _byte)
            {
                _byte = 0;
                _char = 0;
            }

            for (; _byte < offset && _byte < utf8.Length; _byte++)
            {
                byte b = utf8[_byte];
                if ((b & 0xC0) != 0x80)
                {
                    _char += b >= 0xF0 ? 2 : 1;
                }
            }

            return _char;
        }
    }
}

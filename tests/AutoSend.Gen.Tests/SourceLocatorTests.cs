using AutoSend.Gen.Model;
using AutoSend.Gen.Parsing;
using Xunit;

namespace AutoSend.Gen.Tests;

/// <summary>
/// Where a JSON pointer lands in the text. JSON documents are walked with System.Text.Json's reader and YAML ones with
/// the YAML event parser; both must name the same places: a member at its key, an array element at its start, a
/// pointer that is not there at its nearest ancestor.
/// </summary>
public class SourceLocatorTests
{
    // Non-ASCII text (two bytes, then a four-byte emoji that is two UTF-16 characters) before the keys checks that
    // byte offsets become character offsets.
    private const string Json = "{\n  \"info\": {\"title\": \"Caf\u00e9 \uD83D\uDE00\"},\n  \"paths\": {\n    \"/a/{id}\": {\n      \"get\": {\"tags\": [\"x\", {\"k\": 1}]}\n    }\n  }\n}\n";

    private const string Yaml = "info:\n  title: \"Caf\u00e9 \uD83D\uDE00\"\npaths:\n  /a/{id}:\n    get:\n      tags:\n        - x\n        - k: 1\n";

    [Theory]
    [InlineData("#/paths", 2, 2, 7)]
    [InlineData("#/paths/~1a~1{id}/get", 4, 6, 5)]
    [InlineData("#/paths/~1a~1{id}/get/tags/1", 4, 28, 1)]
    [InlineData("#/paths/~1a~1{id}/get/tags/1/k", 4, 29, 3)]
    [InlineData("#/paths/~1a~1{id}/get/tags/1/missing", 4, 28, 1)]
    [InlineData("#/info/title", 1, 11, 7)]
    public void A_json_pointer_lands_on_its_key_or_element(string pointer, int line, int column, int length)
    {
        SourceSpan span = new SourceLocator("spec.json", Json).Locate([pointer])[pointer];

        Assert.Equal((line, column, length), (span.StartLine, span.StartColumn, span.Length));
        Assert.Equal(Json.Split('\n')[line].Substring(column, length), Json.Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_key_after_non_ascii_text_is_found_at_its_character_offset()
    {
        string text = "{\"a\": \"\u00e9\uD83D\uDE00\", \"b\": 1}";
        SourceSpan span = new SourceLocator("spec.json", text).Locate(["#/b"])["#/b"];

        Assert.Equal("\"b\"", text.Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("#/paths/~1a~1{id}/get", 4, 4)]
    [InlineData("#/paths/~1a~1{id}/get/tags/1/k", 7, 10)]
    [InlineData("#/info/title", 1, 2)]
    public void A_yaml_pointer_lands_on_its_key(string pointer, int line, int column)
    {
        SourceSpan span = new SourceLocator("spec.yaml", Yaml).Locate([pointer])[pointer];

        Assert.Equal((line, column), (span.StartLine, span.StartColumn));
    }
}

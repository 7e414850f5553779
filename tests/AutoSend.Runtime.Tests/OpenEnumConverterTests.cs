using System.Text;
using System.Text.Json;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Tests;

/// <summary>The base of generated open enums' converters: listed values, new values, the wrong token.</summary>
public sealed class OpenEnumConverterTests
{
    [Fact]
    public void A_listed_value_reads_as_that_value_and_an_unlisted_one_is_wrapped_unchanged()
    {
        var converter = new ColorConverter();

        Assert.Equal("red", Read(converter, "\"red\"").Value);
        Assert.Equal(1, Read(converter, "\"red\"").Index);
        Assert.Equal("blue", Read(converter, "\"blue\"").Value);
        Assert.Equal(2, Read(converter, "\"blue\"").Index);
        Color unknown = Read(converter, "\"ultraviolet\"");
        Assert.Equal("ultraviolet", unknown.Value);
        Assert.Equal(0, unknown.Index);
        Assert.Equal("\"ultraviolet\"", Write(converter, unknown));
        Assert.Equal("\"red\"", Write(converter, Color.Red));
    }

    [Fact]
    public void A_value_that_is_not_a_string_is_a_json_error_naming_the_enum()
    {
        JsonException exception = Assert.Throws<JsonException>(() => Read(new ColorConverter(), "42"));

        Assert.Contains("Color", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Number", exception.Message, StringComparison.Ordinal);
    }

    private static Color Read(ColorConverter converter, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return converter.Read(ref reader, typeof(Color), JsonSerializerOptions.Default);
    }

    private static string Write(ColorConverter converter, Color value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            converter.Write(writer, value, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // Index tells the listed instances (1, 2) from a wrapped string (0).
    private readonly record struct Color(string Value, int Index)
    {
        public static Color Red { get; } = new("red", 1);

        public static Color Blue { get; } = new("blue", 2);
    }

    private sealed class ColorConverter() : ApiOpenEnumConverter<Color>(value => new Color(value, 0), value => value.Value, Color.Red, Color.Blue);
}

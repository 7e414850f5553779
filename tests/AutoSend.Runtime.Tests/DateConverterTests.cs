using System.Text;
using System.Text.Json;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Tests;

/// <summary><c>format: date</c> as a <see cref="DateTime"/> (<see cref="ApiJsonConverters.Date"/>), for compilations without DateOnly.</summary>
public sealed class DateConverterTests
{
    [Fact]
    public void A_date_reads_as_a_DateTime_of_unspecified_kind_without_time()
    {
        DateTime date = Read("\"2026-03-01\"");

        Assert.Equal(new DateTime(2026, 3, 1), date);
        Assert.Equal(DateTimeKind.Unspecified, date.Kind);
        Assert.Equal(TimeSpan.Zero, date.TimeOfDay);
    }

    [Theory]
    [InlineData("\"2026-03-01T23:30:00-05:00\"")]
    [InlineData("\"2026-03-01T00:00:00Z\"")]
    [InlineData("\"2026-03-01T12:34:56.789+14:00\"")]
    [InlineData("\"2026-03-01 08:00:00Z\"")]
    public void A_full_date_time_reads_as_the_date_it_was_written_with(string json)
    {
        DateTime date = Read(json);

        Assert.Equal(new DateTime(2026, 3, 1), date);
        Assert.Equal(DateTimeKind.Unspecified, date.Kind);
    }

    [Theory]
    [InlineData("\"2026-13-01\"")]
    [InlineData("\"01/03/2026\"")]
    [InlineData("\"2026-3-1\"")]
    [InlineData("\"2026-03-01X\"")]
    [InlineData("\"2026-03-01Tnonsense\"")]
    [InlineData("\"\"")]
    [InlineData("20260301")]
    [InlineData("null")]
    public void Anything_else_is_a_JsonException(string json)
    {
        Assert.Throws<JsonException>(() => Read(json));
    }

    [Theory]
    [InlineData(DateTimeKind.Unspecified)]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    public void A_DateTime_writes_its_date_only(DateTimeKind kind)
    {
        var value = new DateTime(2026, 12, 31, 23, 59, 59, kind);

        Assert.Equal("\"2026-12-31\"", Write(value));
    }

    [Fact]
    public void Dates_round_trip()
    {
        var value = new DateTime(1999, 1, 2);

        Assert.Equal(value, Read(Write(value)));
    }

    private static DateTime Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return ApiJsonConverters.Date.Read(ref reader, typeof(DateTime), new JsonSerializerOptions());
    }

    private static string Write(DateTime value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ApiJsonConverters.Date.Write(writer, value, new JsonSerializerOptions());
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

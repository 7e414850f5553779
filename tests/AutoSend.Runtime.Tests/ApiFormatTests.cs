using System.Globalization;
using AutoSend.Runtime.Primitives;

namespace AutoSend.Runtime.Tests;

/// <summary>
/// ApiFormat's text of a date typed as DateTime: what clients generated for compilations without DateOnly
/// (netstandard2.0, .NET Framework) send for a <c>format: date</c> path or query parameter.
/// </summary>
public sealed class ApiFormatTests
{
    [Theory]
    [InlineData("2026-03-01T00:00:00", DateTimeKind.Unspecified)]
    [InlineData("2026-03-01T23:59:59", DateTimeKind.Local)]
    [InlineData("2026-03-01T12:30:00", DateTimeKind.Utc)]
    public void Format_of_a_DateTime_writes_its_date_only(string value, DateTimeKind kind)
    {
        var date = DateTime.SpecifyKind(DateTime.Parse(value, CultureInfo.InvariantCulture), kind);

        Assert.Equal("2026-03-01", ApiFormat.Format(date));
        Assert.Equal("2026-03-01", ApiFormat.FormatValue(date));
    }

    [Fact]
    public void Format_of_a_DateTime_ignores_the_current_culture()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture with another calendar and digits: the wire form stays ISO 8601.
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            Assert.Equal("0001-01-01", ApiFormat.Format(DateTime.MinValue));
            Assert.Equal("9999-12-31", ApiFormat.Format(DateTime.MaxValue));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}

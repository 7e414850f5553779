using System.Globalization;
using AutoSend.Runtime;

namespace AutoSend.Runtime.Tests;

/// <summary><see cref="ApiClientOptions.Bind"/>: settings by key, as dependency-injection code reads them from configuration.</summary>
public sealed class BindTests
{
    [Fact]
    public void Every_documented_key_is_read_with_the_invariant_culture()
    {
        var values = new Dictionary<string, string>
        {
            ["ApiKey"] = "  secret-key\n",
            ["BaseAddress"] = "https://api.example.com/v1",
            ["MaxRetries"] = "5",
            ["Timeout"] = "00:00:01.500",
            ["TotalTimeout"] = "infinite",
            ["StreamIdleTimeout"] = "00:00:45",
            ["RetryDelay"] = "00:00:00.250",
            ["MaxRetryDelay"] = "00:01:00",
            ["MaxResponseBodyBytes"] = "1000000",
            ["MaxErrorBodyBytes"] = "2048",
            ["AllowInsecureHttp"] = "True",
            ["UserAgent"] = "agent/1",
        };
        var options = new TestClientOptions();
        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            options.Bind(key => values.GetValueOrDefault(key));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal("secret-key", options.ApiKey);
        Assert.Equal(new Uri("https://api.example.com/v1"), options.BaseAddress);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.Timeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), options.StreamIdleTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxRetryDelay);
        Assert.Equal(1000000, options.MaxResponseBodyBytes);
        Assert.Equal(2048, options.MaxErrorBodyBytes);
        Assert.True(options.AllowInsecureHttp);
        Assert.Equal("agent/1", options.UserAgent);
    }

    [Fact]
    public void Missing_and_blank_values_leave_the_defaults()
    {
        var options = new TestClientOptions { ApiKey = "kept" };

        options.Bind(key => key == "MaxRetries" ? "  " : null);

        Assert.Equal("kept", options.ApiKey);
        Assert.Equal(ApiClientOptions.DefaultMaxRetries, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(100), options.Timeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.StreamIdleTimeout);
    }

    [Theory]
    [InlineData("MaxRetries", "-3")]
    [InlineData("MaxRetries", "1,5")]
    [InlineData("Timeout", "-5")]
    [InlineData("TotalTimeout", "30.00:00:00")]
    [InlineData("RetryDelay", "-00:00:01")]
    [InlineData("MaxErrorBodyBytes", "0")]
    [InlineData("BaseAddress", "/relative")]
    [InlineData("AllowInsecureHttp", "1")]
    public void An_unusable_value_throws_naming_the_key_not_the_value(string key, string value)
    {
        var options = new TestClientOptions();

        FormatException error = Assert.Throws<FormatException>(() => options.Bind(k => k == key ? value : k == "ApiKey" ? "secret-key" : null));

        Assert.Contains("'" + key + "'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", error.ToString(), StringComparison.Ordinal);
    }
}

using AutoSend.Client;
using AutoSend.Testing;

namespace AutoSend.Client.Tests;

/// <summary>
/// Found by the Prism --dynamic tests: a <c>format: uri</c> value that is a valid RFC 3986 URI but whose host
/// System.Uri refuses (a reg-name with the sub-delimiters '+' or ',') must not fail the whole response. The generator
/// therefore maps <c>format: uri</c> to <c>string</c>.
/// </summary>
public sealed class UriFormatTests
{
    private const string ApiKey = "AS_test.secret-key-value";

    [Theory]
    [InlineData("https://hooks+eu.example.com/autosend")]
    [InlineData("https://hooks,eu.example.com/autosend")]
    public async Task A_webhook_url_that_is_a_valid_RFC_3986_URI_deserializes(string address)
    {
        string body = $$$"""{"success":true,"data":{"id":"60d5ec49f1b2c72d9c8b1234","url":"{{{address}}}","events":["email.delivered"],"isActive":true}}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, body);
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = server.Address, MaxRetries = 0 });

        WebhookResponse response = await client.Webhooks.GetAsync("60d5ec49f1b2c72d9c8b1234");

        Assert.Equal(address, response.Data.Url);
    }

    [Fact]
    public async Task A_download_url_that_is_a_valid_RFC_3986_URI_deserializes()
    {
        const string url = "https://files+eu.example.com/raw/60d5ec49f1b2c72d9c8b1234.eml";
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, $$$"""{"success":true,"data":{"downloadUrl":"{{{url}}}","expiresIn":900}}""");
        using var client = new AutoSendClient(new AutoSendClientOptions { ApiKey = ApiKey, BaseAddress = server.Address, MaxRetries = 0 });

        InboundEmailDownloadLinkResponse response = await client.InboundEmails.GetRawMimeUrlAsync("60d5ec49f1b2c72d9c8b1234");

        Assert.Equal(url, response.Data.DownloadUrl);
    }
}

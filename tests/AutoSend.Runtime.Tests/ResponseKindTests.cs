using System.Net;
using System.Text;
using AutoSend.Runtime.Primitives;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;
using static AutoSend.Testing.MisbehavingResponses;

namespace AutoSend.Runtime.Tests;

/// <summary>
/// Each kind of success response asks for its own media type and reads its body its own way; which bodies count as
/// JSON is the same rule for success and error bodies.
/// </summary>
public sealed class ResponseKindTests
{
    private static readonly ApiOperation GetText = new("getText", HttpMethod.Get, "text");

    [Fact]
    public async Task Each_kind_asks_for_its_own_media_type()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson));
        using ApiConnection connection = TestApi.Connect(server);

        await connection.GetAsync();
        await connection.SendForTextAsync(connection.CreateRequest(HttpMethod.Get, "text"), GetText, default);
        using (ApiFile file = await connection.SendForFileAsync(connection.CreateRequest(HttpMethod.Get, "file"), GetText, "application/pdf", default))
        {
        }

        await connection.SendAsync(connection.CreateRequest(HttpMethod.Delete, "items/it_1"), TestApi.DeleteItem, default);

        IReadOnlyList<RecordedRequest> requests = server.Requests;
        Assert.Equal("application/json", requests[0].Headers["accept"]);
        Assert.Equal("text/plain", requests[1].Headers["accept"]);
        Assert.Equal("application/pdf", requests[2].Headers["accept"]);
        Assert.False(requests[3].Headers.ContainsKey("accept"));
    }

    [Fact]
    public async Task A_retry_asks_for_the_same_media_type()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(Respond(503, ""), Respond(200, "ok", "text/plain")));
        using ApiConnection connection = TestApi.Connect(server);

        string text = await connection.SendForTextAsync(connection.CreateRequest(HttpMethod.Get, "text"), GetText, default);

        Assert.Equal("ok", text);
        Assert.Equal(["text/plain", "text/plain"], server.Requests.Select(r => r.Headers["accept"]));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("text/json")]
    [InlineData("application/vnd.api+json")]
    [InlineData("application/problem+json")]
    public async Task A_success_body_of_any_JSON_media_type_is_read(string contentType)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson, contentType));
        using ApiConnection connection = TestApi.Connect(server);

        Item item = await connection.GetAsync();

        Assert.Equal(3, item.Count);
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/jsonl")]
    [InlineData("application/json-seq")]
    public async Task A_success_body_of_a_JSON_sequence_type_is_not_JSON(string contentType)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, TestApi.ItemJson, contentType));
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Contains(contentType + ", not JSON", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_body_with_a_JSON_suffix_type_is_read_as_the_declared_error()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(404, """{"error":{"message":"No such item","code":"NOT_FOUND"}}""", "application/problem+json"));
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException<Problem> exception, _) = await TestApi.FailsAsync<ApiException<Problem>>(() => connection.GetAsync());

        Assert.Equal("NOT_FOUND", exception.Error.Error!.Code);
        Assert.Equal("No such item", exception.ErrorMessage);
    }

    [Fact]
    public async Task An_error_body_of_a_JSON_sequence_type_is_not_read_as_JSON()
    {
        // One JSON object per line: the first line alone would parse, but the body as a whole is not one JSON value.
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(404, """{"error":{"message":"No such item","code":"NOT_FOUND"}}""", "application/x-ndjson"));
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.IsType<ApiException>(exception);
        Assert.Null(exception.ErrorMessage);
        Assert.Null(exception.ErrorCode);
        Assert.Contains("the body is application/x-ndjson", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain; charset=iso-8859-1", "iso-8859-1")]
    [InlineData("text/plain; charset=\"utf-16\"", "utf-16")]
    [InlineData("text/plain; charset=utf-8", "utf-8")]
    [InlineData("text/plain", "utf-8")]
    [InlineData("text/plain; charset=no-such-charset", "utf-8")]
    public async Task A_text_body_is_decoded_with_the_charset_it_declares(string contentType, string encodingName)
    {
        const string Text = "Grüße, café";
        byte[] bytes = Encoding.GetEncoding(encodingName).GetBytes(Text);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        });
        using ApiConnection connection = TestApi.Connect(server);

        string text = await connection.SendForTextAsync(connection.CreateRequest(HttpMethod.Get, "text"), GetText, default);

        Assert.Equal(Text, text);
    }

    [Fact]
    public async Task A_text_body_over_the_cap_gives_ApiException_with_an_excerpt()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(RespondChunked(200, new string('x', 10_000), "text/plain"));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxResponseBodyBytes = 5000);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() =>
            connection.SendForTextAsync(connection.CreateRequest(HttpMethod.Get, "text"), GetText, default));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("MaxResponseBodyBytes", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.IsResponseBodyTruncated);
        Assert.Equal(4096, exception.ResponseBody!.Length);
    }

    [Fact]
    public async Task A_file_is_handed_over_unread_with_its_headers()
    {
        byte[] bytes = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF];
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/pdf";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"report.pdf\"";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        });
        using ApiConnection connection = TestApi.Connect(server);

        await using ApiFile file = await connection.SendForFileAsync(connection.CreateRequest(HttpMethod.Get, "file"), GetText, "application/pdf", default);
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal("report.pdf", file.FileName);
        Assert.Equal(bytes.Length, file.Length);
    }
}

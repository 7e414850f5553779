using AutoSend.Runtime.Primitives;
using System.Net;
using System.Text.Json;
using AutoSend.Testing;
using static AutoSend.Testing.MisbehavingResponses;

namespace AutoSend.Runtime.Tests;

/// <summary>Every way a response can be unusable ends in an ApiException with the status, an excerpt and the request id.</summary>
public sealed class FailureMappingTests
{
    [Fact]
    public async Task A_connection_reset_mid_body_gives_ApiConnectionException_with_the_status_and_what_was_read()
    {
        await using var server = RawHttpServer.Start(Head("Content-Length: 1000", "X-Request-Id: req-9") + """{"id":"it_1","cou""");
        using ApiConnection connection = TestApi.Connect(server.Address, o => o.MaxRetries = 0);

        (ApiConnectionException exception, _) = await TestApi.FailsAsync<ApiConnectionException>(() => connection.GetAsync());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.True(exception.RequestSent);
        Assert.Equal("""{"id":"it_1","cou""", exception.ResponseBody);
        Assert.True(exception.IsResponseBodyTruncated);
        Assert.Contains("broke before the whole body was read", exception.Message, StringComparison.Ordinal);
        Assert.Equal("req-9", exception.RequestId);
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task A_chunked_body_cut_off_gives_ApiConnectionException_with_its_start()
    {
        await using var server = RawHttpServer.Start(Head("Transfer-Encoding: chunked") + "40\r\n" + """{"id":"it_1","count":""");
        using ApiConnection connection = TestApi.Connect(server.Address, o => o.MaxRetries = 0);

        (ApiConnectionException exception, _) = await TestApi.FailsAsync<ApiConnectionException>(() => connection.GetAsync());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.StartsWith("""{"id":"it_1""", exception.ResponseBody, StringComparison.Ordinal);
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task A_truncated_body_is_retried_for_a_GET_but_not_for_a_POST()
    {
        await using var server = RawHttpServer.Start(Head("Content-Length: 200") + """{"id":""");
        using ApiConnection connection = TestApi.Connect(server.Address, o => o.MaxRetries = 2);

        await TestApi.FailsAsync<ApiConnectionException>(() => connection.GetAsync());
        Assert.Equal(3, server.RequestCount);

        await TestApi.FailsAsync<ApiConnectionException>(() => connection.PostAsync());
        Assert.Equal(4, server.RequestCount);
    }

    [Theory]
    [InlineData("""{"id":"it_1","count":""", true)]
    [InlineData("""{"id":"it_1","count":""", false)]
    [InlineData("""{not json at all""", true)]
    [InlineData("", true)]
    public async Task Invalid_JSON_gives_ApiException_with_a_JsonException_and_an_excerpt(string body, bool withLength)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(withLength
            ? Respond(200, body, "application/json", ("X-Request-Id", "req-7"))
            : async context =>
            {
                context.Response.Headers["X-Request-Id"] = "req-7";
                await RespondChunked(200, body)(context);
            });
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.IsType<ApiException>(exception);
        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Equal("req-7", exception.RequestId);
        Assert.Equal(body.Length == 0 ? null : body, exception.ResponseBody);
        Assert.Contains("not the documented JSON", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
        TestApi.AssertNoSecret(exception);
    }

    [Theory]
    [InlineData("""[{"id":"it_1"}]""")]
    [InlineData("""{"id":12,"count":3}""")]
    [InlineData("""{"count":3}""")]
    [InlineData("\"just a string\"")]
    public async Task JSON_of_the_wrong_shape_gives_ApiException(string body)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, body));
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        Assert.Equal(body, exception.ResponseBody);
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task A_null_body_gives_ApiException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, "null"));
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Contains("null body", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTML_page_with_200_gives_ApiException_quoting_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, "<html><body>Please log in to the proxy</body></html>", "text/html"));
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("text/html, not JSON", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Please log in to the proxy", exception.Message, StringComparison.Ordinal);
        Assert.Equal("<html><body>Please log in to the proxy</body></html>", exception.ResponseBody);
        TestApi.AssertNoSecret(exception);
    }

    [Fact]
    public async Task An_HTML_error_page_from_a_proxy_gives_ApiException_with_an_excerpt_after_the_retries()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 1);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Contains("502 Bad Gateway", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestCount);
        Assert.Null(exception.ErrorCode);
        TestApi.AssertNoSecret(exception);
    }

    [Theory]
    [InlineData("text/plain", "id=it_1")]
    [InlineData("application/xml", "<item id=\"it_1\"/>")]
    public async Task An_unexpected_content_type_gives_ApiException(string contentType, string body)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, body, contentType));
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Contains(contentType, exception.Message, StringComparison.Ordinal);
        Assert.Equal(body, exception.ResponseBody);
    }

    [Fact]
    public async Task A_body_declared_larger_than_the_cap_is_refused_without_reading_it()
    {
        string body = """{"id":"it_1","count":3,"padding":""" + "\"" + new string('x', 5000) + "\"}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, body));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxResponseBodyBytes = 1024);

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("MaxResponseBodyBytes", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.ResponseBody);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_streamed_body_larger_than_the_cap_is_cut_off_with_an_excerpt()
    {
        string body = """{"id":"it_1","count":3,"padding":""" + "\"" + new string('x', 200_000) + "\"}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(RespondChunked(200, body));
        using ApiConnection connection = TestApi.Connect(server, o =>
        {
            o.MaxResponseBodyBytes = 64 * 1024;
            o.MaxErrorBodyBytes = 1024;
        });

        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() => connection.GetAsync());

        Assert.Contains("MaxResponseBodyBytes", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.IsResponseBodyTruncated);
        Assert.Equal(1024, exception.ResponseBody!.Length);
        Assert.StartsWith("""{"id":"it_1""", exception.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_valid_body_within_the_cap_is_streamed()
    {
        string body = """{"id":"it_1","count":3,"padding":""" + "\"" + new string('x', 300_000) + "\"}";
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(200, body));
        using ApiConnection connection = TestApi.Connect(server);

        Item item = await connection.GetAsync();

        Assert.Equal(3, item.Count);
    }

    [Fact]
    public async Task An_operation_without_a_result_ignores_the_body_and_maps_errors()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(Respond(204, "", null), Respond(404, """{"message":"gone"}""")));
        using ApiConnection connection = TestApi.Connect(server);

        await connection.SendAsync(connection.CreateRequest(HttpMethod.Delete, "items/it_1"), TestApi.DeleteItem, default);
        (ApiException exception, _) = await TestApi.FailsAsync<ApiException>(() =>
            connection.SendAsync(connection.CreateRequest(HttpMethod.Delete, "items/it_1"), TestApi.DeleteItem, default));

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("gone", exception.ErrorMessage);
    }

    private static string Head(params string[] headers) =>
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + string.Concat(headers.Select(h => h + "\r\n")) + "\r\n";
}

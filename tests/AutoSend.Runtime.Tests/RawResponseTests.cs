using System.Net;
using AutoSend.Runtime.Primitives;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;
using static AutoSend.Testing.MisbehavingResponses;

namespace AutoSend.Runtime.Tests;

/// <summary>
/// The raw front ends of the connection return the status code and the headers with what the plain call returns, and
/// fail exactly as it does; a nullable JSON response reads a declared no-body success (204) as null.
/// </summary>
public sealed class RawResponseTests
{
    private static readonly ApiOperation GetText = new("getText", HttpMethod.Get, "text");

    [Fact]
    public async Task A_JSON_call_returns_status_body_and_every_header_by_name_ignoring_case()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(201, TestApi.ItemJson, "application/json", ("X-RateLimit-Remaining", "115"), ("X-Multi", "a"), ("x-multi", "b")));
        using ApiConnection connection = TestApi.Connect(server);

        ApiResponse<Item> raw = await connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/it_1"), TestApi.GetItem,
            static (status, value, headers) => new ApiResponse<Item>(status, value, headers), default);

        Assert.Equal(201, raw.StatusCode);
        Assert.Equal("it_1", raw.Value.Id);
        Assert.True(raw.Headers.TryGetValues("x-ratelimit-remaining", out IEnumerable<string>? remaining));
        Assert.Equal(["115"], remaining);
        Assert.Equal("a, b", raw.Headers.GetValue("X-MULTI"));
        Assert.True(raw.Headers.Contains("Content-Type"));   // content headers too
        Assert.Equal(TestApi.ItemJson.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), raw.Headers.GetValue("content-length"));
        Assert.False(raw.Headers.TryGetValues("X-Absent", out IEnumerable<string>? absent));
        Assert.Null(absent);
        Assert.Null(raw.Headers.GetValue("X-Absent"));
    }

    [Fact]
    public async Task The_other_kinds_return_their_plain_results_with_status_and_headers()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            await (context.Request.Path.Value switch
            {
                "/text" => Respond(200, "hello", "text/plain", ("X-Kind", "text")),
                "/file" => Respond(200, "%PDF", "application/pdf", ("X-Kind", "file")),
                _ => Respond(202, "", null, ("X-Kind", "none")),
            })(context);
        });
        using ApiConnection connection = TestApi.Connect(server);

        ApiResponse<string> text = await connection.SendForTextAsync(connection.CreateRequest(HttpMethod.Get, "text"), GetText,
            static (status, value, headers) => new ApiResponse<string>(status, value, headers), default);
        ApiResponse<ApiFile> file = await connection.SendForFileAsync(connection.CreateRequest(HttpMethod.Get, "file"), GetText, "application/pdf",
            static (status, value, headers) => new ApiResponse<ApiFile>(status, value, headers), default);
        ApiResponse none = await connection.SendAsync(connection.CreateRequest(HttpMethod.Delete, "items/it_1"), TestApi.DeleteItem,
            static (status, headers) => new ApiResponse(status, headers), default);

        using (file.Value)
        {
            using var reader = new StreamReader(file.Value.Content);
            Assert.Equal("%PDF", await reader.ReadToEndAsync());
        }

        Assert.Equal((200, "hello", "text"), (text.StatusCode, text.Value, text.Headers.GetValue("X-Kind")));
        Assert.Equal((200, "file"), (file.StatusCode, file.Headers.GetValue("X-Kind")));
        Assert.Equal((202, "none"), (none.StatusCode, none.Headers.GetValue("X-Kind")));
        Assert.Equal(["text/plain", "application/pdf"], server.Requests.Take(2).Select(r => r.Headers["accept"]));
        Assert.False(server.Requests[2].Headers.ContainsKey("accept"));
    }

    [Fact]
    public async Task A_raw_call_asks_for_what_the_plain_call_asks_for_and_is_retried_the_same_way()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Sequence(Respond(503, ""), Respond(200, TestApi.ItemJson)));
        using ApiConnection connection = TestApi.Connect(server);

        ApiResponse<Item> raw = await connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/it_1"), TestApi.GetItem,
            static (status, value, headers) => new ApiResponse<Item>(status, value, headers), default);

        Assert.Equal(200, raw.StatusCode);
        Assert.Equal(["application/json", "application/json"], server.Requests.Select(r => r.Headers["accept"]));
    }

    [Fact]
    public async Task An_error_status_throws_the_typed_exception_of_the_plain_call()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(404, """{"success":false,"error":{"message":"No such item","code":"not_found"}}""");
        using ApiConnection connection = TestApi.Connect(server);

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/x"), TestApi.GetItem,
            static (status, value, headers) => new ApiResponse<Item>(status, value, headers), default));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("not_found", error.ErrorCode);
    }

    [Theory]
    [InlineData(204, null)]
    [InlineData(205, null)]
    [InlineData(200, "")]
    [InlineData(200, null)]   // chunked, without a chunk
    [InlineData(200, "null")]
    public async Task A_nullable_response_reads_no_body_as_null(int status, string? body)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(body is null ? NoBody(status) : Respond(status, body, null));
        using ApiConnection connection = TestApi.Connect(server);

        Item? plain = await connection.SendForNullableAsync(connection.CreateRequest(HttpMethod.Get, "items/it_1"), TestApi.GetItem, default);
        ApiResponse<Item?> raw = await connection.SendForNullableAsync(connection.CreateRequest(HttpMethod.Get, "items/it_1"), TestApi.GetItem,
            static (code, value, headers) => new ApiResponse<Item?>(code, value, headers), default);

        Assert.Null(plain);
        Assert.Equal(status, raw.StatusCode);
        Assert.Null(raw.Value);
        Assert.True(status != 200 || body is not null || !raw.Headers.Contains("Content-Length"), "the empty body was meant to be of unknown length");
    }

    [Theory]
    [InlineData(204)]
    [InlineData(200)]
    public async Task A_response_that_is_not_nullable_still_refuses_no_body(int status)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(status == 204 ? NoBody(status) : Respond(status, "", null));
        using ApiConnection connection = TestApi.Connect(server);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => connection.GetAsync());

        Assert.Equal(status, (int)error.StatusCode);
    }

    [Fact]
    public void Headers_made_for_a_test_double_merge_names_in_any_case_and_keep_no_reference_to_the_input()
    {
        var values = new List<string> { "1" };
        var headers = new ApiResponseHeaders([new("X-A", values), new("x-a", ["2"]), new("X-B", [])]);
        values.Add("changed");

        Assert.True(headers.TryGetValues("X-A", out IEnumerable<string>? a));
        Assert.Equal(["1", "2"], a);
        Assert.Equal("1, 2", headers.GetValue("x-A"));
        Assert.Equal(string.Empty, headers.GetValue("X-B"));
        Assert.Equal(2, headers.Count);
        Assert.Equal(["X-A", "X-B"], headers.Select(h => h.Key));
        Assert.Empty(ApiResponseHeaders.Empty);
        Assert.Throws<ArgumentNullException>(() => new ApiResponse(200, null!));
    }

    // The status and headers only: Kestrel sends no Content-Length for 204/205, and for a 200 started before any write
    // it sends a chunked body that ends at once.
    private static RequestDelegate NoBody(int status) => async context =>
    {
        context.Response.StatusCode = status;
        if (status == 200)
        {
            context.Response.ContentType = "application/json";
            await context.Response.StartAsync(context.RequestAborted);
        }
    };
}

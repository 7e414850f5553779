using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json.Nodes;
using AutoSend.Runtime;
using AutoSend.Testing;
using Fixtures.Media;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Client.Tests;

/// <summary>
/// The client generated from tests/AutoSend.Gen.Tests/Fixtures/media.yaml against a real loopback server: vendor JSON
/// media types in Accept and Content-Type, JSON null bodies, one-way required properties, multipart encodings,
/// multipart/mixed, allowReserved, text media types and a body offered in several media types. The streaming
/// responses (server-sent events, JSON lines) are in <see cref="StreamingWireTests"/>.
/// </summary>
public sealed class MediaWireTests
{
    private static MediaClient Client(LoopbackServer server, Action<MediaClientOptions>? configure = null)
    {
        var options = new MediaClientOptions { BaseAddress = server.Address, MaxRetries = 0 };
        configure?.Invoke(options);
        return new MediaClient(options);
    }

    // --- (a) Accept and Content-Type follow the document's media types ---

    [Fact]
    public async Task A_vendor_json_response_is_asked_for_by_its_media_type_and_read_as_json()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"data":[{"type":"articles","id":"1"}]}""", "application/vnd.api+json");
        using MediaClient client = Client(server);

        ArticleList list = await client.Articles.ListAsync();

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("application/vnd.api+json, application/problem+json", request.Headers["accept"]);
        Assert.Equal("1", Assert.Single(list.Data).Id);
    }

    [Fact]
    public async Task A_vendor_json_error_body_is_typed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(400, """{"title":"bad page","status":400}""", "application/problem+json");
        using MediaClient client = Client(server);

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.Articles.ListAsync(page: -1));

        Assert.Equal("bad page", error.Error.Title);
    }

    [Fact]
    public async Task A_vendor_json_body_is_sent_as_its_media_type_without_parameters()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, """{"data":{"type":"articles","id":"9"}}""", "application/vnd.api+json");
        using MediaClient client = Client(server);

        ArticleDocument created = await client.Articles.CreateAsync(new ArticleDocument { Data = new Article { Type = "articles", Id = "" } });

        RecordedRequest request = Assert.Single(server.Requests);
        // JSON:API servers answer 415 to a media type with parameters (a charset), so none is sent.
        Assert.Equal("application/vnd.api+json", request.Headers["content-type"]);
        Assert.Equal("""{"data":{"type":"articles","id":""}}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("9", created.Data.Id);
    }

    // --- (b) a JSON null is a value ---

    [Fact]
    public async Task A_null_body_for_a_response_without_schema_is_null()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "null");
        using MediaClient client = Client(server);

        JsonNode? value = await client.Values.GetAnythingAsync();

        Assert.Null(value);
    }

    [Fact]
    public async Task A_null_body_for_a_nullable_response_is_null_and_a_value_is_read()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "null");
        using MediaClient client = Client(server);

        Assert.Null(await client.Values.GetMaybeAsync());
        Assert.Null(await client.Values.GetCountAsync());
    }

    [Fact]
    public async Task A_nullable_response_with_a_value_is_read()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "42");
        using MediaClient client = Client(server);

        Assert.Equal(42, await client.Values.GetCountAsync());
    }

    // --- (d) required applies in the direction the property travels ---

    [Fact]
    public async Task A_required_writeOnly_property_is_sent_and_may_be_absent_when_read()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, """{"id":"a1","name":"Ann"}""");
        using MediaClient client = Client(server);

        Account account = await client.Accounts.CreateAsync(new Account { Name = "Ann", Password = "s3cret" });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("""{"name":"Ann","password":"s3cret"}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("a1", account.Id);
    }

    [Fact]
    public async Task A_required_readOnly_property_missing_from_a_response_is_an_error()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, """{"name":"Ann"}""");
        using MediaClient client = Client(server);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Accounts.CreateAsync(new Account { Name = "Ann", Password = "x" }));

        Assert.Contains("not the documented JSON", error.Message, StringComparison.Ordinal);
    }

    // --- (c) multipart file names and (7) encodings ---

    [Theory]
    [InlineData("report 1.png", "filename=\"report 1.png\"; filename*=utf-8''report%201.png")]
    // A quote is percent-encoded in filename, as browsers do, since a backslash escape is not read by every server.
    [InlineData("say \"hi\".txt", "filename=\"say %22hi%22.txt\"; filename*=utf-8''say%20%22hi%22.txt")]
    // A header carries ASCII only: filename holds the percent-encoded name (RFC 7578 section 4.2), filename* the same bytes.
    [InlineData("résumé.png", "filename=\"r%C3%A9sum%C3%A9.png\"; filename*=utf-8''r%C3%A9sum%C3%A9.png")]
    public async Task A_file_part_carries_the_bare_file_name_in_filename_and_filename_star(string fileName, string expected)
    {
        string? received = null;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            received = form.Files["file"]!.FileName;
            context.Response.StatusCode = 204;
        });
        using MediaClient client = Client(server);

        await client.Forms.UploadDocumentAsync("t", new ApiFile(new MemoryStream([1]), null, fileName));

        string body = Encoding.UTF8.GetString(Assert.Single(server.Requests).Body);
        Assert.Contains("Content-Disposition: form-data; name=\"file\"; " + expected + "\r\n", body, StringComparison.Ordinal);
        Assert.Equal(fileName, received);
    }

    [Fact]
    public async Task Multipart_parts_follow_their_encoding()
    {
        var parts = new List<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            IFormFile file = form.Files["file"]!;
            parts.Add($"file {file.FileName} {file.ContentType} scan={file.Headers["X-Scan"]}");
            context.Response.StatusCode = 204;
        });
        using MediaClient client = Client(server);

        await client.Forms.UploadDocumentAsync("t", new ApiFile(new MemoryStream([1, 2]), null, "a.png"),
            meta: new Tick { Seq = 1 }, notes: "# Notes");

        Assert.Equal(["file a.png image/png scan=none"], parts);
        string body = Encoding.UTF8.GetString(Assert.Single(server.Requests).Body);
        Assert.Contains("Content-Type: text/markdown", body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_mixed_body_is_sent_as_multipart_mixed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204, "");
        using MediaClient client = Client(server);

        await client.Forms.SendMixedAsync("hello", data: new Tick { Seq = 2 }, attachment: new ApiFile(new MemoryStream([7]), "image/gif", "x.gif"));

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.StartsWith("multipart/mixed; boundary=", request.Headers["content-type"], StringComparison.Ordinal);
        string body = Encoding.UTF8.GetString(request.Body);
        Assert.DoesNotContain("form-data", body, StringComparison.Ordinal);
        Assert.Contains("hello", body, StringComparison.Ordinal);
        Assert.Contains("""{"seq":2}""", body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: image/gif", body, StringComparison.Ordinal);
    }

    // --- (7) allowReserved, text media types, several request media types ---

    [Fact]
    public async Task AllowReserved_leaves_reserved_characters_as_they_are_and_escapes_the_rest()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "[]");
        using MediaClient client = Client(server);

        await client.Misc.SearchAsync("/a/b?c=d:e@f!", q: "/a?b");

        // Reserved characters pass as they are, except '&', '=' and '#', which would end the value; the other
        // parameter is escaped as usual.
        Assert.Equal("GET /misc/search?path=/a/b?c%3Dd:e@f!&q=%2Fa%3Fb", Assert.Single(server.Requests).Line);
    }

    [Fact]
    public async Task A_text_response_asks_for_the_documents_media_type()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "a,b\n1,2\n", "text/csv");
        using MediaClient client = Client(server);

        string report = await client.Misc.GetReportAsync();

        Assert.Equal("text/csv", Assert.Single(server.Requests).Headers["accept"]);
        Assert.Equal("a,b\n1,2\n", report);
    }

    [Fact]
    public async Task A_body_in_several_media_types_prefers_json_and_reaches_the_others()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(201, """{"text":"n"}""");
        using MediaClient client = Client(server);

        await client.Misc.CreateNoteAsync(new Note { Text = "json" });
        await client.Misc.CreateNoteTextAsync("plain");
        await client.Misc.CreateNoteXmlAsync(new MemoryStream("<note/>"u8.ToArray()));

        Assert.Equal(
            ["application/json; charset=utf-8 {\"text\":\"json\"}", "text/plain; charset=utf-8 plain", "application/xml <note/>"],
            server.Requests.Select(r => r.Headers["content-type"] + " " + Encoding.UTF8.GetString(r.Body)));
    }
}

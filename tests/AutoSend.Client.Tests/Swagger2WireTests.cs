using System.Text;
using AutoSend.Runtime;
using AutoSend.Testing;
using Fixtures.Swagger2;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Client.Tests;

/// <summary>
/// The client generated from the Swagger 2.0 fixture (tests/AutoSend.Gen.Tests/Fixtures/operations.swagger2.yaml)
/// sends the same requests an OpenAPI 3 document would: body and formData parameters, consumes/produces,
/// collectionFormat, securityDefinitions.
/// </summary>
public sealed class Swagger2WireTests
{
    private static LegacyStoreClient Client(LoopbackServer server) =>
        new(new LegacyStoreClientOptions { BaseAddress = server.Address, ApiKey = "store-key", MaxRetries = 0 });

    [Fact]
    public void Host_basePath_and_schemes_make_the_default_server()
    {
        Assert.Equal(new Uri("https://store.example/v1/"), LegacyStoreClient.DefaultBaseAddress);
    }

    [Fact]
    public async Task Collection_formats_map_to_query_styles_and_the_api_key_goes_in_its_header()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """[{"id":1,"name":"a"}]""");
        using LegacyStoreClient client = Client(server);

        IReadOnlyList<Item> items = await client.Items.ListAsync(5, ids: [1, 2], tag: ["a", "b"], piped: ["x", "y"], spaced: ["x", "y"], requestId: "r1");

        RecordedRequest request = Assert.Single(server.Requests);

        // csv (2.0's default, and ids's) is one comma-separated value; multi repeats the name.
        Assert.Equal("GET /items?limit=5&ids=1,2&tag=a&tag=b&piped=x%7Cy&spaced=x%20y", request.Line);
        Assert.Equal("store-key", request.Headers["x-store-key"]);
        Assert.Equal("r1", request.Headers["x-request-id"]);
        Assert.Equal("a", Assert.Single(items).Name);
    }

    [Fact]
    public async Task A_body_parameter_is_the_json_body_and_default_errors_are_typed()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(422, """{"code":7,"message":"bad price"}""");
        using LegacyStoreClient client = Client(server);

        var error = await Assert.ThrowsAsync<ApiException<Error>>(() => client.Items.CreateAsync(new Item { Name = "n", Price = 1.5 }));

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST /items", request.Line);
        Assert.Equal("""{"name":"n","price":1.5}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal(7, error.Error.Code);
    }

    [Fact]
    public async Task FormData_with_a_file_is_multipart_and_required_fields_are_required_parameters()
    {
        var parts = new List<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            parts.AddRange(form.Files.Select(f => $"file {f.Name} {f.FileName} {f.ContentType}"));
            parts.AddRange(form.Select(f => $"field {f.Key}={f.Value}"));
            context.Response.StatusCode = 204;
        });
        using LegacyStoreClient client = Client(server);

        await client.Items.UploadImageAsync(42, "front", new ApiFile(new MemoryStream([1, 2, 3]), "image/png", "front.png"));

        Assert.Equal("POST /items/42/image", Assert.Single(server.Requests).Line);
        Assert.Equal(["file file front.png image/png", "field caption=front"], parts);
    }

    [Fact]
    public async Task FormData_without_files_is_urlencoded_and_security_none_sends_no_key()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"token":"t"}""");
        using LegacyStoreClient client = Client(server);

        LoginResponse response = await client.LoginAsync("me", "p&ss word");

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["content-type"]);
        Assert.Equal("username=me&password=p%26ss+word", Encoding.UTF8.GetString(request.Body));
        Assert.False(request.Headers.ContainsKey("x-store-key"));
        Assert.Equal("t", response.Token);
    }

    [Fact]
    public async Task Produces_of_a_file_response_is_the_accepted_type()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "PNG", "image/png");
        using LegacyStoreClient client = Client(server);

        using ApiFile image = await client.Items.DownloadImageAsync(42);

        Assert.Equal("image/png", image.ContentType);
        Assert.Equal("image/png", Assert.Single(server.Requests).Headers["accept"]);
    }
}

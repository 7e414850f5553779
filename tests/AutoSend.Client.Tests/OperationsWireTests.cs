using System.Net;
using System.Text;
using System.Text.Json;
using AutoSend.Runtime;
using AutoSend.Testing;
using Fixtures.Operations;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Client.Tests;

/// <summary>
/// The client generated from tests/AutoSend.Gen.Tests/Fixtures/operations.yaml against a real loopback server: the
/// exact request line, headers and body each operation sends, and how each declared response comes back.
/// </summary>
public sealed class OperationsWireTests
{
    private static readonly Rgb s_rgb = new() { R = 100, G = 200, B = 150 };

    private static OperationsClient Client(LoopbackServer server, Action<OperationsClientOptions>? configure = null)
    {
        var options = new OperationsClientOptions { BaseAddress = server.Address, ApiKey = "secret-token", MaxRetries = 0 };
        configure?.Invoke(options);
        return new OperationsClient(options);
    }

    private static Task<LoopbackServer> Json(int status = 200, string json = """{"method":"GET","target":"/"}""") =>
        LoopbackServer.StartAsync(status, json);

    // --- query styles (compare the OpenAPI 3.1 "Style Examples" table) ---

    [Theory]
    [InlineData("color", "q=x&color=blue&color=black&color=brown")]
    [InlineData("colors", "q=x&colors=blue,black,brown")]
    [InlineData("spaced", "q=x&spaced=blue%20black%20brown")]
    [InlineData("piped", "q=x&piped=blue%7Cblack%7Cbrown")]
    public async Task Query_arrays_are_sent_in_their_style(string parameter, string expectedQuery)
    {
        await using LoopbackServer server = await Json();
        using OperationsClient client = Client(server);
        string[] colors = ["blue", "black", "brown"];

        await client.Styles.QueryAsync("x",
            color: parameter == "color" ? colors : null,
            colors: parameter == "colors" ? colors : null,
            spaced: parameter == "spaced" ? colors : null,
            piped: parameter == "piped" ? colors : null);

        Assert.Equal("GET /styles/query?" + expectedQuery, Assert.Single(server.Requests).Line);
    }

    [Theory]
    [InlineData("point", "q=x&point%5BR%5D=100&point%5BG%5D=200&point%5BB%5D=150")]
    [InlineData("filter", "q=x&R=100&G=200&B=150")]
    [InlineData("flat", "q=x&flat=R,100,G,200,B,150")]
    public async Task Query_objects_are_sent_in_their_style(string parameter, string expectedQuery)
    {
        await using LoopbackServer server = await Json();
        using OperationsClient client = Client(server);

        await client.Styles.QueryAsync("x",
            point: parameter == "point" ? s_rgb : null,
            filter: parameter == "filter" ? s_rgb : null,
            flat: parameter == "flat" ? s_rgb : null);

        Assert.Equal("GET /styles/query?" + expectedQuery, Assert.Single(server.Requests).Line);
    }

    [Fact]
    public async Task A_deepObject_map_and_scalars_of_every_type_are_sent_and_optional_ones_left_out()
    {
        await using LoopbackServer server = await Json();
        using OperationsClient client = Client(server);

        await client.Styles.QueryAsync("x", labels: new Dictionary<string, string> { ["env"] = "prod" }, limit: 5,
            since: new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), ratio: 0.5, active: true, level: Level.High);

        Assert.Equal("GET /styles/query?q=x&labels%5Benv%5D=prod&limit=5&since=2026-03-01T10%3A00%3A00Z&ratio=0.5&active=true&level=high",
            Assert.Single(server.Requests).Line);
    }

    [Fact]
    public async Task A_null_property_of_an_object_parameter_is_left_out()
    {
        await using LoopbackServer server = await Json();
        using OperationsClient client = Client(server);

        await client.Styles.QueryAsync("x", point: new Rgb { R = 1, B = 3 }, flat: new Rgb { G = 2 });

        Assert.Equal("GET /styles/query?q=x&point%5BR%5D=1&point%5BB%5D=3&flat=G,2", Assert.Single(server.Requests).Line);
    }

    // --- path styles ---

    [Fact]
    public async Task Path_parameters_are_sent_in_simple_label_and_matrix_styles()
    {
        await using LoopbackServer server = await Json(204, "");
        using OperationsClient client = Client(server);
        string[] colors = ["blue", "black"];

        await client.Styles.PathAsync("5", [1, 2], s_rgb, colors, colors, colors, colors, s_rgb);
        await client.Styles.ScalarPathAsync("a", "b", "c");

        Assert.Equal(
            [
                "GET /styles/path/5/1,2/R=100,G=200,B=150/.blue,black/.blue.black/;matrix=blue,black/;matrixExploded=blue;matrixExploded=black/;R=100;G=200;B=150",
                "GET /styles/scalars/a/.b/;matrix=c",
            ],
            server.Requests.Select(r => r.Line));
    }

    // --- reserved characters ---

    private const string Reserved = "a b&c=d+e/f?g#h%i,j|k é";
    private const string ReservedEscaped = "a%20b%26c%3Dd%2Be%2Ff%3Fg%23h%25i%2Cj%7Ck%20%C3%A9";

    [Fact]
    public async Task Reserved_characters_are_escaped_in_every_path_style()
    {
        await using LoopbackServer server = await Json(204, "");
        using OperationsClient client = Client(server);

        await client.Styles.ScalarPathAsync(Reserved, Reserved, Reserved);
        await client.Styles.PathAsync(Reserved, [1], new Rgb { R = 1 }, [Reserved, "x"], [Reserved, "x"], [Reserved, "x"], [Reserved, "x"], new Rgb { G = 2 });

        Assert.Equal(
            [
                $"GET /styles/scalars/{ReservedEscaped}/.{ReservedEscaped}/;matrix={ReservedEscaped}",
                $"GET /styles/path/{ReservedEscaped}/1/R=1/.{ReservedEscaped},x/.{ReservedEscaped}.x/;matrix={ReservedEscaped},x/;matrixExploded={ReservedEscaped};matrixExploded=x/;G=2",
            ],
            server.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task Reserved_characters_are_escaped_in_every_query_style_and_the_server_reads_them_back()
    {
        var seen = new List<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            lock (seen)
            {
                seen.AddRange(context.Request.Query.Select(q => q.Key + "=" + q.Value));
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{}");
        });
        using OperationsClient client = Client(server);
        string[] values = [Reserved, "x"];

        await client.Styles.QueryAsync(Reserved, color: values, colors: values, spaced: values, piped: values,
            labels: new Dictionary<string, string> { [Reserved] = Reserved });

        string e = ReservedEscaped;
        Assert.Equal(
            $"GET /styles/query?q={e}&color={e}&color=x&colors={e},x&spaced={e}%20x&piped={e}%7Cx&labels%5B{e}%5D={e}",
            Assert.Single(server.Requests).Line);
        Assert.Equal(
            [$"q={Reserved}", $"color={Reserved},x", $"colors={Reserved},x", $"spaced={Reserved} x", $"piped={Reserved}|x", $"labels[{Reserved}]={Reserved}"],
            seen);
    }

    // --- headers and cookies ---

    [Fact]
    public async Task Header_and_cookie_parameters_are_sent_in_their_styles()
    {
        await using LoopbackServer server = await Json(204, "");
        using OperationsClient client = Client(server);
        var traceId = Guid.Parse("9b2f6e1c-55b2-4c55-9d8e-7f3c2a1b0d4e");

        await client.Styles.HeaderAndCookieAsync(traceId, "s=1;2", tags: ["a", "b"], point: new Rgb { R = 1, G = 2 }, prefs: ["x", "y"], theme: "dark");

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET /styles/headers", request.Line);
        Assert.Equal("9b2f6e1c-55b2-4c55-9d8e-7f3c2a1b0d4e", request.Headers["x-trace-id"]);
        Assert.Equal("a,b", request.Headers["x-tags"]);
        Assert.Equal("R=1,G=2", request.Headers["x-point"]);
        Assert.Equal("session=s%3D1%3B2; prefs=x%2Cy; theme=dark", request.Headers["cookie"]);
        Assert.Equal("Bearer secret-token", request.Headers["authorization"]);
    }

    // --- bodies ---

    [Fact]
    public async Task A_json_body_is_sent_and_the_201_body_read()
    {
        await using LoopbackServer server = await Json(201, """{"id":7,"name":"Rex","tag":null}""");
        using OperationsClient client = Client(server);

        Pet created = await client.Bodies.CreatePetAsync(new Pet { Id = 0, Name = "Rex" });

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST /bodies/json", request.Line);
        Assert.StartsWith("application/json", request.Headers["content-type"]);
        Assert.Equal("""{"id":0,"name":"Rex"}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal(7, created.Id);
        Assert.Null(created.Tag);
    }

    [Fact]
    public async Task An_optional_json_body_left_out_sends_no_content()
    {
        await using LoopbackServer server = await Json(204, "");
        using OperationsClient client = Client(server);

        await client.Bodies.ReplacePetAsync(ifMatch: "\"v1\"");
        await client.Bodies.ReplacePetAsync(new Pet { Id = 1, Name = "A" });

        Assert.Empty(server.Requests[0].Body);
        Assert.False(server.Requests[0].Headers.ContainsKey("content-type"));
        Assert.Equal("\"v1\"", server.Requests[0].Headers["if-match"]);
        Assert.Equal("""{"id":1,"name":"A"}""", Encoding.UTF8.GetString(server.Requests[1].Body));
    }

    [Fact]
    public async Task A_multipart_body_sends_files_with_their_names_and_types_and_plain_fields()
    {
        var parts = new List<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            IFormCollection form = await context.Request.ReadFormAsync();
            foreach (IFormFile file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                parts.Add($"file {file.Name} {file.FileName} {file.ContentType} {await reader.ReadToEndAsync()}");
            }

            foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> field in form)
            {
                parts.Add($"field {field.Key}={field.Value}");
            }

            context.Response.StatusCode = 204;
        });
        using OperationsClient client = Client(server);

        await client.Bodies.UploadProfileAsync(
            "Hello",
            new ApiFile(new MemoryStream("PNG"u8.ToArray()), "image/png", "me.png"),
            attachments: [new ApiFile(new MemoryStream("one"u8.ToArray()), "text/plain", "a.txt"), new ApiFile(new MemoryStream("two"u8.ToArray()))],
            tags: ["t1", "t2"],
            meta: new Rgb { R = 1 },
            count: 3,
            level: Level.Low);

        Assert.StartsWith("multipart/form-data; boundary=", Assert.Single(server.Requests).Headers["content-type"]);
        Assert.Equal(
            [
                "file avatar me.png image/png PNG",
                "file attachments a.txt text/plain one",
                "file attachments attachments application/octet-stream two",
                "field title=Hello",
                "field tags=t1,t2",
                """field meta={"R":1}""",
                "field count=3",
                "field level=low",
            ],
            parts);
    }

    [Fact]
    public async Task A_form_urlencoded_body_is_sent_without_credentials_when_the_operation_says_security_none()
    {
        await using LoopbackServer server = await Json(200, """{"access_token":"t","expires_in":60}""");
        using OperationsClient client = Client(server);

        SubmitFormResponse token = await client.Bodies.SubmitFormAsync("client_credentials", scope: "a b&c", ids: [1, 2], remember: true);

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["content-type"]);
        Assert.Equal("grant_type=client_credentials&scope=a+b%26c&ids=1&ids=2&remember=true", Encoding.UTF8.GetString(request.Body));
        Assert.False(request.Headers.ContainsKey("authorization"));
        Assert.Equal("t", token.AccessToken);
        Assert.Equal(60, token.ExpiresIn);
    }

    [Fact]
    public async Task An_octet_stream_upload_sends_the_bytes()
    {
        await using LoopbackServer server = await Json(201, """{"method":"PUT","target":"stored"}""");
        using OperationsClient client = Client(server);
        byte[] bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        Echo echo = await client.Bodies.UploadFileAsync("dir/a b.bin", new MemoryStream(bytes));

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("PUT /bodies/files/dir%2Fa%20b.bin", request.Line);
        Assert.Equal("application/octet-stream", request.Headers["content-type"]);
        Assert.Equal(bytes, request.Body);
        Assert.Equal("stored", echo.Target);
    }

    [Fact]
    public async Task A_download_is_a_stream_that_the_caller_reads_before_the_server_has_sent_everything()
    {
        var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync("first-"u8.ToArray());
            await context.Response.Body.FlushAsync();
            await rest.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await context.Response.Body.WriteAsync("second"u8.ToArray());
        });
        using OperationsClient client = Client(server);

        using ApiFile file = await client.Bodies.DownloadFileAsync("report.bin").WaitAsync(TimeSpan.FromSeconds(30));
        var first = new byte[6];
        await file.Content.ReadExactlyAsync(first).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        rest.SetResult();
        using var remaining = new StreamReader(file.Content);

        Assert.Equal("first-", Encoding.ASCII.GetString(first));
        Assert.Equal("second", await remaining.ReadToEndAsync());
        Assert.Equal("application/octet-stream", file.ContentType);
        Assert.Equal("application/octet-stream", Assert.Single(server.Requests).Headers["accept"]);
    }

    [Fact]
    public async Task A_download_error_has_its_typed_body()
    {
        await using LoopbackServer server = await Json(404, """{"title":"gone","status":404}""");
        using OperationsClient client = Client(server);

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.Bodies.DownloadFileAsync("x"));

        Assert.Equal("gone", error.Error.Title);
        Assert.Equal("downloadFile", error.OperationId);
    }

    [Fact]
    public async Task Text_is_sent_and_read_as_text()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "HELLO É", "text/plain; charset=utf-8");
        using OperationsClient client = Client(server);

        string reply = await client.Bodies.ShoutAsync("hello é");

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("text/plain; charset=utf-8", request.Headers["content-type"]);
        Assert.Equal("hello é", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("text/plain", request.Headers["accept"]);
        Assert.Equal("HELLO É", reply);
    }

    [Fact]
    public async Task A_response_offered_as_json_or_pdf_has_a_file_variant_that_asks_for_the_pdf()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "%PDF-1.7", "application/pdf");
        using OperationsClient client = Client(server);

        using ApiFile pdf = await client.Bodies.GetReportFileAsync();
        using var reader = new StreamReader(pdf.Content);

        Assert.Equal("%PDF-1.7", await reader.ReadToEndAsync());
        Assert.Equal("application/pdf", Assert.Single(server.Requests).Headers["accept"]);
    }

    // --- responses ---

    private static Task<LoopbackServer> StatusServer() => LoopbackServer.StartAsync(async context =>
    {
        // GET /responses/pets/{status}: answers with that status and a body of the declared shape.
        int status = int.Parse(context.Request.Path.Value!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        context.Response.StatusCode = status;
        string? body = status switch
        {
            200 or 202 => $$"""{"id":{{status}},"name":"Rex"}""",
            400 or 418 => $$"""{"title":"problem {{status}}","status":{{status}}}""",
            404 => """{"resource":"pet"}""",
            503 => """{"retryable":true}""",
            _ => null,
        };
        if (body is not null)
        {
            context.Response.ContentType = status == 400 ? "application/problem+json" : "application/json";
            await context.Response.WriteAsync(body);
        }
    });

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    public async Task Every_success_status_with_the_same_schema_is_the_typed_result(int status)
    {
        await using LoopbackServer server = await StatusServer();
        using OperationsClient client = Client(server);

        Pet? pet = await client.Responses.GetPetAsync(status);

        Assert.NotNull(pet);
        Assert.Equal(status, pet.Id);
        Assert.Equal("Rex", pet.Name);
    }

    [Fact]
    public async Task Each_error_status_has_its_declared_body_type_on_the_exception()
    {
        await using LoopbackServer server = await StatusServer();
        using OperationsClient client = Client(server);

        var badRequest = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.Responses.GetPetAsync(400));
        var notFound = await Assert.ThrowsAsync<ApiException<NotFound>>(() => client.Responses.GetPetAsync(404));
        var unavailable = await Assert.ThrowsAsync<ApiException<ServerError>>(() => client.Responses.GetPetAsync(503));
        var teapot = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.Responses.GetPetAsync(418));
        var conflict = await Assert.ThrowsAsync<ApiException>(() => client.Responses.GetPetAsync(409));

        Assert.Equal("problem 400", badRequest.Error.Title);
        Assert.Equal("pet", notFound.Error.Resource);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.True(unavailable.Error.Retryable);
        Assert.Equal("problem 418", teapot.Error.Title);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(typeof(ApiException), conflict.GetType());
    }

    // Issue 12: the operation declares a 204 beside its 200 and 202, so the result is nullable and a 204 is null (it
    // was an ApiException before); a body that is not the documented JSON still is one.
    [Fact]
    public async Task A_declared_204_beside_the_body_statuses_returns_null()
    {
        await using LoopbackServer server = await StatusServer();
        using OperationsClient client = Client(server);

        Pet? pet = await client.Responses.GetPetAsync(204);
        OperationsResponse<Pet?> raw = await client.Responses.WithRawResponse.GetPetAsync(204);

        Assert.Null(pet);
        Assert.Equal(204, raw.StatusCode);
        Assert.Null(raw.Value);
    }

    [Fact]
    public async Task A_success_body_that_is_not_the_documented_JSON_is_an_ApiException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "<html>maintenance</html>", "text/html");
        using OperationsClient client = Client(server);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.Responses.GetPetAsync(200));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task An_operation_with_only_a_default_response_reads_it_as_the_result()
    {
        await using LoopbackServer server = await Json(200, """{"method":"GET","target":"/responses/default"}""");
        using OperationsClient client = Client(server);

        Echo echo = await client.Responses.DefaultOnlyAsync();

        Assert.Equal("/responses/default", echo.Target);
    }

    [Fact]
    public void A_deprecated_operation_is_obsolete()
    {
        // Both overloads (the short one and the long one) carry the attribute.
        var overloads = typeof(ResponsesClient).GetMethods().Where(m => m.Name == nameof(ResponsesClient.RemoveOldAsync)).ToArray();

        Assert.Equal(2, overloads.Length);
        Assert.All(overloads, m => Assert.Single(m.GetCustomAttributes(typeof(ObsoleteAttribute), inherit: false)));
    }

    // --- security and servers ---

    [Fact]
    public async Task The_token_provider_is_asked_for_every_attempt()
    {
        int calls = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = context.Request.Headers.Authorization == "Bearer token-1" ? 503 : 200;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}");
        });
        using OperationsClient client = Client(server, options =>
        {
            options.ApiKey = null;
            options.MaxRetries = 1;
            options.RetryDelay = TimeSpan.Zero;
            options.AccessTokenProvider = _ => ValueTask.FromResult<string?>("token-" + Interlocked.Increment(ref calls));
        });

        await client.Security.WhoAmIAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-2"], server.Requests.Select(r => r.Headers["authorization"]));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task An_operation_with_empty_security_sends_no_credentials_and_asks_no_token()
    {
        int calls = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "public", "text/plain");
        using OperationsClient client = Client(server, options =>
            options.AccessTokenProvider = _ => ValueTask.FromResult<string?>("token-" + Interlocked.Increment(ref calls)));

        Assert.Equal("public", await client.Security.PublicInfoAsync());

        Assert.False(Assert.Single(server.Requests).Headers.ContainsKey("authorization"));
        Assert.Equal(0, calls);
    }

    [Fact]
    public void The_default_server_fills_in_the_defaults_of_its_variables()
    {
        Assert.Equal(new Uri("https://acme.ops.example:8443/v2/"), OperationsClient.DefaultBaseAddress);
    }

    // --- names ---

    [Fact]
    public async Task Parameters_with_awkward_names_keep_their_wire_names()
    {
        await using LoopbackServer server = await Json(200, """{"class":"c","1st":1,"größe":2.5,"Name":"N","name":"n"}""");
        using OperationsClient client = Client(server);

        Class result = await client.Names.ClassAsync(@namespace: "ns", _2fa: "t", größe: 3, limit: 1, limit2: 2, request: "r", cancellationToken2: "c", customHeader: "h");

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET /naming/class?namespace=ns&2fa=t&gr%C3%B6%C3%9Fe=3&Limit=1&limit=2&request=r&cancellationToken=c", request.Line);
        Assert.Equal("h", request.Headers["x-csharp-named"]);
        Assert.Equal(("c", 1, 2.5, "N", "n"), (result.Class2, result._1st, result.Größe, result.Name, result.Name2));
    }

    [Fact]
    public async Task Operations_named_like_members_and_duplicate_ids_are_callable_and_report_the_documents_id()
    {
        await using LoopbackServer server = await Json(500, """{"message":"boom"}""");
        using OperationsClient client = Client(server);

        var duplicate = await Assert.ThrowsAsync<ApiException>(() => client.Names.GetThing2Async());
        await Assert.ThrowsAsync<ApiException>(() => client.DisposeAsync());
        await Assert.ThrowsAsync<ApiException>(() => client.EqualsAsync());

        Assert.Equal("getThing", duplicate.OperationId);
        Assert.Equal(["GET /naming/duplicate/b", "POST /dispose", "GET /equals"], server.Requests.Select(r => r.Line));
    }

    [Fact]
    public void Properties_named_like_their_class_or_like_object_members_round_trip()
    {
        const string json = """{"widget":"w","ToString":"t","Equals":"e","GetHashCode":"g","item":{"id":"i"},"Item":{"code":2}}""";

        Widget widget = JsonSerializer.Deserialize(json, OperationsJsonContext.Default.Widget)!;

        Assert.Equal(("w", "t", "e", "g", "i", 2), (widget.Widget2, widget.ToString2, widget.Equals2, widget.GetHashCode2, widget.Item!.Id, widget.Item2!.Code));
        Assert.Equal(json, JsonSerializer.Serialize(widget, OperationsJsonContext.Default.Widget));
    }
}

using AutoSend.Runtime;
using AutoSend.Testing;
using Fixtures.Servers;

namespace AutoSend.Client.Tests;

/// <summary>
/// The client generated from tests/AutoSend.Gen.Tests/Fixtures/servers.yaml against a loopback server: a path's
/// server (with variables set in the options), an operation's server relative to the base address, and the
/// document's server with its variables.
/// </summary>
public sealed class ServerWireTests
{
    private static ServersClient Client(LoopbackServer server, Action<ServersClientOptions>? configure = null)
    {
        var options = new ServersClientOptions { BaseAddress = new Uri(server.Address, "api/"), MaxRetries = 0 };
        configure?.Invoke(options);
        return new ServersClient(options);
    }

    [Fact]
    public async Task An_operation_without_a_server_of_its_own_goes_to_the_base_address()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "[]");
        using ServersClient client = Client(server);

        await client.ListThingsAsync();

        Assert.Equal("GET /api/things", Assert.Single(server.Requests).Line);
    }

    [Fact]
    public async Task A_paths_server_is_filled_in_from_the_options_variables()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204, "");
        using ServersClient client = Client(server, o =>
        {
            o.Protocol = "http";
            o.UploadHost = server.Address.Authority;
        });

        await client.UploadAsync(new MemoryStream([1, 2, 3]));

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST /files/uploads", request.Line);
        Assert.Equal([1, 2, 3], request.Body);
    }

    [Fact]
    public async Task An_operations_relative_server_is_resolved_against_the_base_address()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, "report", "text/plain");
        using ServersClient client = Client(server);

        Assert.Equal("report", await client.GetReportAsync());

        Assert.Equal("GET /reporting/v1/reports", Assert.Single(server.Requests).Line);
    }

    [Fact]
    public async Task IgnoreOperationServers_sends_every_operation_to_the_base_address()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204, "");
        using ServersClient client = Client(server, o => o.IgnoreOperationServers = true);

        await client.UploadAsync(new MemoryStream([1]));

        Assert.Equal("POST /api/uploads", Assert.Single(server.Requests).Line);
    }

    [Fact]
    public async Task An_operation_server_in_clear_text_to_another_host_is_refused_before_anything_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(204, "");
        using ServersClient client = Client(server, o => o.Protocol = "http");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.UploadAsync(new MemoryStream([1])));

        Assert.Contains("http://uploads.servers.example", exception.Message);
        Assert.Contains("AllowInsecureHttp", exception.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void The_documents_server_takes_the_options_variables()
    {
        Assert.Equal(new Uri("https://eu.api.servers.example/v2/"), ServersClient.DefaultBaseAddress);
        using var client = new ServersClient(new ServersClientOptions { Region = "ap", Version = "v3" });

        Assert.Equal(new Uri("https://ap.api.servers.example/v3/"), client.BaseAddress);
    }

    [Fact]
    public void A_value_the_document_does_not_allow_is_refused_by_the_property_and_by_Bind()
    {
        var options = new ServersClientOptions();

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => options.Region = "mars");
        Assert.Contains("eu, us, ap", refused.Message);
        var unreadable = Assert.Throws<FormatException>(() => options.Bind(key => key == "Region" ? "mars" : null));
        Assert.Equal("The setting 'Region' is not valid: expected one of eu, us, ap.", unreadable.Message);
        Assert.Equal("eu", options.Region);

        options.Bind(key => key switch { "Region" => "us", "UploadHost" => "files.internal", "IgnoreOperationServers" => "true", _ => null });
        Assert.Equal(("us", "files.internal", true), (options.Region, options.UploadHost, options.IgnoreOperationServers));
    }
}

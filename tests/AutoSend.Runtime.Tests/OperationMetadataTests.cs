using System.Text.Json.Serialization.Metadata;
using AutoSend.Runtime.Primitives;
using AutoSend.Testing;

namespace AutoSend.Runtime.Tests;

/// <summary>
/// Descriptors make their JSON metadata on first use, so metadata that cannot be built fails its own operation's
/// calls, as a faulted task naming the operation, and never the neighbours declared beside it.
/// </summary>
public sealed class OperationMetadataTests
{
    private static JsonTypeInfo<Item> Broken() => throw new InvalidOperationException("JsonPropertyInfo 'x' is marked required but does not specify a setter.");

    // Both in one static initializer, as a generated group holds them.
    private static readonly ApiOperation<Item> s_broken = new("brokenItem", HttpMethod.Get, "items/broken", Broken);
    private static readonly ApiOperation<Item> s_fine = new ApiOperation<Item>("getItem", HttpMethod.Get, "items/{id}", static () => TestJsonContext.Default.Item)
        .WithError("404", static () => Broken());

    [Fact]
    public async Task A_descriptor_whose_metadata_fails_fails_its_own_calls_only()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(200, """{"id":"it_1","count":1}""");
        using ApiConnection connection = TestApi.Connect(server);

        Task<Item> call = connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/broken"), s_broken, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
        Item item = await connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/1"), s_fine, CancellationToken.None);

        Assert.Contains("brokenItem", failure.Message, StringComparison.Ordinal);
        Assert.Contains("marked required", failure.Message, StringComparison.Ordinal);
        Assert.Equal("it_1", item.Id);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_error_type_whose_metadata_fails_leaves_the_error_untyped()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(404, """{"message":"no such item"}""");
        using ApiConnection connection = TestApi.Connect(server);

        var error = await Assert.ThrowsAsync<ApiException>(() => connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/1"), s_fine, CancellationToken.None));

        Assert.Equal(404, (int)error.StatusCode);
        Assert.Equal("no such item", error.ErrorMessage);
    }
}

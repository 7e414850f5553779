using System.Net;
using AutoSend.Runtime.Primitives;
using AutoSend.Testing;
using static AutoSend.Testing.MisbehavingResponses;

namespace AutoSend.Runtime.Tests;

/// <summary>Operation descriptors live in static fields shared by every call: building on one never changes it.</summary>
public sealed class OperationDescriptorTests
{
    [Fact]
    public void Each_declaration_returns_a_new_descriptor_and_leaves_its_receiver_unchanged()
    {
        var plain = new ApiOperation("createItem", HttpMethod.Post, "items");

        ApiOperation idempotent = plain.AsIdempotent();
        ApiOperation anonymous = plain.WithoutAuthentication();
        ApiOperation hinted = plain.WithRetryAfterBody("/retryAfter");
        ApiOperation withError = plain.WithError("4XX", TestJsonContext.Default.Problem);

        Assert.All(new[] { idempotent, anonymous, hinted, withError }, d => Assert.NotSame(plain, d));
        Assert.False(plain.IsIdempotent);
        Assert.True(plain.IsAuthenticated);
        Assert.Empty(plain.RetryAfterBodyPointers);
        Assert.True(idempotent.IsIdempotent);
        Assert.False(anonymous.IsAuthenticated);
        Assert.Equal(["/retryAfter"], hinted.RetryAfterBodyPointers);
        Assert.All(new[] { idempotent, anonymous, hinted, withError }, d => Assert.Equal(plain.ToString(), d.ToString()));
    }

    [Fact]
    public void A_chain_keeps_every_declaration_and_the_result_type()
    {
        ApiOperation<Item> descriptor = new ApiOperation<Item>("replaceItem", HttpMethod.Post, "items/{id}/replace", TestJsonContext.Default.Item)
            .WithError("4XX", TestJsonContext.Default.Problem)
            .WithRetryAfterBody("/error/retryAfter")
            .WithRetryAfterBody("/retryAfter")
            .AsIdempotent()
            .WithoutAuthentication();

        Assert.Same(TestJsonContext.Default.Item, descriptor.ResultType);
        Assert.True(descriptor.IsIdempotent);
        Assert.False(descriptor.IsAuthenticated);
        Assert.Equal(["/error/retryAfter", "/retryAfter"], descriptor.RetryAfterBodyPointers);
        Assert.Equal("replaceItem (POST items/{id}/replace)", descriptor.ToString());
    }

    [Fact]
    public void The_retry_hint_pointers_cannot_be_changed_through_the_list()
    {
        ApiOperation descriptor = new ApiOperation("getItem", HttpMethod.Get, "items").WithRetryAfterBody("/a");

        Assert.False(descriptor.RetryAfterBodyPointers is string[]);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)descriptor.RetryAfterBodyPointers)[0] = "/b");
        Assert.Equal(["/a"], descriptor.RetryAfterBodyPointers);
    }

    [Fact]
    public void A_pointer_that_is_not_a_JSON_pointer_is_refused()
    {
        var descriptor = new ApiOperation("getItem", HttpMethod.Get, "items");

        Assert.Throws<ArgumentException>(() => descriptor.WithRetryAfterBody("retryAfter"));
        Assert.Throws<ArgumentNullException>(() => descriptor.WithError("404", (System.Text.Json.Serialization.Metadata.JsonTypeInfo<Problem>)null!));
    }

    [Fact]
    public async Task An_error_declared_on_a_derived_descriptor_does_not_reach_calls_of_the_original()
    {
        var original = new ApiOperation<Item>("getItem", HttpMethod.Get, "items/{id}", TestJsonContext.Default.Item);
        ApiOperation<Item> derived = original.WithError("404", TestJsonContext.Default.Problem);
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(404, """{"error":{"message":"No such item","code":"NOT_FOUND"}}"""));
        using ApiConnection connection = TestApi.Connect(server);

        (ApiException untyped, _) = await TestApi.FailsAsync<ApiException>(() => connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/it_1"), original, default));
        (ApiException<Problem> typed, _) = await TestApi.FailsAsync<ApiException<Problem>>(() => connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/it_1"), derived, default));

        Assert.IsType<ApiException>(untyped);
        Assert.Equal("NOT_FOUND", untyped.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, typed.StatusCode);
        Assert.Equal("NOT_FOUND", typed.Error.Error!.Code);
    }

    [Fact]
    public async Task A_descriptor_marked_idempotent_after_the_fact_is_retried_while_the_original_is_not()
    {
        var original = new ApiOperation<Item>("resumeItem", HttpMethod.Post, "items/it_1/resume", TestJsonContext.Default.Item);
        ApiOperation<Item> idempotent = original.AsIdempotent();
        await using LoopbackServer server = await LoopbackServer.StartAsync(Respond(503, ""));
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 1);

        await TestApi.FailsAsync<ApiException>(() => connection.SendAsync(connection.CreateRequest(HttpMethod.Post, "items/it_1/resume"), original, default));
        Assert.Equal(1, server.RequestCount);

        await TestApi.FailsAsync<ApiException>(() => connection.SendAsync(connection.CreateRequest(HttpMethod.Post, "items/it_1/resume"), idempotent, default));
        Assert.Equal(3, server.RequestCount);
    }
}

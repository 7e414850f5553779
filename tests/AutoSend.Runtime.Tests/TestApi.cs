using System.Diagnostics;
using System.Text.Json.Serialization;
using AutoSend.Runtime;
using AutoSend.Runtime.Primitives;
using AutoSend.Testing;

namespace AutoSend.Runtime.Tests;

/// <summary>A success body.</summary>
public sealed class Item
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("count")]
    public int Count { get; init; }
}

/// <summary>A request body.</summary>
public sealed class NewItem
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }
}

/// <summary>An error body shaped like AutoSend's.</summary>
public sealed class Problem
{
    [JsonPropertyName("success")]
    public bool Success { get; init; }

    [JsonPropertyName("error")]
    public ProblemDetail? Error { get; init; }
}

/// <summary>The inner error object.</summary>
public sealed class ProblemDetail
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("code")]
    public string? Code { get; init; }
}

/// <summary>The System.Text.Json source-generated metadata the hand-written operations use.</summary>
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(NewItem))]
[JsonSerializable(typeof(Problem))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

/// <summary>Options as a generated client would derive them.</summary>
public sealed class TestClientOptions : ApiClientOptions
{
}

/// <summary>Operations described by hand, as generated code would declare them, and helpers to call them.</summary>
internal static class TestApi
{
    public const string ApiKey = "AS_test.very-secret-key-0123456789";
    public const string ItemJson = """{"id":"it_1","count":3}""";

    public static readonly ApiOperation<Item> GetItem = new ApiOperation<Item>("getItem", HttpMethod.Get, "items/{id}", TestJsonContext.Default.Item)
        .WithError("4XX", TestJsonContext.Default.Problem)
        .WithError("5XX", TestJsonContext.Default.Problem);

    public static readonly ApiOperation<Item> CreateItem = new ApiOperation<Item>("createItem", HttpMethod.Post, "items", TestJsonContext.Default.Item)
        .WithError("4XX", TestJsonContext.Default.Problem)
        .WithError("5XX", TestJsonContext.Default.Problem);

    public static readonly ApiOperation<Item> ResumeItem = new ApiOperation<Item>("resumeItem", HttpMethod.Post, "items/{id}/resume", TestJsonContext.Default.Item)
        .WithError("4XX", TestJsonContext.Default.Problem)
        .WithRetryAfterBody("/error/retryAfter", "/retryAfter");

    public static readonly ApiOperation<Item> ReplaceItem = new ApiOperation<Item>("replaceItem", HttpMethod.Post, "items/{id}/replace", TestJsonContext.Default.Item)
        .AsIdempotent();

    public static readonly ApiOperation DeleteItem = new("deleteItem", HttpMethod.Delete, "items/{id}");

    /// <summary>Options for tests: the test key, short waits between retries.</summary>
    public static TestClientOptions Options(Uri baseAddress, Action<TestClientOptions>? configure = null)
    {
        var options = new TestClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = baseAddress,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetries = 2,
        };
        configure?.Invoke(options);
        return options;
    }

    public static ApiConnection Connect(Uri baseAddress, Action<TestClientOptions>? configure = null, string clientName = "Tests.ItemsClient", HttpClient? httpClient = null)
    {
        TestClientOptions options = Options(baseAddress, configure);
        return new ApiConnection(httpClient, options, null, ApiAuthentication.Bearer(options.ApiKey), "AutoSend.Runtime.Tests/1.0", clientName);
    }

    public static ApiConnection Connect(LoopbackServer server, Action<TestClientOptions>? configure = null, string clientName = "Tests.ItemsClient") =>
        Connect(server.Address, configure, clientName);

    public static Task<Item> GetAsync(this ApiConnection connection, string id = "it_1", CancellationToken cancellationToken = default) =>
        connection.SendAsync(connection.CreateRequest(HttpMethod.Get, "items/" + Uri.EscapeDataString(id) + "?q=private-query"), GetItem, cancellationToken);

    public static Task<Item> PostAsync(this ApiConnection connection, CancellationToken cancellationToken = default, string? idempotencyKey = null)
    {
        HttpRequestMessage request = connection.CreateRequest(HttpMethod.Post, "items");
        request.Content = ApiContent.Json(new NewItem { Name = "first" }, TestJsonContext.Default.NewItem);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return connection.SendAsync(request, CreateItem, cancellationToken);
    }

    public static Task<Item> ResumeAsync(this ApiConnection connection, CancellationToken cancellationToken = default) =>
        connection.SendAsync(connection.CreateRequest(HttpMethod.Post, "items/it_1/resume"), ResumeItem, cancellationToken);

    /// <summary>Runs <paramref name="call"/> and returns its exception (of that type or a subtype) and how long it took.</summary>
    public static async Task<(TException Exception, TimeSpan Elapsed)> FailsAsync<TException>(Func<Task> call)
        where TException : Exception
    {
        var stopwatch = Stopwatch.StartNew();
        TException exception = await Assert.ThrowsAnyAsync<TException>(call);
        return (exception, stopwatch.Elapsed);
    }

    /// <summary>Asserts that the key appears nowhere in the exception, its inner exceptions and its stack traces.</summary>
    public static void AssertNoSecret(Exception exception)
    {
        Assert.DoesNotContain(ApiKey, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", exception.ToString(), StringComparison.Ordinal);
    }
}

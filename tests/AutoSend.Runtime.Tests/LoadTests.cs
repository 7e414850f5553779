using System.Collections.Concurrent;
using AutoSend.Runtime.Primitives;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace AutoSend.Runtime.Tests;

/// <summary>Many calls through one client: all complete, connections are reused, memory comes back.</summary>
[Trait("Category", "Slow")]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Calls = 10_000;
    private const int InFlight = 64;

    [Fact]
    public async Task Ten_thousand_calls_with_64_in_flight_and_some_429s_all_complete_without_exhausting_sockets_or_memory()
    {
        var connections = new ConcurrentDictionary<string, byte>();
        var throttled = new ConcurrentDictionary<string, byte>();
        byte[] body = """{"id":"it_1","count":3}"""u8.ToArray();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            connections.TryAdd(context.Connection.Id, 0);
            string id = context.Request.Path.Value!;

            // Every tenth item is refused once, as a rate limit would.
            if (id.EndsWith('0') && throttled.TryAdd(id, 0))
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "0";
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = 2;
                await context.Response.WriteAsync("{}");
                return;
            }

            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        }, recordRequests: false);
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxRetries = 3);
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await RunAsync(connection, 0, 500, bound.Token);
        long baseline = MeasureMemory();
        int completed = await RunAsync(connection, 500, Calls, bound.Token);
        long after = MeasureMemory();

        output.WriteLine($"{server.RequestCount} requests over {connections.Count} connections in {stopwatch.Elapsed.TotalSeconds:0.0} s; memory {baseline / 1024} KiB before, {after / 1024} KiB after.");
        Assert.Equal(Calls - 500, completed);
        Assert.Equal(Calls + (Calls / 10), server.RequestCount);
        // One connection per concurrent call at most (and a few replaced ones), not one per request.
        Assert.InRange(connections.Count, 1, InFlight * 2);
        Assert.True(after - baseline < 32L * 1024 * 1024, $"Memory grew by {(after - baseline) / 1024} KiB over {Calls} calls.");
    }

    private static async Task<int> RunAsync(ApiConnection connection, int from, int to, CancellationToken cancellationToken)
    {
        int next = from - 1, completed = 0;
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < to)
            {
                Item item = await connection.GetAsync("item-" + index, cancellationToken);
                Assert.Equal("it_1", item.Id);
                Interlocked.Increment(ref completed);
            }
        }));
        return completed;
    }

    private static long MeasureMemory()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

using System.Text;
using AutoSend.Runtime.Primitives;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace AutoSend.Runtime.Tests;

/// <summary>
/// A JSON lines stream many times larger than <see cref="ApiClientOptions.MaxResponseBodyBytes"/> is read item by item
/// with flat memory: the heap measured near the start and near the end of the stream is the same within a small bound.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StreamingMemoryTests(ITestOutputHelper output)
{
    private const int Lines = 250_000;

    private static readonly ApiOperation<Item> s_stream = new("streamItems", HttpMethod.Get, "items/stream", TestJsonContext.Default.Item);

    [Fact]
    public async Task A_json_lines_stream_of_50_MB_is_read_with_flat_memory()
    {
        // Each line is about 200 bytes: 250,000 of them are ~50 MB, fifty times the per-item limit below.
        string padding = new('x', 160);
        long written = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            var chunk = new StringBuilder();
            for (int i = 0; i < Lines; i++)
            {
                chunk.Append("{\"id\":\"it_").Append(i).Append("\",\"count\":").Append(i % 7).Append(",\"pad\":\"").Append(padding).Append("\"}\n");
                if (chunk.Length > 64 * 1024 || i == Lines - 1)
                {
                    written += chunk.Length;
                    await context.Response.WriteAsync(chunk.ToString(), context.RequestAborted);
                    chunk.Clear();
                }
            }
        }, recordRequests: false);
        using ApiConnection connection = TestApi.Connect(server, o => o.MaxResponseBodyBytes = 1024 * 1024);

        long early = 0, late = 0;
        int count = 0;
        await foreach (Item item in connection.StreamJsonLinesAsync(connection.CreateRequest(HttpMethod.Get, "items/stream"), s_stream, CancellationToken.None))
        {
            Assert.Equal("it_" + count, item.Id);
            count++;
            if (count == 20_000)
            {
                early = MeasureMemory();
            }
            else if (count == Lines - 20_000)
            {
                late = MeasureMemory();
            }
        }

        output.WriteLine($"{count} lines, {written / (1024 * 1024)} MB: heap {early / 1024} KiB after 20,000 lines, {late / 1024} KiB 20,000 lines before the end.");
        Assert.Equal(Lines, count);
        Assert.True(written > 40L * 1024 * 1024, $"only {written} bytes were streamed");
        Assert.True(late - early < 2L * 1024 * 1024, $"The heap grew by {(late - early) / 1024} KiB while the stream was read.");
    }

    private static long MeasureMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

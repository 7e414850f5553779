using System.Collections.Concurrent;
using AutoSend.Testing;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Packaging.Tests;

/// <summary>
/// Done-when of issue 14 for streams: a consumer of the packed package, on a document it has never seen, reads a
/// server-sent-events operation and a JSON-lines operation item by item (it acknowledges the first item to the server,
/// which holds the rest of the stream until then) and outlives its 2 s per-attempt timeout (the server sends the
/// rest over about 3 s).
/// </summary>
[Collection(PackageFeedCollection.Name)]
[Trait("Category", "Slow")]
public sealed class StreamingConsumerTests(PackageFeed feed)
{
    private static readonly TimeSpan s_ackWait = TimeSpan.FromSeconds(30);

    // A small document in the style of live-data APIs: an event stream of observations and an NDJSON export.
    private const string Spec = """
        openapi: 3.1.0
        info:
          title: Weather Feed API
          version: 2.0.0
        servers:
          - url: https://feed.weather.example
        paths:
          /observations/live:
            get:
              operationId: watchObservations
              tags: [observations]
              parameters:
                - {name: station, in: query, required: true, schema: {type: string}}
              responses:
                '200':
                  description: One event per observation, as they are made.
                  content:
                    text/event-stream:
                      schema: {$ref: '#/components/schemas/Observation'}
          /observations/export:
            get:
              operationId: exportObservations
              tags: [observations]
              responses:
                '200':
                  description: One observation per line.
                  content:
                    application/x-ndjson:
                      schema: {$ref: '#/components/schemas/Observation'}
        components:
          schemas:
            Observation:
              type: object
              required: [station, seq]
              properties:
                station: {type: string}
                seq: {type: integer}
                celsius: {type: number}
        """;

    // After the first item of each stream the consumer tells the server (GET /ack/<kind>) before it reads on.
    private const string Program = """
        using System.Globalization;
        using Weather;

        var root = new Uri(args[0]);
        using var acks = new HttpClient();
        using var client = new WeatherFeedClient(new WeatherFeedClientOptions
        {
            BaseAddress = root,
            Timeout = TimeSpan.FromSeconds(2),
            MaxRetries = 0,
        });

        await foreach (Observation observation in client.Observations.WatchAsync("KSEA").ConfigureAwait(false))
        {
            Console.WriteLine("sse " + observation.Seq.ToString(CultureInfo.InvariantCulture) + " " + observation.Station);
            if (observation.Seq == 1)
            {
                using HttpResponseMessage ack = await acks.GetAsync(new Uri(root, "ack/sse")).ConfigureAwait(false);
                ack.EnsureSuccessStatusCode();
            }
        }

        await foreach (Observation observation in client.Observations.ExportAsync().ConfigureAwait(false))
        {
            Console.WriteLine("ndjson " + observation.Seq.ToString(CultureInfo.InvariantCulture) + " " + observation.Station);
            if (observation.Seq == 1)
            {
                using HttpResponseMessage ack = await acks.GetAsync(new Uri(root, "ack/ndjson")).ConfigureAwait(false);
                ack.EnsureSuccessStatusCode();
            }
        }
        """;

    [Fact]
    public async Task Sse_and_ndjson_stream_item_by_item_and_outlive_a_2_s_attempt_timeout_in_an_unseen_document()
    {
        using Consumer consumer = await Consumer.BuildUnseenAsync(feed, Spec, "Weather", Program);

        var acks = new ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal)
        {
            ["sse"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
            ["ndjson"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        var log = new ConcurrentQueue<string>();
        var durations = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            string path = context.Request.Path.Value ?? "";
            if (path.StartsWith("/ack/", StringComparison.Ordinal))
            {
                string kind = path["/ack/".Length..];
                log.Enqueue("ack " + kind);
                acks[kind].TrySetResult();
                return;
            }

            bool sse = path == "/observations/live";
            string streamKind = sse ? "sse" : "ndjson";
            context.Response.ContentType = sse ? "text/event-stream" : "application/x-ndjson";
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (int seq = 1; seq <= 4; seq++)
            {
                if (seq == 2)
                {
                    // The rest of the stream waits until the client has seen the first item.
                    try
                    {
                        await acks[streamKind].Task.WaitAsync(s_ackWait, context.RequestAborted);
                    }
                    catch (TimeoutException)
                    {
                        log.Enqueue("no ack " + streamKind);
                        return;
                    }
                }

                if (seq > 1)
                {
                    // Three more items, 1 s apart: the stream lasts about 3 s after the first one.
                    await Task.Delay(1000, context.RequestAborted);
                }

                string json = "{\"station\":\"KSEA\",\"seq\":" + seq + ",\"celsius\":" + (10 + seq) + ".5}";
                await context.Response.WriteAsync(sse ? "data: " + json + "\n\n" : json + "\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                log.Enqueue("sent " + streamKind + " " + seq);
            }

            durations[streamKind] = clock.Elapsed;
        });

        IReadOnlyList<string> output = await consumer.RunAgainstAsync(server);

        Assert.Equal(["sse 1 KSEA", "sse 2 KSEA", "sse 3 KSEA", "sse 4 KSEA", "ndjson 1 KSEA", "ndjson 2 KSEA", "ndjson 3 KSEA", "ndjson 4 KSEA"], output);

        // Each first item reached the consumer's code while the server still held the last one.
        Assert.Equal(
            ["sent sse 1", "ack sse", "sent sse 2", "sent sse 3", "sent sse 4", "sent ndjson 1", "ack ndjson", "sent ndjson 2", "sent ndjson 3", "sent ndjson 4"],
            log);

        // Both streams outlived the consumer's 2 s per-attempt timeout.
        Assert.All(durations.Values, d => Assert.True(d > TimeSpan.FromSeconds(2.5), $"a stream took only {d}"));
        Assert.Equal(2, durations.Count);
        Assert.Equal(["GET /observations/live?station=KSEA", "GET /ack/sse", "GET /observations/export", "GET /ack/ndjson"],
            server.Requests.Select(r => r.Line));
    }
}

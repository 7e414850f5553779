using System.Net.ServerSentEvents;
using System.Text;
using AutoSend.Runtime;
using AutoSend.Testing;
using Fixtures.Media;
using Microsoft.AspNetCore.Http;

namespace AutoSend.Client.Tests;

/// <summary>
/// Streamed responses of the client generated from tests/AutoSend.Gen.Tests/Fixtures/media.yaml, served by Kestrel in
/// chunks: server-sent events and JSON lines arrive item by item, a stream may outlive the per-attempt timeout,
/// retries happen only before the stream starts, cancelling or leaving the enumeration releases the connection, a stream
/// idle past <c>StreamIdleTimeout</c> ends with a timeout, and one item (event or line) is bounded by <c>MaxResponseBodyBytes</c>.
/// </summary>
public sealed class StreamingWireTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    private static MediaClient Client(LoopbackServer server, Action<MediaClientOptions>? configure = null)
    {
        var options = new MediaClientOptions { BaseAddress = server.Address, MaxRetries = 0 };
        configure?.Invoke(options);
        return new MediaClient(options);
    }

    // Writes a chunk and pushes it onto the wire at once.
    private static async Task Send(HttpContext context, string chunk)
    {
        await context.Response.WriteAsync(chunk, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static Task<LoopbackServer> Stream(string contentType, Func<HttpContext, Task> write) =>
        LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = contentType;
            await write(context);
        });

    // --- server-sent events ---

    [Fact]
    public async Task Events_arrive_one_by_one_before_the_stream_ends()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await Stream("text/event-stream", async context =>
        {
            await Send(context, "data: {\"seq\":1}\n\n");
            await release.Task.WaitAsync(s_wait);

            // A comment, then an event whose data spans two lines (joined with a line feed).
            await Send(context, ": keep-alive\n\ndata: {\"seq\":2,\ndata: \"price\":1.5}\n\n");
        });
        using MediaClient client = Client(server);

        await using IAsyncEnumerator<Tick> ticks = client.Streams.StreamTicksAsync("ACME").GetAsyncEnumerator();

        // The server holds the rest of the stream until the first tick has been read.
        Assert.True(await ticks.MoveNextAsync());
        Assert.Equal(1, ticks.Current.Seq);
        release.SetResult();
        Assert.True(await ticks.MoveNextAsync());
        Assert.Equal((2, 1.5), (ticks.Current.Seq, ticks.Current.Price));
        Assert.False(await ticks.MoveNextAsync());

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET /streams/ticks?symbol=ACME", request.Line);
        Assert.Equal("text/event-stream", request.Headers["accept"]);
    }

    [Fact]
    public async Task The_raw_events_carry_their_type_and_id()
    {
        await using LoopbackServer server = await Stream("text/event-stream", context =>
            Send(context, "event: tick\nid: 7\ndata: {\"seq\":7}\n\ndata: {\"seq\":8}\n\n"));
        using MediaClient client = Client(server);

        var events = new List<SseItem<Tick>>();
        await foreach (SseItem<Tick> item in client.Streams.StreamTicksEventsAsync("ACME"))
        {
            events.Add(item);
        }

        Assert.Equal(2, events.Count);
        Assert.Equal(("tick", "7", 7), (events[0].EventType, events[0].EventId, events[0].Data.Seq));
        Assert.Equal(("message", 8), (events[1].EventType, events[1].Data.Seq));
    }

    [Fact]
    public async Task Events_without_a_schema_are_text()
    {
        await using LoopbackServer server = await Stream("text/event-stream; charset=utf-8", context =>
            Send(context, "data: hello\n\n: comment\ndata: two\r\ndata: lines\r\n\r\ndata: é\n\n"));
        using MediaClient client = Client(server);

        var messages = new List<string>();
        await foreach (string message in client.Streams.StreamMessagesAsync())
        {
            messages.Add(message);
        }

        Assert.Equal(["hello", "two\nlines", "é"], messages);
    }

    [Fact]
    public async Task A_stream_outlives_the_per_attempt_timeout()
    {
        await using LoopbackServer server = await Stream("text/event-stream", async context =>
        {
            for (int seq = 1; seq <= 5; seq++)
            {
                await Send(context, $"data: {{\"seq\":{seq}}}\n\n");
                await Task.Delay(700, context.RequestAborted);
            }
        });

        // Five events 0.7 s apart: the stream lasts 3.5 s, well past the 2 s the headers are given.
        using MediaClient client = Client(server, o => o.Timeout = TimeSpan.FromSeconds(2));

        var seqs = new List<int>();
        await foreach (Tick tick in client.Streams.StreamTicksAsync("ACME"))
        {
            seqs.Add(tick.Seq);
        }

        Assert.Equal([1, 2, 3, 4, 5], seqs);
    }

    [Fact]
    public async Task The_per_attempt_timeout_still_bounds_the_wait_for_the_headers()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        using MediaClient client = Client(server, o => o.Timeout = TimeSpan.FromMilliseconds(300));

        await using IAsyncEnumerator<Tick> ticks = client.Streams.StreamTicksAsync("ACME").GetAsyncEnumerator();

        await Assert.ThrowsAsync<ApiTimeoutException>(async () => await ticks.MoveNextAsync());
    }

    [Fact]
    public async Task A_failure_before_the_stream_starts_is_retried()
    {
        int calls = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "text/event-stream";
            await Send(context, "data: {\"seq\":1}\n\n");
        });
        using MediaClient client = Client(server, o => { o.MaxRetries = 2; o.RetryDelay = TimeSpan.FromMilliseconds(1); });

        var seqs = new List<int>();
        await foreach (Tick tick in client.Streams.StreamTicksAsync("ACME"))
        {
            seqs.Add(tick.Seq);
        }

        Assert.Equal([1], seqs);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_stream_cut_after_its_first_event_is_not_retried()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await Stream("text/event-stream", async context =>
        {
            // The cut comes once the first event has been read: a reset would drop bytes not read yet.
            await Send(context, "data: {\"seq\":1}\n\n");
            await received.Task.WaitAsync(s_wait);
            await Send(context, "data: {\"se");
            context.Abort();
        });
        using MediaClient client = Client(server, o => { o.MaxRetries = 3; o.RetryDelay = TimeSpan.FromMilliseconds(1); });

        await using IAsyncEnumerator<Tick> ticks = client.Streams.StreamTicksAsync("ACME").GetAsyncEnumerator();
        Assert.True(await ticks.MoveNextAsync());
        Assert.Equal(1, ticks.Current.Seq);
        received.SetResult();

        var failure = await Assert.ThrowsAsync<ApiConnectionException>(async () => await ticks.MoveNextAsync());
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(200, (int)failure.StatusCode);
    }

    [Fact]
    public async Task Cancelling_stops_the_stream_and_releases_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await Stream("text/event-stream", async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await Send(context, "data: {\"seq\":1}\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using MediaClient client = Client(server);
        using var cancellation = new CancellationTokenSource();

        await using IAsyncEnumerator<Tick> ticks = client.Streams.StreamTicksAsync("ACME", cancellation.Token).GetAsyncEnumerator();
        Assert.True(await ticks.MoveNextAsync());
        ValueTask<bool> next = ticks.MoveNextAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
        await aborted.Task.WaitAsync(s_wait);
    }

    [Fact]
    public async Task Leaving_the_enumeration_early_releases_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await Stream("text/event-stream", async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await Send(context, "data: {\"seq\":1}\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using MediaClient client = Client(server);

        await foreach (Tick tick in client.Streams.StreamTicksAsync("ACME"))
        {
            Assert.Equal(1, tick.Seq);
            break;
        }

        await aborted.Task.WaitAsync(s_wait);
    }

    [Fact]
    public async Task An_event_that_is_not_the_documented_json_is_an_api_exception()
    {
        await using LoopbackServer server = await Stream("text/event-stream", context => Send(context, "data: {\"seq\":1}\n\ndata: not json\n\n"));
        using MediaClient client = Client(server);

        var seqs = new List<int>();
        var failure = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (Tick tick in client.Streams.StreamTicksAsync("ACME"))
            {
                seqs.Add(tick.Seq);
            }
        });

        Assert.Equal([1], seqs);
        Assert.Contains("not json", failure.Message, StringComparison.Ordinal);
    }

    // --- idle limit and event size ---

    [Fact]
    public async Task A_stream_idle_longer_than_StreamIdleTimeout_ends_with_a_timeout_and_releases_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await Stream("text/event-stream", async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await Send(context, "data: {\"seq\":1}\n\n");

            // A pause of 3 s (ten times the limit), then an event that must never be seen.
            await Task.Delay(3000, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await Send(context, "data: {\"seq\":2}\n\n");
            }
        });
        using MediaClient client = Client(server, o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(300));

        var seqs = new List<int>();
        var failure = await Assert.ThrowsAsync<ApiTimeoutException>(async () =>
        {
            await foreach (Tick tick in client.Streams.StreamTicksAsync("ACME"))
            {
                seqs.Add(tick.Seq);
            }
        });

        Assert.Equal([1], seqs);
        Assert.True(failure.IsStreamIdleTimeout);
        Assert.False(failure.IsTotalTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(300), failure.Timeout);
        Assert.Equal(200, (int)failure.StatusCode);
        Assert.Contains("StreamIdleTimeout", failure.Message, StringComparison.Ordinal);
        await aborted.Task.WaitAsync(s_wait);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Keep_alive_comments_keep_an_idle_limited_stream_open()
    {
        await using LoopbackServer server = await Stream("text/event-stream", async context =>
        {
            await Send(context, "data: {\"seq\":1}\n\n");

            // 3 s without an event, but a comment every 100 ms against a limit of 1.5 s.
            for (int i = 0; i < 30; i++)
            {
                await Task.Delay(100, context.RequestAborted);
                await Send(context, ": keep-alive\n");
            }

            await Send(context, "\ndata: {\"seq\":2}\n\n");
        });
        using MediaClient client = Client(server, o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(1500));

        var seqs = new List<int>();
        await foreach (Tick tick in client.Streams.StreamTicksAsync("ACME"))
        {
            seqs.Add(tick.Seq);
        }

        Assert.Equal([1, 2], seqs);
    }

    [Fact]
    public async Task The_idle_limit_bounds_json_lines_too_and_is_set_per_call()
    {
        await using LoopbackServer server = await Stream("application/x-ndjson", async context =>
        {
            await Send(context, "{\"seq\":1}\n");
            await Task.Delay(3000, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await Send(context, "{\"seq\":2}\n");
            }
        });

        // The client has no limit; this call has one of 300 ms.
        using MediaClient client = Client(server);
        var seqs = new List<int>();
        var failure = await Assert.ThrowsAsync<ApiTimeoutException>(async () =>
        {
            await foreach (Tick tick in client.Streams.StreamNdjsonAsync(new ApiRequestOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(300) }))
            {
                seqs.Add(tick.Seq);
            }
        });

        Assert.Equal([1], seqs);
        Assert.True(failure.IsStreamIdleTimeout);
    }

    [Fact]
    public async Task A_call_can_lift_the_clients_idle_limit()
    {
        await using LoopbackServer server = await Stream("application/x-ndjson", async context =>
        {
            await Send(context, "{\"seq\":1}\n");
            await Task.Delay(1500, context.RequestAborted);
            await Send(context, "{\"seq\":2}\n");
        });
        using MediaClient client = Client(server, o => o.StreamIdleTimeout = TimeSpan.FromMilliseconds(300));

        var seqs = new List<int>();
        await foreach (Tick tick in client.Streams.StreamNdjsonAsync(new ApiRequestOptions { StreamIdleTimeout = Timeout.InfiniteTimeSpan }))
        {
            seqs.Add(tick.Seq);
        }

        Assert.Equal([1, 2], seqs);
    }

    [Fact]
    public async Task An_event_longer_than_the_body_limit_is_refused()
    {
        // 2 KiB of comments (which do not count), a small event, then one whose data lines pass the 1 KiB limit.
        string comments = string.Concat(Enumerable.Repeat(": " + new string('c', 98) + "\n", 20));
        string longEvent = string.Concat(Enumerable.Repeat("data: " + new string(' ', 100) + "\n", 20)) + "data: {\"seq\":2}\n\n";
        await using LoopbackServer server = await Stream("text/event-stream", async context =>
        {
            await Send(context, comments + "data: {\"seq\":1}\n\n");
            await Send(context, longEvent);
        });
        using MediaClient client = Client(server, o => o.MaxResponseBodyBytes = 1024);

        var seqs = new List<int>();
        var failure = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (Tick tick in client.Streams.StreamTicksAsync("ACME"))
            {
                seqs.Add(tick.Seq);
            }
        });

        // The limit bounds one event, not the stream.
        Assert.Equal([1], seqs);
        Assert.Contains("has an event longer than the limit of 1024 bytes (MaxResponseBodyBytes)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(200, (int)failure.StatusCode);
    }

    [Fact]
    public async Task An_unfinished_event_line_longer_than_the_body_limit_is_refused_before_it_ends()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await Stream("text/event-stream", async context =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());

            // A data line that never ends: 64 KiB chunks until the client gives up (or 16 MiB have gone).
            await Send(context, "data: ");
            string chunk = new('x', 64 * 1024);
            for (int i = 0; i < 256 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.WriteAsync(chunk, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        using MediaClient client = Client(server, o => o.MaxResponseBodyBytes = 256 * 1024);

        var failure = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (string message in client.Streams.StreamMessagesAsync())
            {
                Assert.Fail("no event can arrive: " + message.Length);
            }
        });

        Assert.Contains("has an event longer", failure.Message, StringComparison.Ordinal);
        await aborted.Task.WaitAsync(s_wait);
    }

    // --- JSON lines ---

    [Fact]
    public async Task Ndjson_lines_arrive_one_by_one_before_the_stream_ends()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using LoopbackServer server = await Stream("application/x-ndjson", async context =>
        {
            // The first line arrives in two chunks; blank lines and CRLF endings are allowed.
            await Send(context, "{\"seq\":");
            await Send(context, "1}\n");
            await release.Task.WaitAsync(s_wait);
            await Send(context, "\r\n{\"seq\":2,\"price\":0.5}\r\n{\"seq\":3}");
        });
        using MediaClient client = Client(server);

        await using IAsyncEnumerator<Tick> ticks = client.Streams.StreamNdjsonAsync().GetAsyncEnumerator();

        Assert.True(await ticks.MoveNextAsync());
        Assert.Equal(1, ticks.Current.Seq);
        release.SetResult();
        Assert.True(await ticks.MoveNextAsync());
        Assert.Equal((2, 0.5), (ticks.Current.Seq, ticks.Current.Price));
        Assert.True(await ticks.MoveNextAsync());
        Assert.Equal(3, ticks.Current.Seq);
        Assert.False(await ticks.MoveNextAsync());
        Assert.Equal("application/x-ndjson", Assert.Single(server.Requests).Headers["accept"]);
    }

    [Fact]
    public async Task Jsonl_is_streamed_for_a_post_with_a_body()
    {
        await using LoopbackServer server = await Stream("application/jsonl", context => Send(context, "{\"seq\":1}\n{\"seq\":2}\n"));
        using MediaClient client = Client(server);

        var seqs = new List<int>();
        await foreach (Tick tick in client.Streams.StreamJsonlAsync(new Tick { Seq = 0 }))
        {
            seqs.Add(tick.Seq);
        }

        RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST /streams/jsonl", request.Line);
        Assert.Equal("""{"seq":0}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal([1, 2], seqs);
    }

    [Fact]
    public async Task Json_seq_records_are_split_on_the_record_separator()
    {
        await using LoopbackServer server = await Stream("application/json-seq", context =>
            Send(context, "\u001e{\"seq\":1}\n\u001e{\"seq\":2,\n\"price\":2}\n"));
        using MediaClient client = Client(server);

        var ticks = new List<(int, double?)>();
        await foreach (Tick tick in client.Streams.StreamJsonSeqAsync())
        {
            ticks.Add((tick.Seq, tick.Price));
        }

        Assert.Equal([(1, null), (2, 2.0)], ticks);
    }

    [Fact]
    public async Task A_line_that_is_not_json_is_an_api_exception_after_the_good_ones()
    {
        await using LoopbackServer server = await Stream("application/x-ndjson", context => Send(context, "{\"seq\":1}\n{oops}\n{\"seq\":3}\n"));
        using MediaClient client = Client(server);

        var seqs = new List<int>();
        var failure = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (Tick tick in client.Streams.StreamNdjsonAsync())
            {
                seqs.Add(tick.Seq);
            }
        });

        Assert.Equal([1], seqs);
        Assert.Contains("{oops}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_longer_than_the_body_limit_is_refused()
    {
        await using LoopbackServer server = await Stream("application/x-ndjson", context =>
            Send(context, "{\"seq\":1}\n{\"seq\":2,\"pad\":\"" + new string('x', 4096) + "\"}\n"));
        using MediaClient client = Client(server, o => o.MaxResponseBodyBytes = 1024);

        var seqs = new List<int>();
        var failure = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (Tick tick in client.Streams.StreamNdjsonAsync())
            {
                seqs.Add(tick.Seq);
            }
        });

        // The limit bounds one item, not the stream: the first line is read, the long one refused.
        Assert.Equal([1], seqs);
        Assert.Contains("MaxResponseBodyBytes", failure.Message, StringComparison.Ordinal);
    }
}

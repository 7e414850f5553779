using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using AutoSend.Bench.Streams;
using BenchmarkDotNet.Attributes;

namespace AutoSend.Benchmarks;

/// <summary>
/// A JSON-lines stream of 10,000 and 100,000 records (about 140 bytes a line) read item by item through the client
/// generated from bench/Clients/AutoSend.Bench.Streams/streams.openapi.yaml, against a hand-written baseline: an
/// HttpClient with <c>ResponseHeadersRead</c>, a <see cref="StreamReader"/> reading lines and the System.Text.Json source
/// generator deserializing each. Both read from one in-memory handler whose body stream writes the lines as they are
/// read (it allocates nothing per line), so the bytes MemoryDiagnoser counts are the clients'. Flat memory shows as
/// allocated bytes that grow in step with the lines (the same bytes per item at both sizes) and no Gen 2 collections.
/// </summary>
[BenchmarkCategory("Streams")]
public class JsonLinesBenchmarks
{
    private static readonly Uri s_baseAddress = new("https://export.example.com/");

    private HttpClient _handWrittenHttp = null!;
    private HttpClient _generatedHttp = null!;
    private RecordExportClient _generated = null!;

    [Params(10_000, 100_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var handler = new NdjsonHandler(Lines);
        _handWrittenHttp = new HttpClient(handler, disposeHandler: false) { BaseAddress = s_baseAddress };
        _generatedHttp = new HttpClient(handler, disposeHandler: false);
        _generated = new RecordExportClient(_generatedHttp, new RecordExportClientOptions { BaseAddress = s_baseAddress });

        // Both read every line, in order, with the values the handler wrote.
        long expected = (long)Lines * (Lines - 1) / 2;
        Check("HandWritten", HandWritten().GetAwaiter().GetResult(), expected);
        Check("AutoSend", AutoSend().GetAwaiter().GetResult(), expected);
        if (handler.LastUri != "https://export.example.com/records")
        {
            throw new InvalidOperationException("The generated client asked for " + handler.LastUri);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generated.Dispose();
        _generatedHttp.Dispose();
        _handWrittenHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HandWritten (StreamReader lines + STJ source generator)")]
    public async Task<long> HandWritten()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "records");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        using HttpResponseMessage response = await _handWrittenHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), Encoding.UTF8);
        long sum = 0;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            HandWrittenRecord record = System.Text.Json.JsonSerializer.Deserialize(line, JsonLinesStjContext.Default.HandWrittenRecord)!;
            sum += record.Seq;
        }

        return sum;
    }

    [Benchmark(Description = "AutoSend (generated, IAsyncEnumerable)")]
    public async Task<long> AutoSend()
    {
        long sum = 0;
        await foreach (ExportRecord record in _generated.Records.ExportAsync().ConfigureAwait(false))
        {
            sum += record.Seq;
        }

        return sum;
    }

    private void Check(string client, long sum, long expected)
    {
        if (sum != expected)
        {
            throw new InvalidOperationException($"{client} read a sum of seq {sum} from {Lines} lines; expected {expected}.");
        }
    }
}

/// <summary>The hand-written baseline's record type, for the System.Text.Json source generator.</summary>
public sealed class HandWrittenRecord
{
    [JsonPropertyName("id")]
    public required string Id { get; set; }

    [JsonPropertyName("seq")]
    public required long Seq { get; set; }

    [JsonPropertyName("amount")]
    public required double Amount { get; set; }

    [JsonPropertyName("region")]
    public required string Region { get; set; }

    [JsonPropertyName("note")]
    public string? Note { get; set; }
}

[JsonSerializable(typeof(HandWrittenRecord))]
internal sealed partial class JsonLinesStjContext : JsonSerializerContext;

/// <summary>Answers every request with 200 and a JSON-lines body of <c>lines</c> records.</summary>
public sealed class NdjsonHandler(int lines) : HttpMessageHandler
{
    public string? LastUri { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastUri = request.RequestUri?.AbsoluteUri;
        var content = new StreamContent(new NdjsonBodyStream(lines), 16 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}

/// <summary>
/// Writes <c>{"id":"rec-000000042","seq":42,"amount":42.25,"region":"eu-west-1","note":"..."}</c> lines into the reader's
/// buffer as it reads, from one reused line buffer: no allocation per line.
/// </summary>
public sealed class NdjsonBodyStream(int lines) : Stream
{
    private const string Note = "a short note that makes the line about one hundred bytes";
    private readonly byte[] _line = new byte[256];
    private int _lineLength;
    private int _linePosition;
    private int _next;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        while (written < buffer.Length)
        {
            if (_linePosition == _lineLength)
            {
                if (_next == lines)
                {
                    break;
                }

                FormatLine(_next++);
            }

            int count = Math.Min(buffer.Length - written, _lineLength - _linePosition);
            _line.AsSpan(_linePosition, count).CopyTo(buffer[written..]);
            _linePosition += count;
            written += count;
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void FormatLine(int seq)
    {
        Span<byte> line = _line;
        int n = 0;
        n += Append(line[n..], "{\"id\":\"rec-"u8);
        Utf8Formatter.TryFormat(seq, line[n..], out int digits, new System.Buffers.StandardFormat('D', 9));
        n += digits;
        n += Append(line[n..], "\",\"seq\":"u8);
        Utf8Formatter.TryFormat(seq, line[n..], out digits);
        n += digits;
        n += Append(line[n..], ",\"amount\":"u8);
        Utf8Formatter.TryFormat(seq + 0.25, line[n..], out digits);
        n += digits;
        n += Append(line[n..], ",\"region\":\"eu-west-1\",\"note\":\""u8);
        n += Encoding.ASCII.GetBytes(Note, line[n..]);
        n += Append(line[n..], "\"}\n"u8);
        _lineLength = n;
        _linePosition = 0;
    }

    private static int Append(Span<byte> target, ReadOnlySpan<byte> text)
    {
        text.CopyTo(target);
        return text.Length;
    }
}

extern alias stj;

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AutoSend.Client;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using StjJsonContext = stj::AutoSend.Bench.Stj.StjJsonContext;
using StjCampaign = stj::AutoSend.Client.Campaign;

namespace AutoSend.Benchmarks;

/// <summary>
/// Our model types (<see cref="Campaign"/> and a list of 100) through three kinds of System.Text.Json metadata:
/// ours (AutoSendJsonContext, built with JsonMetadataServices by our generator), the STJ source generator's
/// ([JsonSerializable] over the same generated model sources, compiled in AutoSend.Bench.StjModels), and reflection
/// (DefaultJsonTypeInfoResolver). The open-enum structs convert with the same generated converters in all three.
/// </summary>
[BenchmarkCategory("Json")]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    private static readonly JsonSerializerOptions s_reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private Utf8JsonWriter _writer = null!;
    private JsonTypeInfo<Campaign> _reflectionCampaign = null!;
    private JsonTypeInfo<IReadOnlyList<Campaign>> _reflectionList = null!;
    private Campaign _campaign = null!;
    private IReadOnlyList<Campaign> _list = null!;
    private StjCampaign _stjCampaign = null!;
    private IReadOnlyList<StjCampaign> _stjList = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _reflectionCampaign = (JsonTypeInfo<Campaign>)s_reflection.GetTypeInfo(typeof(Campaign));
        _reflectionList = (JsonTypeInfo<IReadOnlyList<Campaign>>)s_reflection.GetTypeInfo(typeof(IReadOnlyList<Campaign>));
        _campaign = JsonSerializer.Deserialize(Payloads.CampaignUtf8, AutoSendJsonContext.Default.Campaign)!;
        _list = JsonSerializer.Deserialize(Payloads.CampaignArrayUtf8, AutoSendJsonContext.Default.IReadOnlyListCampaign)!;
        _stjCampaign = JsonSerializer.Deserialize(Payloads.CampaignUtf8, StjJsonContext.Default.Campaign)!;
        _stjList = JsonSerializer.Deserialize(Payloads.CampaignArrayUtf8, StjJsonContext.Default.IReadOnlyListCampaign)!;

        // The three kinds of metadata must agree: same values read, same bytes written.
        string campaign = JsonSerializer.Serialize(_campaign, AutoSendJsonContext.Default.Campaign);
        ClientSet.Expect("reflection", "Campaign JSON", campaign, JsonSerializer.Serialize(JsonSerializer.Deserialize(Payloads.CampaignUtf8, _reflectionCampaign)!, _reflectionCampaign));
        ClientSet.Expect("STJ source generator", "Campaign JSON", campaign, JsonSerializer.Serialize(_stjCampaign, StjJsonContext.Default.Campaign));
        ClientSet.Expect("AutoSend", "status", "sending_gradual", _campaign.Status.Value);
        string list = JsonSerializer.Serialize(_list, AutoSendJsonContext.Default.IReadOnlyListCampaign);
        ClientSet.Expect("reflection", "list JSON", list, JsonSerializer.Serialize(JsonSerializer.Deserialize(Payloads.CampaignArrayUtf8, _reflectionList)!, _reflectionList));
        ClientSet.Expect("STJ source generator", "list JSON", list, JsonSerializer.Serialize(_stjList, StjJsonContext.Default.IReadOnlyListCampaign));
        ClientSet.Expect("AutoSend", "count", 100, _list.Count);
    }

    [BenchmarkCategory("Deserialize Campaign"), Benchmark(Baseline = true, Description = "STJ source generator")]
    public object DeserializeCampaignStj() => JsonSerializer.Deserialize(Payloads.CampaignUtf8, StjJsonContext.Default.Campaign)!;

    [BenchmarkCategory("Deserialize Campaign"), Benchmark(Description = "AutoSend")]
    public object DeserializeCampaignAutoSend() => JsonSerializer.Deserialize(Payloads.CampaignUtf8, AutoSendJsonContext.Default.Campaign)!;

    [BenchmarkCategory("Deserialize Campaign"), Benchmark(Description = "Reflection")]
    public object DeserializeCampaignReflection() => JsonSerializer.Deserialize(Payloads.CampaignUtf8, _reflectionCampaign)!;

    [BenchmarkCategory("Serialize Campaign"), Benchmark(Baseline = true, Description = "STJ source generator")]
    public long SerializeCampaignStj() => Write(_stjCampaign, StjJsonContext.Default.Campaign);

    [BenchmarkCategory("Serialize Campaign"), Benchmark(Description = "AutoSend")]
    public long SerializeCampaignAutoSend() => Write(_campaign, AutoSendJsonContext.Default.Campaign);

    [BenchmarkCategory("Serialize Campaign"), Benchmark(Description = "Reflection")]
    public long SerializeCampaignReflection() => Write(_campaign, _reflectionCampaign);

    [BenchmarkCategory("Deserialize 100 campaigns"), Benchmark(Baseline = true, Description = "STJ source generator")]
    public object DeserializeListStj() => JsonSerializer.Deserialize(Payloads.CampaignArrayUtf8, StjJsonContext.Default.IReadOnlyListCampaign)!;

    [BenchmarkCategory("Deserialize 100 campaigns"), Benchmark(Description = "AutoSend")]
    public object DeserializeListAutoSend() => JsonSerializer.Deserialize(Payloads.CampaignArrayUtf8, AutoSendJsonContext.Default.IReadOnlyListCampaign)!;

    [BenchmarkCategory("Deserialize 100 campaigns"), Benchmark(Description = "Reflection")]
    public object DeserializeListReflection() => JsonSerializer.Deserialize(Payloads.CampaignArrayUtf8, _reflectionList)!;

    [BenchmarkCategory("Serialize 100 campaigns"), Benchmark(Baseline = true, Description = "STJ source generator")]
    public long SerializeListStj() => Write(_stjList, StjJsonContext.Default.IReadOnlyListCampaign);

    [BenchmarkCategory("Serialize 100 campaigns"), Benchmark(Description = "AutoSend")]
    public long SerializeListAutoSend() => Write(_list, AutoSendJsonContext.Default.IReadOnlyListCampaign);

    [BenchmarkCategory("Serialize 100 campaigns"), Benchmark(Description = "Reflection")]
    public long SerializeListReflection() => Write(_list, _reflectionList);

    // Serializes into a reused buffer, so that only the serializer's own allocations are counted.
    private long Write<T>(T value, JsonTypeInfo<T> info)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, value, info);
        return _writer.BytesCommitted;
    }
}

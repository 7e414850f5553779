using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Fixtures.Mapping;

namespace AutoSend.Client.Tests;

/// <summary>
/// The fast-path serializers of the generated contexts (<c>JsonTypeInfo&lt;T&gt;.SerializeHandler</c>): System.Text.Json
/// takes them only when the options are compatible with the context's <c>GeneratedSerializerOptions</c>, and falls back
/// to the property metadata otherwise. Both paths must write the same bytes.
/// </summary>
public sealed class FastPathTests
{
    // Every Campaign property set, with strings that need escaping, offsets, unknown enum values and nested lists.
    private const string FullCampaign = """
        {"id":"c1","campaignId":"legacy","projectId":"p","organizationId":"o","createdBy":"u","name":"Spring \u003Csale\u003E \"50%\" & caf\u00E9 \uD83C\uDF89","subject":"line\nbreak\ttab\\","previewText":"","fromSenderId":"s","from":{"email":"a@b.c","name":"\u00C5sa"},"replyTo":"r@b.c","toLists":[{"id":"l1","name":"One","type":"static","contactCount":3},{"id":"l2"},{}],"excludeLists":["x","y"],"unsubscribeGroupId":"g","sendNow":false,"scheduledAt":"2026-03-01T10:00:00.1234567+05:30","templateId":"t","status":"sending_gradual","sendMode":"brand-new-mode","metrics":{"sent":1,"delivered":0,"averageRatePerSecond":0.1},"sentAt":"2026-03-01T10:00:00Z","abortedAt":"0001-01-01T00:00:00+00:00","agendaJobId":"j","failureReason":"none","createdAt":"2025-12-31T23:59:59.999-08:00","updatedAt":"2026-01-01T00:00:00+00:00","sendToGlobalList":true,"template":{"id":"t1","templateType":"marketing","editorJson":{"a":[1,2,{"b":null}]},"isFlagged":true},"trackingClick":true,"trackingOpen":false,"resumedAt":"2026-02-02T02:02:02+02:00","pausedReason":"threshold","pausedAt":"2026-02-01T01:01:01+01:00","thresholdPreset":"strict","source":"api","gradualSend":{"dailyLimit":100,"nested":{"x":"\u00E9"}}}
        """;

    // Every Zoo feature of tests/AutoSend.Gen.Tests/Fixtures/mapping.yaml at once (extension data, unions, polymorphism,
    // read-only and write-only properties, formats, recursion).
    private const string FullZoo = """
        {"name":"z","pets":[{"name":"Rex","barks":true,"petType":"dog"},{"petType":"cat","name":"Tom","indoor":false}],"payments":[{"amount":5,"iban":"DE89370400440532013000"},{"cardNumber":"4111111111111111"}],"vehicles":[{"wheels":4,"seats":5,"kind":"car"},{"kind":"Truck","wheels":6,"payload":2.5},{"kind":"bike","wheels":2}],"favourite":null,"tags":null,"level":7,"status":"archived","formats":{"at":"2026-03-01T10:00:00+01:00","day":"2026-03-01","time":"10:00:00Z","duration":"PT1H30M","id":"9b2f6e1c-55b2-4c55-9d8e-7f3c2a1b0d4e","link":"https://example.com/a?b=c","small":7,"big":9007199254740993,"ratio":0.5,"precise":0.1,"money":12.34,"bytes":"AQID","maybe":null,"version":"v1"},"tree":{"label":"a","children":[{"label":"b","children":[{"label":"c"}]}]},"left":{"right":{"left":{}}},"extras":{"known":"k","extra":"x"},"closed":{"known":"k","extra":"x"},"counts":{"a":1,"b":2},"anything":[1,"two"],"freeForm":{"deep":{"x":1}},"address":{"street":"Main"},"account":{"id":"u1","email":"a@b.c","password":"leaked"}}
        """;

    // Options that System.Text.Json does not consider compatible with GeneratedSerializerOptions (a converter is
    // registered, for a type never serialized), so it serializes through the property metadata.
    private static JsonSerializerOptions MetadataOnly(IJsonTypeInfoResolver resolver) => new()
    {
        TypeInfoResolver = resolver,
        Converters = { new UnusedConverter() },
    };

    private static Campaign ReadCampaign() => JsonSerializer.Deserialize(FullCampaign, AutoSendJsonContext.Default.Campaign)!;

    [Fact]
    public void The_generated_classes_sent_in_requests_have_a_fast_path_except_polymorphic_bases_and_classes_with_extension_data()
    {
        Assert.NotNull(AutoSendJsonContext.Default.CreateCampaignRequest.SerializeHandler);
        Assert.NotNull(AutoSendJsonContext.Default.EmailIdentity.SerializeHandler);
        // Only read, never sent: written through its metadata, if ever.
        Assert.Null(AutoSendJsonContext.Default.Campaign.SerializeHandler);
        Assert.Null(AutoSendJsonContext.Default.CampaignMetrics.SerializeHandler);
        Assert.NotNull(MappingJsonContext.Default.Zoo.SerializeHandler);
        Assert.NotNull(MappingJsonContext.Default.Car.SerializeHandler);
        Assert.Null(MappingJsonContext.Default.Vehicle.SerializeHandler);
        Assert.Null(MappingJsonContext.Default.Open.SerializeHandler);
    }

    [Fact]
    public void The_fast_path_is_taken_with_the_context_options_and_not_with_incompatible_ones()
    {
        // System.Text.Json takes the SerializeHandler when the options are compatible with GeneratedSerializerOptions
        // (no converters or encoder, default number and reference handling, same naming and ignore settings) and the
        // metadata is not customized; WriteIndented, MaxDepth and the like do not matter.
        Assert.True(UsesFastPath(MappingJsonContext.Default.Options));
        Assert.True(UsesFastPath(new JsonSerializerOptions { TypeInfoResolver = MappingJsonContext.Default, WriteIndented = true }));
        Assert.False(UsesFastPath(MetadataOnly(MappingJsonContext.Default)));
        Assert.False(UsesFastPath(new JsonSerializerOptions { TypeInfoResolver = MappingJsonContext.Default, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }

    [Fact]
    public void A_campaign_with_every_property_set_is_written_the_same_by_both_paths()
    {
        Campaign campaign = ReadCampaign();

        AssertSameBytes(campaign, AutoSendJsonContext.Default.Campaign, MetadataOnly(AutoSendJsonContext.Default));
        Assert.Contains("\"gradualSend\":{", JsonSerializer.Serialize(campaign, AutoSendJsonContext.Default.Campaign), StringComparison.Ordinal);
    }

    [Fact]
    public void A_campaign_with_only_required_properties_and_null_required_strings_is_written_the_same_by_both_paths()
    {
        var minimal = new Campaign { Name = "n", Subject = "s", Status = CampaignStatus.Draft, SendMode = default, CreatedAt = default, UpdatedAt = DateTimeOffset.MaxValue };
        var nulls = new Campaign { Name = null!, Subject = null!, Status = default, SendMode = default, CreatedAt = default, UpdatedAt = default, ToLists = [null!, new CampaignListReference()] };

        AssertSameBytes(minimal, AutoSendJsonContext.Default.Campaign, MetadataOnly(AutoSendJsonContext.Default));
        AssertSameBytes(nulls, AutoSendJsonContext.Default.Campaign, MetadataOnly(AutoSendJsonContext.Default));
        Assert.Contains("\"name\":null", JsonSerializer.Serialize(nulls, AutoSendJsonContext.Default.Campaign), StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_list_of_campaigns_is_written_the_same_by_both_paths()
    {
        var campaigns = new List<Campaign> { ReadCampaign(), ReadCampaign() };

        AssertSameBytes<IReadOnlyList<Campaign>>(campaigns, AutoSendJsonContext.Default.IReadOnlyListCampaign, MetadataOnly(AutoSendJsonContext.Default));
    }

    [Fact]
    public void Every_mapping_feature_is_written_the_same_by_both_paths()
    {
        Zoo zoo = JsonSerializer.Deserialize(FullZoo, MappingJsonContext.Default.Zoo)!;

        AssertSameBytes(zoo, MappingJsonContext.Default.Zoo, MetadataOnly(MappingJsonContext.Default));
        AssertSameBytes(new Zoo { Name = null!, Pets = null! }, MappingJsonContext.Default.Zoo, MetadataOnly(MappingJsonContext.Default));
    }

    [Fact]
    public async Task Streaming_and_indented_writes_match_too()
    {
        Campaign campaign = ReadCampaign();
        using var fast = new MemoryStream();
        using var slow = new MemoryStream();
        await JsonSerializer.SerializeAsync(fast, campaign, AutoSendJsonContext.Default.Campaign);
        await JsonSerializer.SerializeAsync(slow, campaign, (JsonTypeInfo<Campaign>)MetadataOnly(AutoSendJsonContext.Default).GetTypeInfo(typeof(Campaign)));

        Assert.Equal(Encoding.UTF8.GetString(slow.ToArray()), Encoding.UTF8.GetString(fast.ToArray()));
        var indented = new JsonSerializerOptions { TypeInfoResolver = AutoSendJsonContext.Default, WriteIndented = true };
        var indentedSlow = MetadataOnly(AutoSendJsonContext.Default);
        indentedSlow.WriteIndented = true;
        Assert.Equal(JsonSerializer.Serialize(campaign, indentedSlow.GetTypeInfo(typeof(Campaign))), JsonSerializer.Serialize(campaign, indented.GetTypeInfo(typeof(Campaign))));
    }

    [Fact]
    public void Contexts_combined_with_each_other_or_with_other_resolvers_write_the_same()
    {
        Campaign campaign = ReadCampaign();
        string expected = JsonSerializer.Serialize(campaign, AutoSendJsonContext.Default.Campaign);

        // Generated contexts combined with each other or with other resolvers keep their fast paths (each type is
        // checked against the resolver that made it); metadata customized by a modifier turns it off for that type.
        var combined = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(MappingJsonContext.Default, AutoSendJsonContext.Default) };
        var mixed = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(new NothingResolver(), MappingJsonContext.Default, AutoSendJsonContext.Default) };
        var modified = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(MappingJsonContext.Default.WithAddedModifier(Touch), AutoSendJsonContext.Default.WithAddedModifier(Touch)),
        };

        Assert.True(UsesFastPath(combined));
        Assert.True(UsesFastPath(mixed));
        Assert.False(UsesFastPath(modified));
        Assert.Equal(expected, JsonSerializer.Serialize(campaign, combined.GetTypeInfo(typeof(Campaign))));
        Assert.Equal(expected, JsonSerializer.Serialize(campaign, mixed.GetTypeInfo(typeof(Campaign))));
        Assert.Equal(expected, JsonSerializer.Serialize(campaign, modified.GetTypeInfo(typeof(Campaign))));
    }

    // NaN is no JSON number: the writer throws from whichever code wrote it, which shows in the stack trace. The fast
    // path is the generated context's own code; the metadata path runs System.Text.Json's converters only. (Formats
    // travels in a request of the mapping fixture, so it has a fast path; a class a client only reads has none.)
    private static bool UsesFastPath(JsonSerializerOptions options)
    {
        var formats = new Formats { Precise = double.NaN };
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => JsonSerializer.Serialize(formats, options.GetTypeInfo(typeof(Formats))));
        return error.StackTrace!.Contains(nameof(MappingJsonContext), StringComparison.Ordinal);
    }

    // A modifier that customizes the metadata without changing what it writes.
    private static void Touch(JsonTypeInfo info)
    {
        foreach (JsonPropertyInfo property in info.Properties)
        {
            property.Name = property.Name;
        }
    }

    private static void AssertSameBytes<T>(T value, JsonTypeInfo<T> fast, JsonSerializerOptions metadataOptions)
    {
        byte[] fastBytes = JsonSerializer.SerializeToUtf8Bytes(value, fast);
        byte[] slowBytes = JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)metadataOptions.GetTypeInfo(typeof(T)));

        Assert.Equal(Encoding.UTF8.GetString(slowBytes), Encoding.UTF8.GetString(fastBytes));
        Assert.Equal(slowBytes, fastBytes);
    }

    private readonly record struct Unused;

    private sealed class UnusedConverter : JsonConverter<Unused>
    {
        public override Unused Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Unused value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

    // A resolver that is not a generated context and resolves nothing.
    private sealed class NothingResolver : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) => null;
    }
}

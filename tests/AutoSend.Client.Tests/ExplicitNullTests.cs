using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AutoSend.Testing;
using Fixtures.Operations;

namespace AutoSend.Client.Tests;

/// <summary>
/// Explicit null versus absent in request bodies (README mapping table): a nullable optional property that the caller
/// assigns, even to null, is written; one never assigned is left out; a deserialized object writes back what it read.
/// Both serializers of the generated context (the fast path and the property metadata) must agree.
/// </summary>
public sealed class ExplicitNullTests
{
    private static readonly JsonTypeInfo<TaskPatch> s_fast = OperationsJsonContext.Default.TaskPatch;

    // Options System.Text.Json does not consider compatible with the context's, so it uses the property metadata.
    private static readonly JsonTypeInfo<TaskPatch> s_metadata = (JsonTypeInfo<TaskPatch>)new JsonSerializerOptions
    {
        TypeInfoResolver = OperationsJsonContext.Default,
        Converters = { new UnusedConverter() },
    }.GetTypeInfo(typeof(TaskPatch));

    public static TheoryData<string> Paths() => new() { "fast", "metadata" };

    internal static string Write(TaskPatch value, string path) =>
        JsonSerializer.Serialize(value, path == "fast" ? s_fast : s_metadata);

    private static TaskPatch Read(string json, string path) =>
        JsonSerializer.Deserialize(json, path == "fast" ? s_fast : s_metadata)!;

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_nullable_property_assigned_null_is_written_and_an_unassigned_one_is_not(string path)
    {
        Assert.Equal("""{"dueAt":null}""", Write(new TaskPatch { DueAt = null }, path));
        Assert.Equal("{}", Write(new TaskPatch(), path));
        Assert.Equal("""{"dueAt":null,"notes":"n","labels":null}""", Write(new TaskPatch { Notes = "n", DueAt = null, Labels = null }, path));
        Assert.Equal("""{"dueAt":"2026-03-01T10:00:00+00:00"}""", Write(new TaskPatch { DueAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero) }, path));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_property_whose_schema_does_not_allow_null_is_left_out_when_null(string path)
    {
        // title is optional but not nullable: null on the wire would break the schema.
        Assert.Equal("{}", Write(new TaskPatch { Title = null, Priority = null }, path));
        Assert.Equal("""{"title":"t","priority":2}""", Write(new TaskPatch { Title = "t", Priority = 2 }, path));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void An_assignment_after_an_earlier_value_still_counts(string path)
    {
        var patch = new TaskPatch { Notes = "draft" };
        patch.Notes = null;

        Assert.Equal("""{"notes":null}""", Write(patch, path));
    }

    [Theory]
    [InlineData("fast", """{"title":"t","notes":null}""")]
    [InlineData("metadata", """{"title":"t","notes":null}""")]
    [InlineData("fast", """{"dueAt":null,"labels":["a"]}""")]
    [InlineData("metadata", """{"dueAt":null,"labels":["a"]}""")]
    [InlineData("fast", "{}")]
    [InlineData("metadata", "{}")]
    public void A_deserialized_object_writes_back_the_properties_it_read(string path, string json)
    {
        Assert.Equal(json, Write(Read(json, path), path));
    }

    [Fact]
    public void Both_paths_write_the_same_bytes()
    {
        TaskPatch[] values = [new(), new() { DueAt = null }, new() { Notes = null, Title = "x" }, new() { Labels = ["a", "b"], Priority = 1 }];

        foreach (TaskPatch value in values)
        {
            Assert.Equal(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(value, s_metadata)), Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(value, s_fast)));
        }
    }

    [Fact]
    public async Task A_PATCH_sends_the_null_it_was_given_and_nothing_else()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, """{"title":"t","dueAt":null}""", context.RequestAborted);
        });
        using var client = new OperationsClient(new OperationsClientOptions { BaseAddress = server.Address, ApiKey = "k", MaxRetries = 0 });

        TaskPatch? changed = await client.Tasks.UpdateAsync("t1", new TaskPatch { DueAt = null }, CancellationToken.None);
        TaskPatch? again = await client.Tasks.UpdateAsync("t1", new TaskPatch { Notes = null, Title = "t" }, CancellationToken.None);

        Assert.Equal(["""{"dueAt":null}""", """{"title":"t","notes":null}"""], server.Requests.Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Equal("PATCH /tasks/t1", server.Requests[0].Line);
        Assert.Null(changed!.DueAt);
        Assert.Equal("""{"title":"t","dueAt":null}""", Write(again!, "fast"));   // read back as it came
    }

    [Theory]
    [InlineData(JsonIgnoreCondition.WhenWritingNull)]
    [InlineData(JsonIgnoreCondition.WhenWritingDefault)]
    public void The_options_default_ignore_condition_does_not_change_what_is_written(JsonIgnoreCondition condition)
    {
        // Every generated property states its own condition: the schema decides what goes on the wire, not the options.
        var options = new JsonSerializerOptions { TypeInfoResolver = OperationsJsonContext.Default, DefaultIgnoreCondition = condition };
        var campaignOptions = new JsonSerializerOptions { TypeInfoResolver = AutoSend.Client.AutoSendJsonContext.Default, DefaultIgnoreCondition = condition };
        var campaign = new AutoSend.Client.Campaign
        {
            Name = null!, Subject = "s", Status = default, SendMode = default, CreatedAt = default, UpdatedAt = default, ScheduledAt = null,
        };

        Assert.Equal("""{"dueAt":null,"labels":null}""", JsonSerializer.Serialize(new TaskPatch { DueAt = null, Title = null, Labels = null }, options));
        string written = JsonSerializer.Serialize(campaign, campaignOptions);
        Assert.Contains("\"name\":null", written, StringComparison.Ordinal);      // required: always written
        Assert.Contains("\"scheduledAt\":null", written, StringComparison.Ordinal);   // assigned null: written
        Assert.DoesNotContain("\"sentAt\"", written, StringComparison.Ordinal);    // never assigned: left out
        Assert.Equal(JsonSerializer.Serialize(campaign, AutoSend.Client.AutoSendJsonContext.Default.Campaign), written);
    }

    [Fact]
    public void A_response_model_read_with_explicit_nulls_writes_them_back_and_nothing_it_did_not_read()
    {
        const string Json = """{"name":"n","subject":"s","scheduledAt":null,"status":"draft","sendMode":"all-at-once","createdAt":"2026-01-01T00:00:00+00:00","updatedAt":"2026-01-01T00:00:00+00:00","pausedReason":null}""";
        AutoSend.Client.Campaign campaign = JsonSerializer.Deserialize(Json, AutoSend.Client.AutoSendJsonContext.Default.Campaign)!;

        Assert.Equal(Json, JsonSerializer.Serialize(campaign, AutoSend.Client.AutoSendJsonContext.Default.Campaign));
        Assert.Equal(Json, JsonSerializer.Serialize(campaign, (JsonTypeInfo<AutoSend.Client.Campaign>)new JsonSerializerOptions
        {
            TypeInfoResolver = AutoSend.Client.AutoSendJsonContext.Default,
            Converters = { new UnusedConverter() },
        }.GetTypeInfo(typeof(AutoSend.Client.Campaign))));
    }

    private readonly record struct Unused;

    private sealed class UnusedConverter : JsonConverter<Unused>
    {
        public override Unused Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Unused value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}

using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AutoSend.Gen.Tests.Infrastructure;

namespace AutoSend.Gen.Tests;

/// <summary>
/// Explicit null versus absent (README mapping table): an optional property whose schema allows null gets a backing
/// field and an assignment flag. These cover what the operations fixture does not: the tracking members' names never
/// collide with a property's, inherited tracked properties work in a derived class, an old name (<c>x-alias-of</c>)
/// that reads null does not count as an assignment of the current one, a read-only property is not tracked, and the
/// schema default is documented.
/// </summary>
public sealed class AssignmentTrackingTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: {title: Tracking, version: '1'}
        paths: {}
        components:
          schemas:
            Shape:
              type: object
              required: [kind]
              discriminator: {propertyName: kind}
              properties:
                kind: {type: string}
                notes: {type: [string, 'null']}
                isNotesAssigned: {type: boolean, description: Takes the flag's preferred name.}
                other: {type: [string, 'null'], x-csharp-name: _notes, description: Takes the field's preferred name.}
                oldNotes: {type: [string, 'null'], deprecated: true, x-alias-of: notes}
                count: {type: [integer, 'null'], readOnly: true}
                title: {type: string, default: untitled}
            Circle:
              allOf:
                - $ref: '#/components/schemas/Shape'
                - type: object
                  properties:
                    radius: {type: [number, 'null']}
        """;

    private static GeneratorRun Generate() => GeneratorHarness.Run(new SpecInput("/specs/tracking.yaml", Spec, "Tracking"));

    [Fact]
    public void Tracking_members_take_names_no_property_has_and_only_nullable_optional_sent_properties_get_them()
    {
        GeneratorRun run = Generate();

        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
        string shape = run.Sources.Single(s => s.HintName.EndsWith("Tracking.Shape.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains("public bool? IsNotesAssigned { get; set; }", shape, StringComparison.Ordinal);
        Assert.Contains("public string? _notes", shape, StringComparison.Ordinal);
        Assert.Contains("private string? _notes2;", shape, StringComparison.Ordinal);
        Assert.Contains("internal bool IsNotesAssigned2 { get; private set; }", shape, StringComparison.Ordinal);
        Assert.DoesNotContain("IsCountAssigned", shape, StringComparison.Ordinal);          // read-only: never sent
        Assert.DoesNotContain("IsTitleAssigned", shape, StringComparison.Ordinal);          // null not allowed: left out when null
        Assert.DoesNotContain("IsKindAssigned", shape, StringComparison.Ordinal);           // required: always sent
        Assert.Contains("/// Default: <c>\"untitled\"</c> (the server's, when the property is left out; the client does not fill it in).", shape, StringComparison.Ordinal);
        Assert.Contains("assigning null sends <c>null</c>", shape, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"Circle","notes":null,"radius":null}""", """{"kind":"Circle","notes":null,"radius":null}""")]
    [InlineData("""{"kind":"Circle","oldNotes":null}""", """{"kind":"Circle","oldNotes":null}""")]
    [InlineData("""{"kind":"Circle","oldNotes":"n"}""", """{"kind":"Circle","notes":"n","oldNotes":"n"}""")]
    [InlineData("""{"kind":"Circle","title":null,"count":null,"other":null}""", """{"kind":"Circle","other":null}""")]
    [InlineData("""{"kind":"Circle"}""", """{"kind":"Circle"}""")]
    public void A_derived_class_writes_back_what_it_read_on_both_paths(string json, string expected)
    {
        using var loaded = new Loaded(Generate());
        Type circle = loaded.Type("Circle");

        foreach (JsonTypeInfo info in loaded.BothPaths(circle))
        {
            object value = JsonSerializer.Deserialize(json, info)!;
            Assert.Equal(expected, JsonSerializer.Serialize(value, info));
        }
    }

    [Fact]
    public void An_inherited_property_assigned_null_through_its_setter_is_written()
    {
        using var loaded = new Loaded(Generate());
        Type circle = loaded.Type("Circle");
        object value = Activator.CreateInstance(circle)!;
        circle.GetProperty("Notes")!.SetValue(value, null);
        circle.GetProperty("Title")!.SetValue(value, null);

        foreach (JsonTypeInfo info in loaded.BothPaths(circle))
        {
            Assert.Equal("""{"kind":"Circle","notes":null}""", JsonSerializer.Serialize(value, info));
        }
    }

    /// <summary>The generated assembly in its own collectible context.</summary>
    private sealed class Loaded : IDisposable
    {
        private readonly AssemblyLoadContext _context = new("tracking", isCollectible: true);
        private readonly Assembly _assembly;
        private readonly JsonSerializerContext _json;

        public Loaded(GeneratorRun run)
        {
            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = run.OutputCompilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            stream.Position = 0;
            _assembly = _context.LoadFromStream(stream);
            Type contextType = _assembly.GetTypes().Single(t => t.IsSubclassOf(typeof(JsonSerializerContext)));
            _json = (JsonSerializerContext)contextType.GetProperty("Default")!.GetValue(null)!;
        }

        public Type Type(string name) => _assembly.GetTypes().Single(t => t.Name == name && !t.IsNested);

        // The context's own metadata (its fast path, where the class has one) and the property metadata alone (options
        // with a converter are not compatible with the context's, so System.Text.Json does not take the fast path).
        public IEnumerable<JsonTypeInfo> BothPaths(Type type) =>
        [
            _json.GetTypeInfo(type)!,
            new JsonSerializerOptions { TypeInfoResolver = _json, Converters = { new UnusedConverter() } }.GetTypeInfo(type),
        ];

        public void Dispose() => _context.Unload();
    }

    private readonly record struct Unused;

    private sealed class UnusedConverter : JsonConverter<Unused>
    {
        public override Unused Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, Unused value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}

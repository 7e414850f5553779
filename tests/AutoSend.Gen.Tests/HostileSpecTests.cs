using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AutoSend.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace AutoSend.Gen.Tests;

/// <summary>
/// A spec is untrusted input compiled into the user's program. These documents put hostile text in every place that
/// carries text (Fixtures/Hostile/README.md lists them) and prove, from the syntax trees and from the loaded assembly,
/// that none of it becomes code, ends a comment or a string, or adds a preprocessor directive, and that wire values
/// survive exactly.
/// </summary>
public sealed partial class HostileSpecTests(ITestOutputHelper output)
{
    /// <summary>The text the JSON fixture puts everywhere (the same as in Fixtures/Hostile/README.md).</summary>
    public const string Payload = "*/ /* </summary> <!-- ]]> & \r#error injected\n#define X\r\n#if false\n\" \\ \\u0022 { } \"; System.Environment.Exit(1); \" @\" $\"{ "
        + "\u2028#error ls\u2029#error ps\u0085#error nel\u000b\u000c \u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f \u0000 end";

    // The only directives the generator writes on purpose.
    private static readonly string[] s_allowedDirectives = ["#nullable enable", "#pragma warning disable CS0612, CS0618"];

    public static TheoryData<string> Fixtures => new() { "hostile.json", "hostile.yaml" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Hostile_text_generates_code_that_compiles_without_warnings(string fixture)
    {
        GeneratorRun run = Run(fixture);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_trees_hold_only_the_generators_own_directives_and_comments(string fixture)
    {
        GeneratorRun run = Run(fixture);

        foreach (SyntaxTree tree in GeneratedTrees(run))
        {
            SyntaxNode root = tree.GetRoot();
            Assert.Empty(tree.GetDiagnostics().Select(d => d.ToString()));
            List<SyntaxTrivia> trivia = root.DescendantTrivia(descendIntoTrivia: true).ToList();
            string[] directives = trivia.Where(t => t.IsDirective).Select(t => t.ToString().Trim()).ToArray();
            Assert.All(directives, d => Assert.Contains(d, s_allowedDirectives));
            Assert.Equal(1, directives.Count(d => d == "#nullable enable"));

            // Nothing skipped, disabled or half-parsed, and no /* */ comment the spec could close early.
            Assert.DoesNotContain(trivia, t => t.Kind() is SyntaxKind.SkippedTokensTrivia or SyntaxKind.DisabledTextTrivia or SyntaxKind.BadDirectiveTrivia
                or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia);

            // Every // comment stays on its line: the spec's line breaks never reach it raw.
            Assert.All(trivia.Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)), t => Assert.DoesNotMatch("[\r\n\u0085\u2028\u2029]", t.ToString()));

            // Strings are plain "..." literals: never verbatim, raw or interpolated, where a brace or quote means code.
            foreach (SyntaxToken token in root.DescendantTokens())
            {
                Assert.False(token.Kind() is SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken
                    or SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken
                    or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken, token.ToString());
                if (token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken)
                {
                    Assert.StartsWith("\"", token.Text);
                    Assert.Matches("^[\\x20-\\x7E]*$", token.Text);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Generated_source_has_no_invisible_or_line_breaking_characters(string fixture)
    {
        GeneratorRun run = Run(fixture);

        foreach ((string hintName, string text) in run.Sources)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
                bool bad = (c != '\n' && category == UnicodeCategory.Control) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
                Assert.False(bad, $"{hintName}: U+{(int)c:X4} at {i}");
            }

            // The fixtures hold no non-ASCII letters, so the only non-ASCII character left is the ellipsis of a cut description.
            Assert.Matches("^[\\n\\x20-\\x7E…]*$", text);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Doc_comments_are_well_formed_xml(string fixture)
    {
        GeneratorRun run = Run(fixture);
        int comments = 0;

        foreach (SyntaxTree tree in GeneratedTrees(run))
        {
            foreach (DocumentationCommentTriviaSyntax doc in tree.GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<DocumentationCommentTriviaSyntax>())
            {
                string xml = string.Join("\n", doc.ToFullString().Split('\n').Select(line => Regex.Replace(line, "^\\s*///", string.Empty)));
                XElement element = XElement.Parse("<doc>" + xml + "</doc>");
                Assert.DoesNotContain(element.DescendantNodes().OfType<XComment>(), c => true);
                comments++;
            }
        }

        Assert.True(comments > 20, $"only {comments} doc comments");

        // Roslyn's own check (DocumentationMode.Diagnose): CS1570 badly formed XML, CS1587 misplaced comment...
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Id is "CS1570" or "CS1571" or "CS1572" or "CS1573" or "CS1574" or "CS1584" or "CS1587" or "CS1589").Select(d => d.ToString()));
    }

    [Fact]
    public void Declared_names_are_plain_identifiers_and_exactly_the_expected_ones()
    {
        GeneratorRun run = Run("hostile.json");
        Dictionary<string, string[]> declared = DeclaredNames(run);
        output.WriteLine(string.Join("\n", declared.Select(t => t.Key + ": " + string.Join(", ", t.Value))));

        foreach ((string type, string[] members) in declared)
        {
            Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", type);
            Assert.True(type.Length <= MaxName, type);
            Assert.All(members, m => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", m));
            Assert.All(members, m => Assert.True(m.Length <= MaxName, m));
        }

        Assert.Equal(ExpectedTypes, declared.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ExpectedThingMembers, declared["Thing"].Order(StringComparer.Ordinal));
        Assert.Equal(ExpectedStrEnumMembers, declared["StrEnum"].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Enum_wire_values_survive_exactly_in_source_and_at_run_time()
    {
        JsonNode spec = JsonNode.Parse(File.ReadAllText(FixturePath("hostile.json")))!;
        string[] expected = spec["components"]!["schemas"]!["StrEnum"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Distinct().ToArray();
        GeneratorRun run = Run("hostile.json");

        // In the source: each value is one literal whose value is the spec's text.
        SyntaxTree enumTree = GeneratedTrees(run).Single(t => t.FilePath.EndsWith(".StrEnum.g.cs", StringComparison.Ordinal));
        HashSet<string> literals = enumTree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.Utf8StringLiteralToken))
            .Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal);
        Assert.All(expected, value => Assert.Contains(value, literals));

        // At run time: the known values are the spec's, and each one serializes to itself and reads back as itself.
        using var loaded = new LoadedAssembly(run);
        Type type = loaded.Type("StrEnum");
        JsonTypeInfo info = loaded.Info(type);
        string[] known = type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type)
            .Select(p => (string)type.GetProperty("Value")!.GetValue(p.GetValue(null))!).ToArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), known.Order(StringComparer.Ordinal));
        foreach (PropertyInfo member in type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type))
        {
            object value = member.GetValue(null)!;
            string json = JsonSerializer.Serialize(value, info);
            Assert.Equal(type.GetProperty("Value")!.GetValue(value), JsonDocument.Parse(json).RootElement.GetString());
            Assert.Equal(value, JsonSerializer.Deserialize(json, info));
        }

        Type integer = loaded.Type("IntEnum");
        long[] numbers = integer.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == integer)
            .Select(p => (long)integer.GetProperty("Value")!.GetValue(p.GetValue(null))!).Order().ToArray();
        Assert.Equal([long.MinValue, -1, 0, 1, long.MaxValue], numbers);

        Type digits = loaded.Type("DigitEnum");
        string[] digitValues = digits.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == digits)
            .Select(p => (string)digits.GetProperty("Value")!.GetValue(p.GetValue(null))!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["-1", "01", "0x10", "1", "1e3"], digitValues);
    }

    [Fact]
    public void Property_names_and_discriminators_survive_exactly_at_run_time()
    {
        GeneratorRun run = Run("hostile.json");
        using var loaded = new LoadedAssembly(run);

        // Every hostile wire name reads into its property and is written back unchanged.
        string[] names = [P("prop"), "class", "@namespace", "__arglist", "a\"b\\c", new string('n', 10000)];
        var input = new JsonObject();
        foreach (string name in names)
        {
            input[name] = Payload + name.Length.ToString(CultureInfo.InvariantCulture);
        }

        JsonTypeInfo thing = loaded.Info(loaded.Type("Thing"));
        object model = JsonSerializer.Deserialize(input.ToJsonString(), thing)!;
        JsonObject written = JsonNode.Parse(JsonSerializer.Serialize(model, thing))!.AsObject();
        Assert.Equal(names.Order(StringComparer.Ordinal), written.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Equal(input[name]!.GetValue<string>(), written[name]!.GetValue<string>()));

        // The discriminator property and values are hostile too: the right class is still chosen both ways.
        JsonTypeInfo pet = loaded.Info(loaded.Type("Pet"));
        var cat = new JsonObject { [P("kind")] = Payload, ["purr"] = "yes" };
        object read = JsonSerializer.Deserialize(cat.ToJsonString(), pet)!;
        Assert.Equal("Cat", read.GetType().Name);
        Assert.Equal(Payload, JsonNode.Parse(JsonSerializer.Serialize(read, pet))![P("kind")]!.GetValue<string>());
        Assert.Equal("Dog", JsonSerializer.Deserialize(new JsonObject { [P("kind")] = P("dog") }.ToJsonString(), pet)!.GetType().Name);

        JsonTypeInfo shape = loaded.Info(loaded.Type("Shape"));
        object square = JsonSerializer.Deserialize(new JsonObject { [P("shape")] = P("sq"), ["s"] = 2 }.ToJsonString(), shape)!;
        Assert.Equal(true, square.GetType().GetProperty("IsSquare")!.GetValue(square));
        object circle = JsonSerializer.Deserialize(new JsonObject { [P("shape")] = Payload, ["r"] = 1 }.ToJsonString(), shape)!;
        Assert.Equal(true, circle.GetType().GetProperty("IsCircle")!.GetValue(circle));
    }

    [Fact]
    public void Hostile_json_generates_the_golden_sources()
    {
        GeneratorRun run = Run("hostile.json");

        Golden.Verify("hostile", run.Sources);
    }

    [Fact]
    public void Lone_surrogates_give_code_that_compiles_or_a_located_error()
    {
        GeneratorRun run = Run("surrogates.json");
        output.WriteLine(string.Join("\n", run.GeneratorDiagnostics));

        if (run.Sources.Count == 0)
        {
            Diagnostic error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal("AG0001", error.Id);
            Assert.EndsWith("surrogates.json", error.Location.GetLineSpan().Path);
            return;
        }

        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
        Assert.All(run.Sources, s => Assert.DoesNotContain(s.Text, c => char.IsSurrogate(c)));
    }

    [Fact]
    public void References_that_never_reach_a_schema_are_AG0012_at_their_lines_and_the_rest_generates()
    {
        GeneratorRun run = Run("cycles.yaml");
        output.WriteLine(string.Join("\n", run.GeneratorDiagnostics));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.CompileProblems.Select(d => d.GetMessage() + " " + d.Location.SourceTree?.GetText().GetSubText(d.Location.SourceSpan)));
        Diagnostic[] cycles = run.GeneratorDiagnostics.Where(d => d.Id == "AG0012").ToArray();
        string[] lines = File.ReadAllLines(FixturePath("cycles.yaml"));
        foreach (string name in new[] { "Self", "A", "B" })
        {
            // Reported where the looping component is declared, and where it is used.
            int declaration = Array.FindIndex(lines, l => l.StartsWith("    " + name + ": {$ref", StringComparison.Ordinal));
            Assert.Contains(cycles, d => d.Location.GetLineSpan().StartLinePosition.Line == declaration);
        }

        int property = Array.FindIndex(lines, l => l.Contains("self: {$ref: '#/components/schemas/Self'}", StringComparison.Ordinal));
        Assert.Contains(cycles, d => d.Location.GetLineSpan().StartLinePosition.Line == property);
        Assert.All(cycles, d => Assert.EndsWith("cycles.yaml", d.Location.GetLineSpan().Path));

        // Broken references are JsonNode; the legitimate recursion stays a class that refers to itself.
        string holder = run.Sources.Single(s => s.HintName.EndsWith(".Holder.g.cs", StringComparison.Ordinal)).Text;
        // JsonNode admits any value, null included, so these optional properties track their assignment (README:
        // explicit null) and have a backing field rather than an auto-property.
        Assert.Contains("public global::System.Text.Json.Nodes.JsonNode? Self\n", holder);
        Assert.Contains("private global::System.Text.Json.Nodes.JsonNode? _self;", holder);
        Assert.Contains("public global::System.Text.Json.Nodes.JsonNode? Mutual\n", holder);
        string tree = run.Sources.Single(s => s.HintName.EndsWith(".Tree.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains("public global::Consumer.Cycles.Tree? Parent { get; set; }", tree);
    }

    // Identifier.MaxLength (96) plus the longest prefix or suffix the emitters add to a name ("CreateObject_", "ClientOptions").
    private const int MaxName = 96 + 16;

    // The words of the payload, as every name built from it reads: the rest of it is dropped.
    private const string W = "SummaryErrorInjectedDefineXIfFalseU0022SystemEnvironmentExit1ErrorLsErrorPsErrorNelEnd";

    // The client's base name: "Hostile" + W, cut to leave room for "ClientOptions", with a hash of the whole.
    private const string H = "HostileSummaryErrorInjectedDefineXIfFalseU0022SystemE_0c8f66d0";

    private static readonly string[] ExpectedTypes = new[]
    {
        H + "Client", H + "ClientOptions", H + "ClientOptionsRateLimiterExtensions", H + "JsonContext", "Tag" + W + "Client", "ClassClient", "StrEnum", "IntEnum", "DigitEnum", "Choice",
        "ThingNested", "Thing", "Problem", "Pet", "Cat", "Dog", "Circle", "Square", "Shape", "Evil" + W,
        "I" + H + "Client", "ITag" + W + "Client", "ITag" + W + "RawResponseClient", "IClassClient", "IClassRawResponseClient",
    }.Order(StringComparer.Ordinal).ToArray();

    private static readonly string[] ExpectedThingMembers = new[]
    {
        "Prop" + W, "Class", "Namespace", "Arglist", "ABC", "N" + new string('n', 86) + "_e993d725", "Status", "Level", "Digits", "Choice", "Const", "Nested",
    }.Order(StringComparer.Ordinal).ToArray();

    private static readonly string[] ExpectedStrEnumMembers = new[]
    {
        "_value", W, "ABC", "U0022", "Empty", "Summary", "Empty2", "Empty3", "Amp", "Empty4", "Empty5", "Class", "Class2", "Empty6", "Empty7", "ErrorX",
        "XDefineY", "SystemEnvironmentExit1", "X", "Empty8", "V" + new string('v', 86) + "_9e009625", "Value", "Equals", "GetHashCode", "ToString",
        "Converter",
    }.Order(StringComparer.Ordinal).ToArray();

    private static string P(string prefix) => prefix + " " + Payload;

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Hostile", name);

    private static GeneratorRun Run(string fixture)
    {
        string path = FixturePath(fixture);
        return GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path)));
    }

    private static IEnumerable<SyntaxTree> GeneratedTrees(GeneratorRun run) =>
        run.OutputCompilation.SyntaxTrees.Where(t => t.FilePath != "Program.cs");

    // Type name → the names of its members (constructors, operators and nested types' members included).
    private static Dictionary<string, string[]> DeclaredNames(GeneratorRun run)
    {
        INamedTypeSymbol context = run.OutputCompilation.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>().Single(t => t.BaseType?.Name == "JsonSerializerContext");
        return context.ContainingNamespace.GetTypeMembers().ToDictionary(
            t => t.Name,
            t => t.GetMembers().Concat(t.GetTypeMembers().SelectMany(n => n.GetMembers()))
                .Where(m => !m.IsImplicitlyDeclared && m.CanBeReferencedByName)
                .Select(m => m.Name).Concat(t.GetTypeMembers().Select(n => n.Name)).Distinct().ToArray());
    }

    /// <summary>The generated assembly, loaded into its own collectible context.</summary>
    private sealed class LoadedAssembly : IDisposable
    {
        private readonly AssemblyLoadContext _context = new("hostile", isCollectible: true);
        private readonly Assembly _assembly;

        public LoadedAssembly(GeneratorRun run)
        {
            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = run.OutputCompilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            stream.Position = 0;
            _assembly = _context.LoadFromStream(stream);
        }

        public Type Type(string name) => _assembly.GetTypes().Single(t => t.Name == name && !t.IsNested);

        public JsonTypeInfo Info(Type type)
        {
            Type contextType = _assembly.GetTypes().Single(t => t.IsSubclassOf(typeof(JsonSerializerContext)));
            var context = (JsonSerializerContext)contextType.GetProperty("Default")!.GetValue(null)!;
            return context.GetTypeInfo(type)!;
        }

        public void Dispose() => _context.Unload();
    }
}

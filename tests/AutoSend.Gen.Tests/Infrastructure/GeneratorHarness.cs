using System.Collections.Immutable;
using System.Reflection;
using AutoSend.Runtime;
using AutoSend.Runtime.Primitives;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AutoSend.Gen.Tests.Infrastructure;

/// <summary>One spec handed to the generator, as an &lt;OpenApiClient&gt; item would.</summary>
/// <param name="Path">The spec's path.</param>
/// <param name="Text">The spec's text.</param>
/// <param name="Namespace">The item's Namespace metadata.</param>
/// <param name="ClientName">The item's ClientName metadata.</param>
/// <param name="Metadata">More of the item's metadata as the package's props hand it over (e.g. <c>AutoSendGenOperations</c>).</param>
public sealed record SpecInput(string Path, string Text, string Namespace = "", string ClientName = "", IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>What one generator run produced.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation InputCompilation,
    Compilation OutputCompilation,
    GeneratorRunResult Result,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Generated sources by hint name, in the order the generator added them.</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources =>
        Result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

    /// <summary>Compiler diagnostics of warning level or above in the compilation with the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompileProblems =>
        OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

/// <summary>
/// Runs the generator with <see cref="CSharpGeneratorDriver"/> the way the compiler does: specs arrive as
/// AdditionalFiles with the metadata the package's props set, and the output is compiled against the runtime
/// with nullable on and every warning reported.
/// </summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> s_references = LoadReferences();

    /// <summary>
    /// The Microsoft.Extensions assemblies of the ASP.NET Core shared framework the tests run on (Http, DependencyInjection,
    /// Options, Logging, Configuration...): adding them is what makes the generator emit <c>Add&lt;Client&gt;</c>.
    /// </summary>
    public static readonly ImmutableArray<MetadataReference> ExtensionsReferences = LoadExtensionsReferences();

    public static GeneratorRun Run(params SpecInput[] specs) => Run(specs, "namespace Consumer; internal static class Program { public static void Main() { } }");

    public static GeneratorRun Run(IReadOnlyList<SpecInput> specs, string userCode, string rootNamespace = "Consumer")
    {
        CSharpCompilation compilation = CreateCompilation(userCode);
        GeneratorDriver driver = CreateDriver(specs, rootNamespace);
        return RunDriver(driver, compilation);
    }

    public static GeneratorDriver CreateDriver(IReadOnlyList<SpecInput> specs, string rootNamespace = "Consumer") =>
        CreateDriver(specs, out _, rootNamespace);

    /// <summary>Creates a driver and hands back the AdditionalText objects, so a test can replace one later.</summary>
    public static GeneratorDriver CreateDriver(IReadOnlyList<SpecInput> specs, out AdditionalText[] texts, string rootNamespace = "Consumer") =>
        CreateDriver(specs, out texts, ParseOptions, rootNamespace);

    /// <summary>Creates a driver whose compilations parse with <paramref name="parseOptions"/> (the consumer's language version).</summary>
    public static GeneratorDriver CreateDriver(IReadOnlyList<SpecInput> specs, out AdditionalText[] texts, CSharpParseOptions parseOptions, string rootNamespace = "Consumer")
    {
        texts = specs.Select(s => Text(s.Path, s.Text)).ToArray();
        return CSharpGeneratorDriver.Create(
            [new OpenApiClientGenerator().AsSourceGenerator()],
            texts,
            parseOptions,
            new TestOptionsProvider(specs, rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>An AdditionalFiles item with the given path and content.</summary>
    public static AdditionalText Text(string path, string text) => new InMemoryAdditionalText(path, text);

    public static GeneratorRun RunDriver(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(driver, compilation, output, result, diagnostics);
    }

    public static CSharpCompilation CreateCompilation(string userCode, IEnumerable<MetadataReference>? extraReferences = null) =>
        CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "Program.cs")],
            s_references.AddRange(extraReferences ?? []),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The running .NET's own assemblies plus the runtime package's: what a net10.0 consumer compiles against.
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(ApiConnection).GetTypeInfo().Assembly.Location))
            .ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> LoadExtensionsReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider(IReadOnlyList<SpecInput> specs, string rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = rootNamespace,
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            SpecInput? spec = specs.FirstOrDefault(s => s.Path == textFile.Path);
            return spec is null
                ? new Options([])
                : new Options(new Dictionary<string, string>(
                    (spec.Metadata ?? new Dictionary<string, string>()).Select(m => KeyValuePair.Create("build_metadata.AdditionalFiles." + m.Key, m.Value)))
                {
                    ["build_metadata.AdditionalFiles.AutoSendGenSource"] = "OpenApiClient",
                    ["build_metadata.AdditionalFiles.AutoSendGenNamespace"] = spec.Namespace,
                    ["build_metadata.AdditionalFiles.AutoSendGenClientName"] = spec.ClientName,
                });
        }

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}

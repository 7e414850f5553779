using System.Collections.Immutable;
using System.Reflection;
using AutoSend.Gen;
using AutoSend.Runtime;
using AutoSend.Runtime.Primitives;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AutoSend.Benchmarks.Generator;

/// <summary>
/// Drives <see cref="OpenApiClientGenerator"/> the way the compiler does: the spec arrives as an AdditionalFiles item
/// with the metadata the package's props set, in a compilation that references the BCL and AutoSend.Runtime.
/// </summary>
public static class GeneratorDriverHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly ImmutableArray<MetadataReference> s_references = LoadReferences();

    public const string UserCode = """
        namespace Consumer;

        internal static class Program
        {
            public static void Main() => System.Console.WriteLine("hello");
        }
        """;

    public const string EditedUserCode = """
        namespace Consumer;

        internal static class Program
        {
            public static void Main() => System.Console.WriteLine("hello, edited");
        }
        """;

    public static CSharpCompilation CreateCompilation(string userCode = UserCode) =>
        CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "Program.cs")],
            s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A new driver: nothing cached. Step tracking costs time, so it is off unless asked for.</summary>
    public static GeneratorDriver CreateDriver(AdditionalText spec, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new OpenApiClientGenerator().AsSourceGenerator()],
            [spec],
            ParseOptions,
            new OptionsProvider(spec.Path),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static AdditionalText Text(string path, string text) => new InMemoryAdditionalText(path, text);

    /// <summary>
    /// The spec with one line changed: the first one-line operation <c>summary</c> (YAML plain scalar or JSON string)
    /// gets a word more, as an author fixing a typo would do. It is the XML doc summary of a generated method, so
    /// the parse step's output changes and the emit step runs again.
    /// </summary>
    public static string EditOneLine(string text)
    {
        foreach (string marker in new[] { "\"summary\": \"", "\"summary\":\"", "summary: " })
        {
            for (int at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                int insert = at + marker.Length;
                if (insert < text.Length && char.IsLetter(text[insert]))
                {
                    return text[..insert] + "Edited " + text[insert..];
                }
            }
        }

        throw new InvalidOperationException("No one-line summary to edit.");
    }

    /// <summary>Checks that a run produced a client and no generator failure; returns the number of generated files.</summary>
    public static int CheckRun(GeneratorDriver driver, string what)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException($"{what}: the generator threw.", result.Exception);
        }

        Diagnostic? failure = result.Diagnostics.FirstOrDefault(d => d.Id is "AG0008" || d.Severity == DiagnosticSeverity.Error);
        if (failure is not null)
        {
            throw new InvalidOperationException($"{what}: {failure}");
        }

        if (result.GeneratedSources.Length == 0)
        {
            throw new InvalidOperationException($"{what}: nothing was generated.");
        }

        return result.GeneratedSources.Length;
    }

    /// <summary>
    /// Checks that every step of the generator and every source output of the last run was Cached or Unchanged
    /// (nothing recomputed). Roslyn's own input nodes (such as "Compilation", which every edit modifies) are not ours
    /// to cache: the generator's steps read from them.
    /// </summary>
    public static void CheckAllCached(GeneratorDriver driver, string what)
    {
        string[] ours = [OpenApiClientGenerator.Steps.Inputs, OpenApiClientGenerator.Steps.Parsed, OpenApiClientGenerator.Steps.Diagnostics,
            OpenApiClientGenerator.Steps.Clients, OpenApiClientGenerator.Steps.Claims, OpenApiClientGenerator.Steps.Owners, OpenApiClientGenerator.Steps.Conflicts,
            OpenApiClientGenerator.Steps.ReferencedPackages];
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        var recomputed = result.TrackedSteps.Where(step => ours.Contains(step.Key)).Concat(result.TrackedOutputSteps)
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs.Select(o => (step.Key, o.Reason))))
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        if (recomputed.Count > 0 || result.TrackedSteps.Count == 0)
        {
            throw new InvalidOperationException($"{what}: steps not cached: {string.Join(", ", recomputed.Select(r => r.Key + "=" + r.Reason))}");
        }
    }

    /// <summary>Checks that the parse step ran again and produced a different model (the spec edit was seen).</summary>
    public static void CheckReparsed(GeneratorDriver driver, string what)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        bool modified = result.TrackedSteps[OpenApiClientGenerator.Steps.Parsed]
            .SelectMany(run => run.Outputs).Any(o => o.Reason is IncrementalStepRunReason.Modified);
        if (!modified)
        {
            throw new InvalidOperationException($"{what}: the spec edit did not re-run the parse step: "
                + string.Join(", ", result.TrackedSteps.SelectMany(step => step.Value.SelectMany(run => run.Outputs.Select(o => step.Key + "=" + o.Reason)))));
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(ApiConnection).GetTypeInfo().Assembly.Location))
            .ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class OptionsProvider(string specPath) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new() { ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == specPath
            ? new Options(new()
            {
                ["build_metadata.AdditionalFiles.AutoSendGenSource"] = "OpenApiClient",
                ["build_metadata.AdditionalFiles.AutoSendGenNamespace"] = "Consumer.Api",
                ["build_metadata.AdditionalFiles.AutoSendGenClientName"] = "",
            })
            : new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}

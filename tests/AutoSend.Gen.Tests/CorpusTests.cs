using System.Diagnostics;
using System.Text;
using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace AutoSend.Gen.Tests;

/// <summary>
/// Real OpenAPI documents that we did not write go through the generator: no generator failure, zero compile
/// errors in the generated code, and a diagnostic for anything not mapped. The documents come from npm
/// (package-lock.json pins them); docs/corpus.md holds the results table, checked like a golden file.
/// </summary>
[Trait("Category", "Slow")]
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly string s_modules = Path.Combine(RepositoryPaths.Root, "node_modules");

    public static TheoryData<string> ReadmeExamples()
    {
        var data = new TheoryData<string>();
        foreach (string file in ReadmeExampleFiles())
        {
            data.Add(Path.GetRelativePath(ExamplesRoot, file));
        }

        return data;
    }

    private static string ExamplesRoot => Path.Combine(s_modules, "@readme", "oas-examples");

    private static string GitHubSpec => Path.Combine(s_modules, "@octokit", "openapi", "generated", "api.github.com.json");

    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public void Readme_example_generates_and_compiles(string relativePath)
    {
        CorpusResult result = Run(Path.Combine(ExamplesRoot, relativePath));

        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
        Assert.True(result.CompileErrors.Count == 0, string.Join("\n", result.CompileErrors));
    }

    [Fact]
    public void GitHub_REST_description_generates_and_compiles()
    {
        Assert.True(File.Exists(GitHubSpec), "Run `npm ci` first: " + GitHubSpec);
        CorpusResult result = Run(GitHubSpec);

        output.WriteLine($"GitHub: {result.Operations} operations, generated in {result.GenerationTime.TotalSeconds:F1} s, compiled in {result.CompileTime.TotalSeconds:F1} s; {result.Sources} files");
        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
        Assert.True(result.CompileErrors.Count == 0, string.Join("\n", result.CompileErrors.Take(30)));
        Assert.True(result.Operations > 900, $"only {result.Operations} operations were generated");
    }

    [Fact]
    public void The_corpus_table_in_docs_is_current()
    {
        var table = new StringBuilder();
        table.Append("| Document | OpenAPI | Operations | Diagnostics | Compile errors |\n|---|---|---|---|---|\n");
        foreach (string file in ReadmeExampleFiles().Append(GitHubSpec))
        {
            CorpusResult result = Run(file);
            string name = file == GitHubSpec ? "@octokit/openapi api.github.com.json" : "@readme/oas-examples " + Path.GetRelativePath(ExamplesRoot, file).Replace('\\', '/');
            string diagnostics = string.Join(", ", result.Diagnostics.GroupBy(d => d).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
            table.Append($"| {name} | {result.Version} | {result.Operations} | {(diagnostics.Length == 0 ? "none" : diagnostics)} | {result.CompileErrors.Count} |\n");
        }

        CorpusTable.Verify(table.ToString());
    }

    private static IEnumerable<string> ReadmeExampleFiles() =>
        Directory.Exists(ExamplesRoot)
            ? new[] { "2.0", "3.0", "3.1" }.SelectMany(v => Directory.EnumerateFiles(Path.Combine(ExamplesRoot, v), "*.*", SearchOption.AllDirectories))
                .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
            : throw new InvalidOperationException("Run `npm ci` first: " + ExamplesRoot + " is missing");

    internal static CorpusResult Run(string path)
    {
        string text = File.ReadAllText(path);
        var watch = Stopwatch.StartNew();
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, text, "Corpus"));
        TimeSpan generation = watch.Elapsed;
        watch.Restart();
        var generated = run.OutputCompilation.SyntaxTrees.Where(t => !run.InputCompilation.SyntaxTrees.Contains(t)).ToHashSet();
        List<string> compileErrors = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && (d.Location.SourceTree is null || generated.Contains(d.Location.SourceTree)))
            .Select(d => d.ToString())
            .ToList();
        TimeSpan compile = watch.Elapsed;
        int operations = run.Sources.Sum(s => CountOccurrences(s.Text, "Descriptor => s_"));
        string version = DetectVersion(text, path);
        return new CorpusResult(
            version,
            operations,
            run.Sources.Count,
            run.GeneratorDiagnostics.Select(d => d.Id).ToList(),
            run.GeneratorDiagnostics.Where(d => d.Id == "AG0008").Select(d => d.ToString()).ToList(),
            compileErrors,
            generation,
            compile);
    }

    // The version the OpenAPI reader itself detects.
    private static string DetectVersion(string text, string path)
    {
        var settings = new Microsoft.OpenApi.Reader.OpenApiReaderSettings();
        Microsoft.OpenApi.Reader.OpenApiReaderSettingsExtensions.AddYamlReader(settings);
        try
        {
            Microsoft.OpenApi.Reader.ReadResult result = Microsoft.OpenApi.OpenApiDocument.Parse(text, path.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml", settings);
            return result.Diagnostic?.SpecificationVersion switch
            {
                Microsoft.OpenApi.OpenApiSpecVersion.OpenApi2_0 => "2.0",
                Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0 => "3.0",
                Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1 => "3.1",
                Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_2 => "3.2",
                _ => "?",
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return "unreadable";
        }
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

internal sealed record CorpusResult(
    string Version,
    int Operations,
    int Sources,
    IReadOnlyList<string> Diagnostics,
    IReadOnlyList<string> Failures,
    IReadOnlyList<string> CompileErrors,
    TimeSpan GenerationTime,
    TimeSpan CompileTime);

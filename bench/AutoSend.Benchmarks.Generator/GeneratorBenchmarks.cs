using AutoSend.Benchmarks.Generator;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoSend.Benchmarks;

/// <summary>A full generator run with a new driver (nothing cached), as in a clean build. JIT is warm: see run.sh's
/// fresh-process measurement for the very first run.</summary>
[BenchmarkCategory("Generator")]
public class GeneratorColdBenchmarks
{
    private AdditionalText _spec = null!;
    private CSharpCompilation _compilation = null!;

    [ParamsSource(typeof(Specs), nameof(Specs.Benchmarked))]
    public string Spec { get; set; } = Specs.AutoSend;

    [GlobalSetup]
    public void Setup()
    {
        (string path, string text) = Specs.Load(Spec);
        _spec = GeneratorDriverHarness.Text(path, text);
        _compilation = GeneratorDriverHarness.CreateCompilation();
        GeneratorDriverHarness.CheckRun(Cold(), Spec);
    }

    [Benchmark(Description = "cold run")]
    public GeneratorDriver Cold() => GeneratorDriverHarness.CreateDriver(_spec).RunGenerators(_compilation);
}

/// <summary>
/// Re-runs on a driver that has already run once: after an edit to unrelated C# code (every step must be cached,
/// which the setup checks with step tracking on) and after a one-line edit to the spec (the parse and emit steps
/// run again).
/// </summary>
[BenchmarkCategory("Generator")]
public class GeneratorIncrementalBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _specEdited = null!;

    [ParamsSource(typeof(Specs), nameof(Specs.Benchmarked))]
    public string Spec { get; set; } = Specs.AutoSend;

    [GlobalSetup]
    public void Setup()
    {
        (string path, string text) = Specs.Load(Spec);
        AdditionalText spec = GeneratorDriverHarness.Text(path, text);
        AdditionalText edited = GeneratorDriverHarness.Text(path, GeneratorDriverHarness.EditOneLine(text));
        _compilation = GeneratorDriverHarness.CreateCompilation();
        SyntaxTree tree = _compilation.SyntaxTrees.Single();
        _editedCompilation = _compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(GeneratorDriverHarness.EditedUserCode, GeneratorDriverHarness.ParseOptions, path: tree.FilePath));

        _warm = GeneratorDriverHarness.CreateDriver(spec).RunGenerators(_compilation);
        _specEdited = _warm.ReplaceAdditionalText(spec, edited);

        // The same sequence with step tracking on proves what the timed runs do.
        GeneratorDriver tracked = GeneratorDriverHarness.CreateDriver(spec, trackSteps: true).RunGenerators(_compilation);
        GeneratorDriverHarness.CheckRun(tracked, Spec);
        GeneratorDriverHarness.CheckAllCached(tracked.RunGenerators(_editedCompilation), Spec + " after an unrelated C# edit");
        GeneratorDriver reparsed = tracked.ReplaceAdditionalText(spec, edited).RunGenerators(_compilation);
        GeneratorDriverHarness.CheckRun(reparsed, Spec + " after a spec edit");
        GeneratorDriverHarness.CheckReparsed(reparsed, Spec + " after a spec edit");
    }

    [Benchmark(Description = "unrelated C# edit")]
    public GeneratorDriver UnrelatedCSharpEdit() => _warm.RunGenerators(_editedCompilation);

    [Benchmark(Description = "one-line spec edit")]
    public GeneratorDriver OneLineSpecEdit() => _specEdited.RunGenerators(_compilation);
}

/// <summary>Cold runs over GitHub's description cut to a share of its paths (with the components they reach).</summary>
[BenchmarkCategory("Generator")]
public class GeneratorScalingBenchmarks
{
    private AdditionalText _spec = null!;
    private CSharpCompilation _compilation = null!;

    [ParamsSource(typeof(Specs), nameof(Specs.GitHubPercents))]
    public int Percent { get; set; } = 10;

    [GlobalSetup]
    public void Setup()
    {
        (string path, string text) = Specs.Load($"{Specs.GitHub} {Percent}%");
        _spec = GeneratorDriverHarness.Text(path, text);
        _compilation = GeneratorDriverHarness.CreateCompilation();
        GeneratorDriverHarness.CheckRun(Cold(), $"GitHub {Percent}%");
    }

    [Benchmark(Description = "cold run, GitHub subset")]
    public GeneratorDriver Cold() => GeneratorDriverHarness.CreateDriver(_spec).RunGenerators(_compilation);
}

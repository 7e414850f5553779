using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace AutoSend.Gen.Tests;

/// <summary>The generated sources for known documents, compared with golden files and compiled.</summary>
public sealed class GoldenTests(ITestOutputHelper output)
{
    [Fact]
    public void AutoSend_spec_generates_the_golden_sources()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(RepositoryPaths.AutoSendSpec, File.ReadAllText(RepositoryPaths.AutoSendSpec), "AutoSend.Client"));

        Assert.Empty(run.GeneratorDiagnostics);
        Golden.Verify("autosend", run.Sources);
        TimeSpan elapsed = run.Driver.GetTimingInfo().ElapsedTime;
        output.WriteLine($"Generator time for the AutoSend spec (cold, driver timing): {elapsed.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public void AutoSend_spec_output_compiles_without_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(RepositoryPaths.AutoSendSpec, File.ReadAllText(RepositoryPaths.AutoSendSpec), "AutoSend.Client"));

        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
        Assert.Contains(run.Sources, s => s.HintName == "AutoSend.Client.AutoSendClient.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "AutoSend.Client.AutoSendJsonContext.g.cs");
    }

    [Fact]
    public void Feature_fixture_generates_the_golden_sources_and_compiles()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "features.yaml");
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path)));

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Golden.Verify("features", run.Sources);
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        string text = File.ReadAllText(RepositoryPaths.AutoSendSpec);
        GeneratorRun first = GeneratorHarness.Run(new SpecInput("/specs/a.yaml", text));
        GeneratorRun second = GeneratorHarness.Run(new SpecInput("/specs/a.yaml", text));

        Assert.Equal(first.Sources, second.Sources);
    }
}

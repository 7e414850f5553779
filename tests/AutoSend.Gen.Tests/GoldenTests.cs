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

        AssertCompiles(run);
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
    public void Operations_fixture_generates_the_golden_sources_and_compiles()
    {
        GeneratorRun run = RunFixture("operations.yaml", "Fixtures.Operations");

        // 1-based lines of operations.yaml: the second 'operationId: getThing', and the 'not' of Class.notAString.
        Assert.Equal(
            ["AG0006 506 not", "AG0014 348 getThing"],
            run.GeneratorDiagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition.Line + 1} {Quoted(d.GetMessage())}").Order(StringComparer.Ordinal));

        Golden.Verify("operations", run.Sources);
        AssertCompiles(run);
    }

    [Fact]
    public void Swagger2_fixture_generates_the_golden_sources_and_compiles()
    {
        GeneratorRun run = RunFixture("operations.swagger2.yaml", "Fixtures.Swagger2");

        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        Golden.Verify("swagger2", run.Sources);
        AssertCompiles(run);
    }

    // The wire features of issue 14: each fixture's diagnostics are the ones it holds on purpose.
    [Theory]
    [InlineData("security.yaml", "Fixtures.Security", "security", "AG0013")]
    [InlineData("paging.yaml", "Fixtures.Paging", "paging", "AG0017 AG0017")]
    [InlineData("webhooks.yaml", "Fixtures.Hooks", "webhooks", "")]
    [InlineData("openapi32.yaml", "Fixtures.Library", "openapi32", "")]
    [InlineData("servers.yaml", "Fixtures.Servers", "servers", "")]
    public void Wire_fixture_generates_the_golden_sources_and_compiles(string fileName, string ns, string golden, string expected)
    {
        GeneratorRun run = RunFixture(fileName, ns);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), run.GeneratorDiagnostics.Select(d => d.Id));
        Golden.Verify(golden, run.Sources);
        AssertCompiles(run);
    }

    [Fact]
    public void Media_fixture_generates_the_golden_sources_and_compiles()
    {
        GeneratorRun run = RunFixture("media.yaml", "Fixtures.Media");

        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        Golden.Verify("media", run.Sources);
        AssertCompiles(run);
    }

    [Fact]
    public void Names_fixture_generates_the_golden_sources_and_compiles_without_warnings()
    {
        // Schemas, properties, tags and parameters named after what generated code calls or inherits (Type, Value,
        // Options, Equals, ToString, System, Task...): the output must mean the same and compile clean.
        GeneratorRun run = RunFixture("names.yaml", "Fixtures.Names");

        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        Golden.Verify("names", run.Sources);
        AssertCompiles(run);
    }

    [Fact]
    public void Names_fixture_compiles_with_the_dependency_injection_extensions()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "names.yaml");
        GeneratorRun run = GeneratorHarness.RunDriver(
            GeneratorHarness.CreateDriver([new SpecInput(path, File.ReadAllText(path), "Fixtures.Names")]),
            GeneratorHarness.CreateCompilation("namespace Consumer; internal static class Program { public static void Main() { } }", GeneratorHarness.ExtensionsReferences));

        Assert.Contains(run.Sources, s => s.HintName == "Fixtures.Names.NamesClientServiceCollectionExtensions.g.cs");
        AssertCompiles(run);
    }

    private static string Quoted(string message) => message.Split('\'')[1];

    // Lists every problem in full: a compile error in generated code is read, not counted.
    private static void AssertCompiles(GeneratorRun run) =>
        Assert.True(run.CompileProblems.Count == 0, string.Join("\n", run.CompileProblems.Select(d => d.ToString())));

    private static GeneratorRun RunFixture(string fileName, string ns)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);
        return GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), ns));
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

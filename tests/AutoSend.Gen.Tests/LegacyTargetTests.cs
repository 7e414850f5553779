using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;

namespace AutoSend.Gen.Tests;

/// <summary>
/// Clients generated for consumers below .NET 8 and C# 12 (docs/generator.md, "Target frameworks"): netstandard2.0 and
/// .NET Framework 4.6.2 with C# 7.3, and netstandard2.0 with the latest C# but none of the types newer .NET brings. The
/// generator reads the language version and the available types from the compilation; the output must compile there
/// against real reference assemblies and the runtime's netstandard2.0 build, with zero warnings at warning level 9999.
/// </summary>
public sealed class LegacyTargetTests
{
    public static TheoryData<LegacyTarget, string> Cases()
    {
        var data = new TheoryData<LegacyTarget, string>();
        foreach (LegacyTarget target in Enum.GetValues<LegacyTarget>())
        {
            foreach (string document in Documents.Keys)
            {
                data.Add(target, document);
            }
        }

        return data;
    }

    // The AutoSend spec and the fixtures the goldens use, with the namespaces GoldenTests give them.
    private static readonly Dictionary<string, string> Documents = new()
    {
        ["autosend"] = "AutoSend.Client",
        ["features.yaml"] = "Fixtures.Features",
        ["operations.yaml"] = "Fixtures.Operations",
        ["operations.swagger2.yaml"] = "Fixtures.Swagger2",
        ["security.yaml"] = "Fixtures.Security",
        ["paging.yaml"] = "Fixtures.Paging",
        ["webhooks.yaml"] = "Fixtures.Hooks",
        ["openapi32.yaml"] = "Fixtures.Library",
        ["servers.yaml"] = "Fixtures.Servers",
        ["media.yaml"] = "Fixtures.Media",
        ["names.yaml"] = "Fixtures.Names",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_client_compiles_without_warnings(LegacyTarget target, string document)
    {
        GeneratorRun run = LegacyTargets.Run(target, Spec(document));

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Id == "AG0008" || d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.NotEmpty(run.Sources);
        Assert.True(run.CompileProblems.Count == 0, string.Join("\n", run.CompileProblems.Select(d => d.ToString())));
    }

    [Fact]
    public void AutoSend_spec_for_netstandard20_and_csharp73_generates_the_golden_sources()
    {
        GeneratorRun run = LegacyTargets.Run(LegacyTarget.NetStandard20CSharp73, Spec("autosend"));

        Golden.Verify("legacy", run.Sources);
    }

    private static SpecInput Spec(string document)
    {
        string path = document == "autosend" ? RepositoryPaths.AutoSendSpec : Path.Combine(AppContext.BaseDirectory, "Fixtures", document);
        return new SpecInput(path, File.ReadAllText(path), Documents[document]);
    }
}

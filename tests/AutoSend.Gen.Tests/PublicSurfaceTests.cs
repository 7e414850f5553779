using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;

namespace AutoSend.Gen.Tests;

/// <summary>
/// What users of the generated AutoSend client call, frozen in a golden file
/// (<c>Goldens/public-api/autosend.txt</c>): every public type and member signature, the dependency-injection
/// extension included. A change to it is a change to the product's API and shows up in review as such.
/// </summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void The_generated_AutoSend_client_has_the_golden_public_surface()
    {
        var spec = new SpecInput(RepositoryPaths.AutoSendSpec, File.ReadAllText(RepositoryPaths.AutoSendSpec), "AutoSend.Client");
        GeneratorRun run = GeneratorHarness.RunDriver(
            GeneratorHarness.CreateDriver([spec]),
            GeneratorHarness.CreateCompilation("namespace Consumer; internal static class Program { public static void Main() { } }", GeneratorHarness.ExtensionsReferences));

        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
        string surface = PublicSurface.Describe(run.OutputCompilation);
        Assert.Contains("AutoSend.Client.CampaignsClient", surface, StringComparison.Ordinal);
        Golden.Verify("public-api", [("autosend", surface)]);
    }
}

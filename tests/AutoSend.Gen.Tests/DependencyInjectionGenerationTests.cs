using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoSend.Gen.Tests;

/// <summary>
/// <c>&lt;Client&gt;ServiceCollectionExtensions</c> is generated only when the consumer references Microsoft.Extensions.Http,
/// and following that reference does not cost the cache.
/// </summary>
public sealed class DependencyInjectionGenerationTests
{
    private const string DiHintName = "AutoSend.Client.AutoSendClientServiceCollectionExtensions.g.cs";
    private const string Program = "namespace Consumer; internal static class Program { public static void Main() { } }";

    private static SpecInput AutoSendSpec => new(RepositoryPaths.AutoSendSpec, File.ReadAllText(RepositoryPaths.AutoSendSpec), "AutoSend.Client");

    [Fact]
    public void Without_Microsoft_Extensions_Http_there_is_no_DI_file()
    {
        GeneratorRun run = GeneratorHarness.Run(AutoSendSpec);

        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("ServiceCollectionExtensions", StringComparison.Ordinal));
    }

    [Fact]
    public void With_Microsoft_Extensions_Http_the_DI_file_matches_its_golden_and_compiles()
    {
        GeneratorRun run = RunWithExtensions(AutoSendSpec);

        Assert.Empty(run.GeneratorDiagnostics);
        Golden.Verify("dependency-injection", run.Sources.Where(s => s.HintName == DiHintName).ToList());
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
        // Everything else is the same as without the reference.
        Assert.Equal(GeneratorHarness.Run(AutoSendSpec).Sources, run.Sources.Where(s => s.HintName != DiHintName).ToList());
    }

    [Fact]
    public void Basic_auth_options_bind_user_name_and_password_and_the_DI_file_compiles()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "features.yaml");
        GeneratorRun run = RunWithExtensions(new SpecInput(path, File.ReadAllText(path)));

        string di = Assert.Single(run.Sources, s => s.HintName == "Consumer.FeatureZoo.FeatureZooClientServiceCollectionExtensions.g.cs").Text;
        Assert.Contains("<c>UserName</c>, <c>Password</c>", di, StringComparison.Ordinal);
        string options = Assert.Single(run.Sources, s => s.HintName == "Consumer.FeatureZoo.FeatureZooClientOptions.g.cs").Text;
        Assert.Contains("public override void Bind(global::System.Func<string, string?> read)", options, StringComparison.Ordinal);
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void The_DI_file_appears_and_disappears_with_the_reference_and_edits_stay_cached()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver([AutoSendSpec]);
        CSharpCompilation plain = GeneratorHarness.CreateCompilation(Program);
        GeneratorRun first = GeneratorHarness.RunDriver(driver, plain);
        Assert.DoesNotContain(first.Sources, s => s.HintName == DiHintName);

        Compilation referencing = plain.AddReferences(GeneratorHarness.ExtensionsReferences);
        GeneratorRun second = GeneratorHarness.RunDriver(first.Driver, referencing);
        Assert.Contains(second.Sources, s => s.HintName == DiHintName);
        // The document was not parsed again for it.
        Assert.All(second.Result.TrackedSteps[OpenApiClientGenerator.Steps.Parsed].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Parsed was {o.Reason}"));

        Compilation edited = referencing.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; internal static class Other { }", GeneratorHarness.ParseOptions));
        GeneratorRun third = GeneratorHarness.RunDriver(second.Driver, edited);
        foreach (string step in new[] { OpenApiClientGenerator.Steps.Parsed, OpenApiClientGenerator.Steps.ReferencedPackages })
        {
            Assert.All(third.Result.TrackedSteps[step].SelectMany(s => s.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {o.Reason}"));
        }

        Assert.All(third.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"source output was {o.Reason}"));
        Assert.Equal(second.Sources, third.Sources);

        GeneratorRun fourth = GeneratorHarness.RunDriver(third.Driver, edited.RemoveAllReferences().AddReferences(plain.References));
        Assert.DoesNotContain(fourth.Sources, s => s.HintName == DiHintName);
        Assert.Equal(first.Sources, fourth.Sources);
    }

    private static GeneratorRun RunWithExtensions(SpecInput spec)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Program, GeneratorHarness.ExtensionsReferences);
        return GeneratorHarness.RunDriver(GeneratorHarness.CreateDriver([spec]), compilation);
    }
}

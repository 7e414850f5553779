using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoSend.Gen.Tests;

/// <summary>Edits that do not touch a spec must not make the generator parse or emit it again.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] s_steps =
    [
        OpenApiClientGenerator.Steps.Inputs,
        OpenApiClientGenerator.Steps.Parsed,
        OpenApiClientGenerator.Steps.Claims,
        OpenApiClientGenerator.Steps.DependencyInjection,
    ];

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        SpecInput spec = new(RepositoryPaths.AutoSendSpec, File.ReadAllText(RepositoryPaths.AutoSendSpec), "AutoSend.Client");
        GeneratorDriver driver = GeneratorHarness.CreateDriver([spec]);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer; internal static class Program { }");
        GeneratorRun first = GeneratorHarness.RunDriver(driver, compilation);

        Compilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; internal static class Other { }", GeneratorHarness.ParseOptions));
        GeneratorRun second = GeneratorHarness.RunDriver(first.Driver, edited);

        foreach (string step in s_steps)
        {
            Assert.True(second.Result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            foreach (IncrementalGeneratorRunStep run in second.Result.TrackedSteps[step])
            {
                foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} output was {reason}");
                }
            }
        }

        foreach ((object _, IncrementalStepRunReason reason) in second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"source output was {reason}");
        }

        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Editing_one_spec_reparses_only_that_spec()
    {
        const string template = """
            openapi: 3.1.0
            info: {title: NAME, version: '1'}
            paths:
              /ping:
                get:
                  operationId: ping
                  responses:
                    '204': {description: pong}
            """;
        SpecInput a = new("/specs/a.yaml", template.Replace("NAME", "Alpha", StringComparison.Ordinal));
        SpecInput b = new("/specs/b.yaml", template.Replace("NAME", "Beta", StringComparison.Ordinal));
        GeneratorDriver driver = GeneratorHarness.CreateDriver([a, b], out AdditionalText[] texts);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer; internal static class Program { }");
        GeneratorRun first = GeneratorHarness.RunDriver(driver, compilation);

        AdditionalText editedB = GeneratorHarness.Text(b.Path, b.Text.Replace("pong", "pong, edited", StringComparison.Ordinal));
        GeneratorRun second = GeneratorHarness.RunDriver(first.Driver.ReplaceAdditionalText(texts[1], editedB), compilation);

        IncrementalStepRunReason[] parsed = second.Result.TrackedSteps[OpenApiClientGenerator.Steps.Parsed].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.Equal(1, parsed.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, parsed.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }
}

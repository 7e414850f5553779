using System.Runtime.CompilerServices;
using AutoSend.Gen.Model;
using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoSend.Gen.Tests;

/// <summary>
/// Edits that do not touch a spec must not make the generator parse or emit it again; an edit that only moves lines
/// re-reports diagnostics without emitting again; renaming in one document does not re-emit the others.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] s_steps =
    [
        OpenApiClientGenerator.Steps.Inputs,
        OpenApiClientGenerator.Steps.Parsed,
        OpenApiClientGenerator.Steps.Diagnostics,
        OpenApiClientGenerator.Steps.Clients,
        OpenApiClientGenerator.Steps.Claims,
        OpenApiClientGenerator.Steps.Owners,
        OpenApiClientGenerator.Steps.Conflicts,
        OpenApiClientGenerator.Steps.ReferencedPackages,
        OpenApiClientGenerator.Steps.TargetFeatures,
        OpenApiClientGenerator.Steps.Emit,
    ];

    // The emit side of the pipeline: nothing in it may depend on where in the spec text things are.
    private static readonly string[] s_emitSteps =
    [
        OpenApiClientGenerator.Steps.Clients,
        OpenApiClientGenerator.Steps.Claims,
        OpenApiClientGenerator.Steps.Owners,
        OpenApiClientGenerator.Steps.Conflicts,
        OpenApiClientGenerator.Steps.Emit,
    ];

    private const string Template = """
        openapi: 3.1.0
        info: {title: NAME, version: '1'}
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/SCHEMA'}
                '404':
                  description: missing
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Missing'}
        components:
          schemas:
            SCHEMA:
              type: object
              properties:
                id: {type: string}
        """;

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

    [Fact]
    public void A_comment_line_at_the_top_moves_the_diagnostics_and_leaves_the_sources_cached()
    {
        SpecInput spec = new("/specs/things.yaml", Spec("Things", "Thing"));
        GeneratorDriver driver = GeneratorHarness.CreateDriver([spec], out AdditionalText[] texts);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer; internal static class Program { }");
        GeneratorRun first = GeneratorHarness.RunDriver(driver, compilation);
        Diagnostic before = Assert.Single(first.GeneratorDiagnostics, d => d.Id == "AG0004");
        Assert.NotEmpty(first.Sources);

        AdditionalText edited = GeneratorHarness.Text(spec.Path, "# A comment that moves every line down by one.\n" + spec.Text);
        GeneratorRun second = GeneratorHarness.RunDriver(first.Driver.ReplaceAdditionalText(texts[0], edited), compilation);

        // The text changed, so the document was parsed again, and its diagnostics moved...
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, OpenApiClientGenerator.Steps.Parsed));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, OpenApiClientGenerator.Steps.Diagnostics));
        Diagnostic after = Assert.Single(second.GeneratorDiagnostics, d => d.Id == "AG0004");
        Assert.Equal(before.Location.GetLineSpan().StartLinePosition.Line + 1, after.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(before.GetMessage(), after.GetMessage());

        // ...but the client it builds is the same value, so nothing on the emit side ran again.
        foreach (string step in s_emitSteps)
        {
            IncrementalStepRunReason[] reasons = Reasons(second, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {r}"));
        }

        Assert.Equal([IncrementalStepRunReason.Modified], OutputReasons(second, OpenApiClientGenerator.Steps.Diagnostics));
        Assert.Equal([IncrementalStepRunReason.Cached], OutputReasons(second, OpenApiClientGenerator.Steps.Emit));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Renaming_a_schema_in_one_document_leaves_the_other_documents_emit_cached()
    {
        // One namespace for both: their type names are checked against each other, and do not collide.
        SpecInput a = new("/specs/a.yaml", Spec("Alpha", "Pet"), "Shared");
        SpecInput b = new("/specs/b.yaml", Spec("Beta", "Toy"), "Shared");
        GeneratorDriver driver = GeneratorHarness.CreateDriver([a, b], out AdditionalText[] texts);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("namespace Consumer; internal static class Program { }");
        GeneratorRun first = GeneratorHarness.RunDriver(driver, compilation);
        Assert.Contains(first.Sources, s => s.HintName == "Shared.Pet.g.cs");
        Assert.DoesNotContain(first.GeneratorDiagnostics, d => d.Id == "AG0007");

        AdditionalText renamed = GeneratorHarness.Text(a.Path, Spec("Alpha", "Animal"));
        GeneratorRun second = GeneratorHarness.RunDriver(first.Driver.ReplaceAdditionalText(texts[0], renamed), compilation);

        // The set of claimed names changed, so every document's conflicts were checked again...
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, OpenApiClientGenerator.Steps.Owners));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(ReasonsFor(second, OpenApiClientGenerator.Steps.Conflicts, a.Path)));

        // ...but b's check came out equal, so b's emit input is unchanged and its sources were not written again.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(ReasonsFor(second, OpenApiClientGenerator.Steps.Conflicts, b.Path)));
        Assert.True(Assert.Single(ReasonsFor(second, OpenApiClientGenerator.Steps.Emit, b.Path)) is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(ReasonsFor(second, OpenApiClientGenerator.Steps.Emit, a.Path)));
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(EmitOutputReasonsFor(second, b.Path)));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(EmitOutputReasonsFor(second, a.Path)));

        Assert.Contains(second.Sources, s => s.HintName == "Shared.Animal.g.cs");
        Assert.DoesNotContain(second.Sources, s => s.HintName == "Shared.Pet.g.cs");
        Assert.Equal(first.Sources.Where(s => s.HintName.Contains("Beta", StringComparison.Ordinal) || s.HintName == "Shared.Toy.g.cs"),
            second.Sources.Where(s => s.HintName.Contains("Beta", StringComparison.Ordinal) || s.HintName == "Shared.Toy.g.cs"));
    }

    private static string Spec(string title, string schema) =>
        Template.Replace("NAME", title, StringComparison.Ordinal).Replace("SCHEMA", schema, StringComparison.Ordinal);

    private static IncrementalStepRunReason[] Reasons(GeneratorRun run, string step) =>
        run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static IncrementalStepRunReason[] ReasonsFor(GeneratorRun run, string step, string specPath) =>
        run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Where(o => SpecPathOf(o.Value) == specPath).Select(o => o.Reason).ToArray();

    // The source outputs that read the named step (the diagnostics output reads Diagnostics, the emit output Emit).
    private static IncrementalStepRunReason[] OutputReasons(GeneratorRun run, string inputStep) =>
        run.Result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(s => s.Inputs.Single().Source.Name == inputStep)
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToArray();

    private static IncrementalStepRunReason[] EmitOutputReasonsFor(GeneratorRun run, string specPath) =>
        run.Result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(s => s.Inputs.Single() is var (source, index) && source.Name == OpenApiClientGenerator.Steps.Emit && SpecPathOf(source.Outputs[index].Value) == specPath)
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToArray();

    // Which document a step's value belongs to: the values are the generator's records and tuples of them.
    private static string? SpecPathOf(object? value) => value switch
    {
        DocumentClient document => document.SpecPath,
        ParseResult result => result.SpecPath,
        ITuple tuple => Enumerable.Range(0, tuple.Length).Select(i => SpecPathOf(tuple[i])).FirstOrDefault(p => p is not null),
        _ => null,
    };
}

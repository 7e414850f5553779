using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

    [Theory]
    [InlineData(LegacyTarget.NetStandard20CSharp73)]
    [InlineData(LegacyTarget.Net462CSharp73)]
    [InlineData(LegacyTarget.NetStandard20Latest)]
    public void Dependency_injection_and_rate_limiter_extensions_compile_without_warnings(LegacyTarget target)
    {
        GeneratorRun run = LegacyTargets.Run(target, extensions: true, Spec("autosend"));

        Assert.Contains(run.Sources, s => s.HintName == "AutoSend.Client.AutoSendClientServiceCollectionExtensions.g.cs");
        Assert.Contains(run.Sources, s => s.HintName.EndsWith("RateLimiterExtensions.g.cs", StringComparison.Ordinal));
        Assert.True(run.CompileProblems.Count == 0, string.Join("\n", run.CompileProblems.Select(d => d.ToString())));
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_the_legacy_output_cached()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver([Spec("paging.yaml")], out _, LegacyTargets.ParseOptions(LegacyTarget.Net462CSharp73));
        CSharpCompilation compilation = LegacyTargets.CreateCompilation(LegacyTarget.Net462CSharp73, "namespace Consumer { internal static class Program { } }");
        GeneratorRun first = GeneratorHarness.RunDriver(driver, compilation);

        GeneratorRun second = GeneratorHarness.RunDriver(first.Driver,
            compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Other { } }", LegacyTargets.ParseOptions(LegacyTarget.Net462CSharp73))));

        Assert.All(second.Result.TrackedSteps[OpenApiClientGenerator.Steps.TargetFeatures].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Required_members_follow_the_consumers_own_polyfills()
    {
        // A netstandard2.0 project with the latest C# that declares the three attributes itself (as polyfill packages do).
        const string polyfills = """
            namespace System.Runtime.CompilerServices
            {
                internal sealed class RequiredMemberAttribute : System.Attribute { }
                internal sealed class CompilerFeatureRequiredAttribute : System.Attribute
                {
                    public CompilerFeatureRequiredAttribute(string featureName) { FeatureName = featureName; }
                    public string FeatureName { get; }
                    public bool IsOptional { get; init; }
                }
                internal static class IsExternalInit { }
            }
            namespace System.Diagnostics.CodeAnalysis
            {
                internal sealed class SetsRequiredMembersAttribute : System.Attribute { }
            }
            """;
        SpecInput spec = Spec("autosend");
        GeneratorDriver driver = GeneratorHarness.CreateDriver([spec], out _, LegacyTargets.ParseOptions(LegacyTarget.NetStandard20Latest));
        GeneratorRun plain = GeneratorHarness.RunDriver(driver, LegacyTargets.CreateCompilation(LegacyTarget.NetStandard20Latest, "namespace Consumer { }"));
        GeneratorRun polyfilled = GeneratorHarness.RunDriver(driver, LegacyTargets.CreateCompilation(LegacyTarget.NetStandard20Latest, polyfills));

        Assert.DoesNotContain(plain.Sources, s => s.Text.Contains("public required ", StringComparison.Ordinal));
        Assert.Contains(polyfilled.Sources, s => s.Text.Contains("public required ", StringComparison.Ordinal));
        Assert.True(polyfilled.CompileProblems.Count == 0, string.Join("\n", polyfilled.CompileProblems.Select(d => d.ToString())));
    }

    // The language versions between C# 7.3 and C# 12 (from which the output is the full one, compiled above as latest):
    // each construct switches on at its own version (C# 8 nullable, C# 9 patterns, C# 10 extended property patterns...).
    [Theory]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.CSharp11)]
    public void Every_language_version_on_netstandard20_compiles_without_warnings(LanguageVersion version)
    {
        foreach (string document in new[] { "autosend", "features.yaml", "paging.yaml", "media.yaml", "webhooks.yaml", "names.yaml" })
        {
            GeneratorRun run = LegacyTargets.RunNetStandard(version, Spec(document));

            Assert.True(run.CompileProblems.Count == 0, document + ":\n" + string.Join("\n", run.CompileProblems.Select(d => d.ToString())));
        }
    }

    [Fact]
    public void AutoSend_spec_for_netstandard20_and_csharp73_generates_the_golden_sources()
    {
        GeneratorRun run = LegacyTargets.Run(LegacyTarget.NetStandard20CSharp73, Spec("autosend"));

        Golden.Verify("legacy", run.Sources);
    }

    private const string DateSpec = """
        openapi: 3.1.0
        info: {title: Dates, version: '1'}
        paths:
          /days/{day}:
            get:
              operationId: getDay
              parameters:
                - {name: day, in: path, required: true, schema: {type: string, format: date}}
                - {name: until, in: query, schema: {type: string, format: date}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [day]
                        properties:
                          day: {type: string, format: date}
        """;

    [Theory]
    [InlineData(LegacyTarget.NetStandard20CSharp73)]
    [InlineData(LegacyTarget.Net462CSharp73)]
    [InlineData(LegacyTarget.NetStandard20Latest)]
    public void Date_parameters_are_DateTime_and_formatted_as_dates(LegacyTarget target)
    {
        GeneratorRun run = LegacyTargets.Run(target, new SpecInput("/specs/dates.yaml", DateSpec, "Fixtures.Dates"));

        Assert.True(run.CompileProblems.Count == 0, string.Join("\n", run.CompileProblems.Select(d => d.ToString())));
        // Every ApiFormat.Format call on a date must bind to Format(DateTime) (yyyy-MM-dd): without that overload a
        // DateTime converts to DateTimeOffset and goes out as a timestamp.
        var formatted = new List<string>();
        foreach (SyntaxTree tree in run.OutputCompilation.SyntaxTrees.Where(t => t.FilePath.EndsWith("DatesClient.g.cs", StringComparison.Ordinal)))
        {
            SemanticModel semantics = run.OutputCompilation.GetSemanticModel(tree);
            foreach (InvocationExpressionSyntax call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (semantics.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "Format", ContainingType.Name: "ApiFormat" } method
                    && semantics.GetTypeInfo(call.ArgumentList.Arguments[0].Expression).Type?.ToDisplayString() == "System.DateTime")
                {
                    formatted.Add(method.Parameters[0].Type.ToDisplayString());
                }
            }
        }

        Assert.Equal(["System.DateTime", "System.DateTime"], formatted);
        string model = Assert.Single(run.Sources, s => s.HintName.EndsWith(".GetDayResponse.g.cs", StringComparison.Ordinal)).Text;
        Assert.Contains("global::System.DateTime Day { get; set; }", model, StringComparison.Ordinal);
        Assert.Contains("global::AutoSend.Runtime.Primitives.ApiJsonConverters.Date", run.Sources.Single(s => s.HintName.EndsWith("JsonContext.g.cs", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_language_version_comes_from_the_parse_options_and_a_change_re_emits()
    {
        SpecInput spec = Spec("paging.yaml");
        GeneratorDriver driver = GeneratorHarness.CreateDriver([spec], out _, LegacyTargets.ParseOptions(LegacyTarget.NetStandard20Latest));
        CSharpCompilation compilation = LegacyTargets.CreateCompilation(LegacyTarget.NetStandard20Latest, "namespace Consumer { internal static class Program { } }");
        GeneratorRun latest = GeneratorHarness.RunDriver(driver, compilation);

        CSharpParseOptions csharp73 = LegacyTargets.ParseOptions(LegacyTarget.NetStandard20CSharp73);
        GeneratorRun older = GeneratorHarness.RunDriver(latest.Driver.WithUpdatedParseOptions(csharp73),
            compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), csharp73)))
                .WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable)));

        // Page walks (async iterators) and nullable annotations from C# 8 on; none below.
        Assert.Contains(latest.Sources, s => s.Text.Contains("#nullable enable", StringComparison.Ordinal));
        Assert.Contains(latest.Sources, s => s.Text.Contains("PagesAsync(", StringComparison.Ordinal));
        Assert.DoesNotContain(older.Sources, s => s.Text.Contains("#nullable enable", StringComparison.Ordinal));
        Assert.DoesNotContain(older.Sources, s => s.Text.Contains("PagesAsync(", StringComparison.Ordinal));
        Assert.True(older.CompileProblems.Count == 0, string.Join("\n", older.CompileProblems.Select(d => d.ToString())));
    }

    private static SpecInput Spec(string document)
    {
        string path = document == "autosend" ? RepositoryPaths.AutoSendSpec : Path.Combine(AppContext.BaseDirectory, "Fixtures", document);
        return new SpecInput(path, File.ReadAllText(path), Documents[document]);
    }
}

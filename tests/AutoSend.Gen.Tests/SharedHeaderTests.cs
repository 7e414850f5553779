using AutoSend.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AutoSend.Gen.Tests;

/// <summary>
/// The rule that makes a header a document-wide option (README, "Shared headers"): declared by at least 80 % of the
/// operations, at least two, with the same name (ignoring case) and schema. It becomes a property of the options; the
/// operations keep an optional parameter for it.
/// </summary>
public sealed class SharedHeaderTests
{
    [Theory]
    [InlineData(5, 4, true)]    // 80 %
    [InlineData(5, 5, true)]
    [InlineData(5, 3, false)]   // 60 %
    [InlineData(1, 1, false)]   // a single operation shares nothing
    public void A_header_declared_by_at_least_80_percent_of_the_operations_becomes_an_option(int operations, int declaring, bool shared)
    {
        Compilation compilation = Generate(Spec(operations, declaring, "X-Tenant-Id", "string"));

        INamedTypeSymbol options = Type(compilation, "TenantsClientOptions");
        IPropertySymbol? property = options.GetMembers("TenantId").OfType<IPropertySymbol>().SingleOrDefault();
        Assert.Equal(shared, property is not null);
        if (property is not null)
        {
            Assert.Equal("string?", property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier)));
            Assert.NotNull(property.SetMethod);
        }

        // Every declaring operation keeps its (optional) parameter, so one call can send another value.
        IMethodSymbol longForm = LongOverload(Type(compilation, "AccountsClient"), "Op0Async");
        IParameterSymbol parameter = Assert.Single(longForm.Parameters, p => p.Name == "tenantId");
        Assert.True(parameter.HasExplicitDefaultValue);
    }

    [Fact]
    public void A_shared_header_named_like_an_option_of_the_runtime_gets_a_Header_suffix()
    {
        Compilation compilation = Generate(Spec(3, 3, "x-timeout", "string"));

        INamedTypeSymbol options = Type(compilation, "TenantsClientOptions");
        Assert.Single(options.GetMembers("TimeoutHeader").OfType<IPropertySymbol>());
        Assert.Empty(options.GetMembers("Timeout"));   // the runtime's Timeout (a TimeSpan) is not hidden
    }

    [Fact]
    public void Headers_of_different_schemas_are_not_counted_together()
    {
        // Three operations declare X-Tenant-Id as a string and two as an integer: 60 % each.
        string spec = Spec(5, 5, "X-Tenant-Id", "string", integerFrom: 3);

        INamedTypeSymbol options = Type(Generate(spec), "TenantsClientOptions");

        Assert.Empty(options.GetMembers("TenantId"));
    }

    [Fact]
    public void The_AutoSend_project_header_is_the_ProjectId_option()
    {
        string path = AutoSend.Testing.RepositoryPaths.AutoSendSpec;
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), "AutoSend.Client"));

        IPropertySymbol projectId = Assert.Single(Type(run.OutputCompilation, "AutoSendClientOptions").GetMembers("ProjectId").OfType<IPropertySymbol>());
        Assert.Equal(SpecialType.System_String, projectId.Type.SpecialType);
        // createProject does not declare the header and does not take it.
        IMethodSymbol create = LongOverload(Type(run.OutputCompilation, "ProjectsClient"), "CreateAsync");
        Assert.DoesNotContain(create.Parameters, p => p.Name.Contains("rojectId", StringComparison.Ordinal));
    }

    private static Compilation Generate(string spec)
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/tenants.yaml", spec, "Tenants"));
        Assert.Empty(run.GeneratorDiagnostics.Select(d => d.ToString()));
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
        return run.OutputCompilation;
    }

    private static INamedTypeSymbol Type(Compilation compilation, string name) =>
        Assert.Single(compilation.GetSymbolsWithName(name, SymbolFilter.Type).OfType<INamedTypeSymbol>());

    private static IMethodSymbol LongOverload(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IMethodSymbol>().MaxBy(m => m.Parameters.Length)!;

    // N operations tagged "accounts"; the first `declaring` declare the header (as an integer from `integerFrom` on).
    private static string Spec(int operations, int declaring, string header, string type, int integerFrom = int.MaxValue)
    {
        var lines = new List<string> { "openapi: 3.1.0", "info:", "  title: Tenants API", "  version: '1'", "paths:" };
        for (int i = 0; i < operations; i++)
        {
            lines.AddRange([$"  /op{i}:", "    get:", $"      operationId: op{i}", "      tags: [accounts]"]);
            if (i < declaring)
            {
                lines.AddRange(["      parameters:", $"        - name: {header}", "          in: header", "          schema:", $"            type: {(i >= integerFrom ? "integer" : type)}"]);
            }

            lines.AddRange(["      responses:", "        '204':", "          description: done"]);
        }

        return string.Join("\n", lines) + "\n";
    }
}

using System.Text;
using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AutoSend.Gen.Tests;

/// <summary>
/// Every operation of a generated client is called in every documented shape (README, "Calling an operation"), on the
/// class, on its interface, on its <c>WithRawResponse</c> mirror and on the mirror's interface, and each call must compile and bind to the overload
/// the rule names: <c>XAsync(required, token)</c> and <c>XAsync(required, cancellationToken: token)</c> to the short
/// overload, <c>XAsync(required)</c>, <c>requestOptions:</c> and each optional argument by name to the long one. No call
/// may be ambiguous (CS0121), whatever optional parameters the operation has.
/// </summary>
public sealed class CallShapeTests
{
    private static readonly SymbolDisplayFormat s_type = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    [Fact]
    public void Every_AutoSend_operation_compiles_in_every_call_shape()
    {
        CallShapes shapes = Check(new SpecInput(RepositoryPaths.AutoSendSpec, File.ReadAllText(RepositoryPaths.AutoSendSpec), "AutoSend.Client"), "AutoSendClient");

        // 97 operations, plus the all-pages and file variants.
        Assert.True(shapes.Methods >= 97, $"only {shapes.Methods} methods were checked");
        Assert.Contains("CampaignsClient.ResumeAsync", shapes.Names);
        Assert.Contains("CampaignsClient.ListAsync", shapes.Names);
        Assert.Contains("MailsClient.SendAsync", shapes.Names);
        Assert.Contains("CampaignsClient.RawResponseClient.ResumeAsync", shapes.Names);
        Assert.Contains("CampaignsClient.RawResponseClient.ListAsync", shapes.Names);
        Assert.DoesNotContain("CampaignsClient.RawResponseClient.ListPagesAsync", shapes.Names);   // a walk has no one response
    }

    [Fact]
    public void Every_operation_of_the_operations_fixture_compiles_in_every_call_shape()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "operations.yaml");
        CallShapes shapes = Check(new SpecInput(path, File.ReadAllText(path), "Fixtures.Operations"), "OperationsClient");

        Assert.True(shapes.Methods >= 30, $"only {shapes.Methods} methods were checked");
        Assert.Contains("OperationsClient.DisposeAsync", shapes.Names);   // untagged: on the client itself
        Assert.Contains("OperationsClient.RawResponseClient.DisposeAsync", shapes.Names);
    }

    [Fact]
    public void Every_operation_of_the_Swagger2_fixture_compiles_in_every_call_shape()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "operations.swagger2.yaml");
        CallShapes shapes = Check(new SpecInput(path, File.ReadAllText(path), "Fixtures.Swagger2"), "LegacyStoreClient");

        Assert.True(shapes.Methods > 0);
    }

    /// <summary>What was checked: how many methods, and their <c>Type.Method</c> names.</summary>
    private sealed record CallShapes(int Methods, IReadOnlySet<string> Names);

    private static CallShapes Check(SpecInput spec, string clientName)
    {
        GeneratorRun run = GeneratorHarness.Run(spec);
        Compilation generated = run.OutputCompilation;
        INamedTypeSymbol client = Assert.Single(
            generated.GetSymbolsWithName(clientName, SymbolFilter.Type).OfType<INamedTypeSymbol>(),
            t => t.DeclaredAccessibility == Accessibility.Public);

        var calls = new StringBuilder();
        var expectations = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        int methods = 0, index = 0;
        foreach (INamedTypeSymbol type in OperationTypes(client))
        {
            string interfaceName = InterfaceName(type);
            INamedTypeSymbol? contract = type.Interfaces.SingleOrDefault(i => i.Name == interfaceName);
            Assert.True(contract is not null, $"{Name(type)} implements no {interfaceName}");
            if (type.GetMembers("WithRawResponse").OfType<IPropertySymbol>().SingleOrDefault() is { } raw)
            {
                // The interface's WithRawResponse is the mirror's interface, which the mirror implements.
                IPropertySymbol contractRaw = Assert.Single(contract.GetMembers("WithRawResponse").OfType<IPropertySymbol>());
                Assert.Contains(contractRaw.Type, raw.Type.Interfaces, SymbolEqualityComparer.Default);
            }

            foreach (IGrouping<string, IMethodSymbol> overloads in OperationMethods(type))
            {
                methods++;
                names.Add(Name(type) + "." + overloads.Key);
                (IMethodSymbol shortForm, IMethodSymbol longForm) = Overloads(type, overloads.ToList());
                Assert.True(contract.GetMembers(overloads.Key).OfType<IMethodSymbol>().Count() == 2, $"{interfaceName} does not have both overloads of {overloads.Key}");
                foreach (INamedTypeSymbol target in new[] { type, contract })
                {
                    index++;
                    calls.Append("    public static void Call").Append(index).Append('(').Append(target.ToDisplayString(s_type))
                        .Append(" target, global::AutoSend.Runtime.ApiRequestOptions requestOptions, global::System.Threading.CancellationToken token)\n    {\n");
                    foreach ((string call, bool toShort) in Calls(overloads.Key, longForm))
                    {
                        calls.Append("        _ = target.").Append(call).Append(";\n");
                        expectations.Add((toShort ? shortForm : longForm).ToDisplayString());
                    }

                    calls.Append("    }\n");
                }
            }
        }

        string source = "#nullable enable\ninternal static class Calls\n{\n" + calls + "}\n";
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: "Calls.cs");
        Compilation compilation = generated.AddSyntaxTrees(tree);
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(30).Select(e => e + "   in: " + Line(tree, e))));

        SemanticModel model = compilation.GetSemanticModel(tree);
        InvocationExpressionSyntax[] invocations = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Parent is AssignmentExpressionSyntax).ToArray();
        Assert.Equal(expectations.Count, invocations.Length);
        for (int i = 0; i < invocations.Length; i++)
        {
            // The interface's method and the class's have the same parameters: compare those.
            var bound = (IMethodSymbol)model.GetSymbolInfo(invocations[i]).Symbol!;
            Assert.True(ParameterList(bound.ToDisplayString()) == ParameterList(expectations[i]),
                $"{invocations[i]} binds {bound.ToDisplayString()}, expected {expectations[i]}");
        }

        return new CallShapes(methods, names);
    }

    // The client (for its untagged operations), its groups, and the raw-response mirror of each.
    private static IEnumerable<INamedTypeSymbol> OperationTypes(INamedTypeSymbol client)
    {
        var types = new List<INamedTypeSymbol>();
        foreach (INamedTypeSymbol type in client.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic && p.ExplicitInterfaceImplementations.IsEmpty && p.Name != "WithRawResponse")
            .Select(p => p.Type).OfType<INamedTypeSymbol>().Where(t => t.TypeKind == TypeKind.Class && OperationMethods(t).Any())
            .Prepend(client))
        {
            if (!OperationMethods(type).Any())
            {
                continue;
            }

            types.Add(type);
            IPropertySymbol raw = type.GetMembers("WithRawResponse").OfType<IPropertySymbol>().SingleOrDefault()
                ?? throw new Xunit.Sdk.XunitException(type.Name + " has no WithRawResponse");
            types.Add((INamedTypeSymbol)raw.Type);
        }

        return types.Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
    }

    private static IEnumerable<IGrouping<string, IMethodSymbol>> OperationMethods(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.MethodKind == MethodKind.Ordinary && !m.IsStatic && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .GroupBy(m => m.Name, StringComparer.Ordinal);

    private static (IMethodSymbol Short, IMethodSymbol Long) Overloads(INamedTypeSymbol type, List<IMethodSymbol> overloads)
    {
        string where = type.Name + "." + overloads[0].Name;
        Assert.True(overloads.Count == 2, $"{where} has {overloads.Count} overloads: {string.Join("; ", overloads.Select(o => o.ToDisplayString()))}");
        IMethodSymbol longForm = Assert.Single(overloads, o => o.Parameters.Any(p => p.Name == "requestOptions"));
        IMethodSymbol shortForm = Assert.Single(overloads, o => !SymbolEqualityComparer.Default.Equals(o, longForm));

        Assert.True(shortForm.Parameters.All(p => !p.HasExplicitDefaultValue), $"{where}: the short overload has a default value");
        Assert.True(shortForm.Parameters.Length > 0 && IsToken(shortForm.Parameters[^1].Type), $"{where}: the short overload does not end with the token");
        Assert.True(longForm.Parameters[^1].Name == "cancellationToken" && IsToken(longForm.Parameters[^1].Type) && longForm.Parameters[^1].HasExplicitDefaultValue,
            $"{where}: the long overload does not end with an optional token");
        Assert.Equal("requestOptions", longForm.Parameters[^2].Name);
        IParameterSymbol[] required = longForm.Parameters.Where(p => !p.HasExplicitDefaultValue).ToArray();
        Assert.True(longForm.Parameters.Take(required.Length).SequenceEqual(required, SymbolEqualityComparer.Default), $"{where}: a required parameter follows an optional one");
        Assert.Equal(required.Select(p => p.Type.ToDisplayString(s_type) + " " + p.Name), shortForm.Parameters.SkipLast(1).Select(p => p.Type.ToDisplayString(s_type) + " " + p.Name));
        return (shortForm, longForm);
    }

    // Each documented shape, and whether the rule sends it to the short overload.
    private static IEnumerable<(string Call, bool ToShort)> Calls(string name, IMethodSymbol longForm)
    {
        IParameterSymbol[] required = longForm.Parameters.Where(p => !p.HasExplicitDefaultValue).ToArray();
        string args = string.Concat(required.Select(p => "default(" + p.Type.ToDisplayString(s_type) + ")!, "));
        yield return (name + "(" + args + "token)", true);
        yield return (name + "(" + args.TrimEnd(',', ' ') + ")", false);
        yield return (name + "(" + args + "cancellationToken: token)", true);
        yield return (name + "(" + args + "requestOptions: requestOptions, cancellationToken: token)", false);
        yield return (name + "(" + args + "requestOptions: requestOptions)", false);
        foreach (IParameterSymbol optional in longForm.Parameters.Where(p => p.HasExplicitDefaultValue && p.Name is not "cancellationToken" and not "requestOptions"))
        {
            string argumentName = SyntaxFacts.GetKeywordKind(optional.Name) == SyntaxKind.None ? optional.Name : "@" + optional.Name;
            yield return (name + "(" + args + argumentName + ": default(" + optional.Type.ToDisplayString(s_type) + "), cancellationToken: token)", false);
        }
    }

    // A group's mirror is nested in it: CampaignsClient.RawResponseClient.
    private static string Name(INamedTypeSymbol type) => type.ContainingType is { } outer ? outer.Name + "." + type.Name : type.Name;

    // ICampaignsClient for CampaignsClient; ICampaignsRawResponseClient for CampaignsClient.RawResponseClient, and
    // IOperationsRawResponseClient2 for OperationsClient2.RawResponseClient.
    private static string InterfaceName(INamedTypeSymbol type) => type.ContainingType is { } outer
        ? System.Text.RegularExpressions.Regex.Replace(outer.Name, "^(.+)Client([0-9]*)$", "I$1RawResponseClient$2")
        : "I" + type.Name;

    private static bool IsToken(ITypeSymbol type) => type.ToDisplayString() == "System.Threading.CancellationToken";

    private static string ParameterList(string display) => display[display.IndexOf('(', StringComparison.Ordinal)..];

    private static string Line(SyntaxTree tree, Diagnostic diagnostic) =>
        tree.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using AutoSend.Gen.Diagnostics;
using AutoSend.Gen.Emitting;
using AutoSend.Gen.Helpers;
using AutoSend.Gen.Model;
using AutoSend.Gen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AutoSend.Gen;

/// <summary>
/// The entry point: each <c>&lt;OpenApiClient&gt;</c> item (an AdditionalFiles item marked by the package's props)
/// flows through parse (text → <see cref="ClientSpec"/>) and emit (spec → sources). Steps hold only equatable values,
/// so an edit to C# code, or to another spec, leaves a document's steps cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class Steps
    {
        public const string Inputs = nameof(Inputs);
        public const string Parsed = nameof(Parsed);
        public const string Claims = nameof(Claims);
        public const string DependencyInjection = nameof(DependencyInjection);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ClientInput> inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(Steps.Inputs);

        IncrementalValuesProvider<ParseResult> parsed = inputs
            .Select(static (input, cancellationToken) => ClientParser.Parse(input, cancellationToken))
            .WithTrackingName(Steps.Parsed);

        // Which document owns which generated type name: two documents must not declare the same type.
        IncrementalValueProvider<EquatableArray<TypeClaim>> claims = parsed
            .Select(static (result, _) => TypeClaim.For(result))
            .Collect()
            .Select(static (all, _) => all.SelectMany(c => c).OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.SpecPath, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(Steps.Claims);

        // Whether the consumer references Microsoft.Extensions.Http (and configuration): then the client also gets
        // dependency-injection extensions. Two type lookups per compilation, reduced to two booleans that stay equal
        // across ordinary edits, so the emit step stays cached.
        IncrementalValueProvider<ReferencedPackages> packages = context.CompilationProvider
            .Select(static (compilation, _) => new ReferencedPackages(
                compilation.GetTypeByMetadataName(ReferencedPackages.HttpClientFactoryMarker) is not null,
                compilation.GetTypeByMetadataName(ReferencedPackages.ConfigurationMarker) is not null,
                compilation.GetTypeByMetadataName(ReferencedPackages.RateLimiterMarker) is not null))
            .WithTrackingName(Steps.DependencyInjection);

        context.RegisterSourceOutput(parsed.Combine(claims).Combine(packages),
            static (output, pair) => Emit(output, pair.Left.Left, pair.Left.Right, pair.Right));
    }

    private static ClientInput? ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions fileOptions = options.GetOptions(file);
        if (!fileOptions.TryGetValue("build_metadata.AdditionalFiles.AutoSendGenSource", out string? source) || source != "OpenApiClient")
        {
            return null;
        }

        fileOptions.TryGetValue("build_metadata.AdditionalFiles.AutoSendGenNamespace", out string? ns);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.AutoSendGenClientName", out string? clientName);
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? rootNamespace);
        string text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new ClientInput(file.Path, text, ns?.Trim() ?? string.Empty, clientName?.Trim() ?? string.Empty, rootNamespace?.Trim() ?? string.Empty);
    }

    private static void Emit(SourceProductionContext output, ParseResult result, EquatableArray<TypeClaim> claims, ReferencedPackages packages)
    {
        foreach (DiagnosticInfo diagnostic in result.Diagnostics)
        {
            output.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        ClientSpec? client = result.Client;
        if (client is null)
        {
            return;
        }

        // The first document (by path) to claim a name keeps it; the others report it and generate nothing.
        List<TypeClaim> conflicts = TypeClaim.For(result)
            .Select(mine => claims.First(c => c.Key == mine.Key))
            .Where(owner => owner.SpecPath != result.SpecPath)
            .ToList();
        if (conflicts.Count > 0)
        {
            foreach (TypeClaim conflict in conflicts.Take(5))
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClient, FileLocation(result.SpecPath),
                    conflict.TypeName, client.Namespace, conflict.SpecPath));
            }

            return;
        }

        try
        {
            foreach ((string hintName, string source) in Emitter.Emit(client, Path.GetFileName(result.SpecPath), packages))
            {
                output.CancellationToken.ThrowIfCancellationRequested();
                output.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, FileLocation(result.SpecPath),
                exception.GetType().Name, exception.Message));
        }
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info)
    {
        Location location = info.Span is { } span
            ? Location.Create(span.Path, new TextSpan(span.Start, span.Length), new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)))
            : Location.None;
        return Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, info.Arguments.Cast<object>().ToArray());
    }

    private static Location FileLocation(string path) =>
        Location.Create(path, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));

    /// <summary>A generated type name claimed by one document.</summary>
    private sealed record TypeClaim(string Key, string TypeName, string SpecPath)
    {
        public static ImmutableArray<TypeClaim> For(ParseResult result) => result.Client is not { } client
            ? ImmutableArray<TypeClaim>.Empty
            : Emitter.TypeNames(client).Select(name => new TypeClaim(client.Namespace + "." + name, name, result.SpecPath)).ToImmutableArray();
    }
}

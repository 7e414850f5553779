using System;
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
/// flows through parse (text → <see cref="ParseResult"/>), which splits at once into located diagnostics, reported
/// by one output, and a <see cref="ClientSpec"/> without positions, emitted by another (as the System.Text.Json
/// generator does). Steps hold only equatable values, so an edit to C# code, to another spec, or one that only moves
/// lines in this spec leaves the emit side cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class Steps
    {
        /// <summary>Each <c>&lt;OpenApiClient&gt;</c> item: its text and settings.</summary>
        public const string Inputs = nameof(Inputs);

        /// <summary>Each document parsed: its client and its located diagnostics.</summary>
        public const string Parsed = nameof(Parsed);

        /// <summary>Each document's located diagnostics, reported by their own output.</summary>
        public const string Diagnostics = nameof(Diagnostics);

        /// <summary>Each document's client, without positions (documents with errors have none).</summary>
        public const string Clients = nameof(Clients);

        /// <summary>The type names each document declares.</summary>
        public const string Claims = nameof(Claims);

        /// <summary>Every claimed type name with the document that owns it.</summary>
        public const string Owners = nameof(Owners);

        /// <summary>Each document's client with the names it claims that another document owns.</summary>
        public const string Conflicts = nameof(Conflicts);

        /// <summary>The optional packages the compilation references (dependency injection, configuration, rate limiting).</summary>
        public const string ReferencedPackages = nameof(ReferencedPackages);

        /// <summary>What the consumer's compilation can compile: its language version and the newer .NET types it has.</summary>
        public const string TargetFeatures = nameof(TargetFeatures);

        /// <summary>What the source output of one document reads: its client, conflicts, the referenced packages and the target's features.</summary>
        public const string Emit = nameof(Emit);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ClientInput> inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .SelectMany(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken) is { } input
                ? ImmutableArray.Create(input)
                : ImmutableArray<ClientInput>.Empty)
            .WithTrackingName(Steps.Inputs);

        IncrementalValuesProvider<ParseResult> parsed = inputs
            .Select(static (input, cancellationToken) => ClientParser.Parse(input, cancellationToken))
            .WithTrackingName(Steps.Parsed);

        // Diagnostics carry line numbers; nothing on the emit side does, so a comment added at the top of a spec
        // re-reports its diagnostics and leaves its sources cached.
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(Steps.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, infos) => Report(output, infos));

        IncrementalValuesProvider<DocumentClient> clients = parsed
            .SelectMany(static (result, _) => result.Client is { } client
                ? ImmutableArray.Create(new DocumentClient(result.SpecPath, client))
                : ImmutableArray<DocumentClient>.Empty)
            .WithTrackingName(Steps.Clients);

        // Which document owns which generated type name: two documents must not declare the same type. Each
        // document then keeps only its own conflicts, so another document's renames leave its emit input equal.
        IncrementalValueProvider<EquatableArray<TypeClaim>> owners = clients
            .Select(static (document, _) => ClaimsOf(document))
            .WithTrackingName(Steps.Claims)
            .Collect()
            .Select(static (claims, _) => Owners(claims))
            .WithTrackingName(Steps.Owners);
        IncrementalValuesProvider<(DocumentClient Document, EquatableArray<TypeConflict> Conflicts)> checkedClients = clients
            .Combine(owners)
            .Select(static (pair, _) => (pair.Left, ConflictsOf(pair.Left, pair.Right)))
            .WithTrackingName(Steps.Conflicts);

        // Whether the consumer references Microsoft.Extensions.Http (and configuration), and System.Threading.RateLimiting:
        // then the client also gets dependency-injection and rate-limiter extensions. Three type lookups per
        // compilation, reduced to three booleans that stay equal across ordinary edits, so the emit step stays cached.
        IncrementalValueProvider<ReferencedPackages> packages = context.CompilationProvider
            .Select(static (compilation, _) => new ReferencedPackages(
                compilation.GetTypeByMetadataName(ReferencedPackages.HttpClientFactoryMarker) is not null,
                compilation.GetTypeByMetadataName(ReferencedPackages.ConfigurationMarker) is not null,
                compilation.GetTypeByMetadataName(ReferencedPackages.RateLimiterMarker) is not null))
            .WithTrackingName(Steps.ReferencedPackages);

        // The language version (parse options) and the newer .NET types generated code would use (netstandard2.0 and
        // .NET Framework lack DateOnly, IAsyncEnumerable, the required-member attributes...): a handful of lookups per
        // compilation, reduced to a small record that ordinary edits leave equal.
        // The language version is the parse options' (those the generated trees are parsed with), not the compilation's.
        IncrementalValueProvider<TargetFeatures> features = context.CompilationProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => TargetFeatures.Of(pair.Left, pair.Right))
            .WithTrackingName(Steps.TargetFeatures);

        context.RegisterSourceOutput(checkedClients.Combine(packages.Combine(features)).WithTrackingName(Steps.Emit),
            static (output, pair) => Emit(output, pair.Left.Document, pair.Left.Conflicts, pair.Right.Left, pair.Right.Right));
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
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.AutoSendGenOperations", out string? operations);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.AutoSendGenTags", out string? tags);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.AutoSendGenExcludeTags", out string? excludeTags);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.AutoSendGenExcludeDeprecated", out string? excludeDeprecated);
        string text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new ClientInput(file.Path, text, ns?.Trim() ?? string.Empty, clientName?.Trim() ?? string.Empty, rootNamespace?.Trim() ?? string.Empty,
            ClientFilter.Parse(operations, tags, excludeTags, excludeDeprecated));
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo info in diagnostics)
        {
            Location location = info.Span is { } span
                ? Location.Create(span.Path, new TextSpan(span.Start, span.Length), new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)))
                : Location.None;
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, info.Arguments.Cast<object>().ToArray()));
        }
    }

    private static void Emit(SourceProductionContext output, DocumentClient document, EquatableArray<TypeConflict> conflicts, ReferencedPackages packages, TargetFeatures features)
    {
        // The first document (by path) to claim a name keeps it; the others report it and generate nothing.
        if (!conflicts.IsEmpty)
        {
            foreach (TypeConflict conflict in conflicts.Take(5))
            {
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateClient, FileLocation(document.SpecPath),
                    conflict.TypeName, document.Client.Namespace, conflict.OwnerPath));
            }

            return;
        }

        try
        {
            foreach ((string hintName, string source) in Emitter.Emit(document.Client, Path.GetFileName(document.SpecPath), packages, features))
            {
                output.CancellationToken.ThrowIfCancellationRequested();
                output.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, FileLocation(document.SpecPath),
                exception.GetType().Name, exception.Message));
        }
    }

    // Emit-side diagnostics point at the start of the file: that place never moves, so they need no span from the parse.
    private static Location FileLocation(string path) =>
        Location.Create(path, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
}

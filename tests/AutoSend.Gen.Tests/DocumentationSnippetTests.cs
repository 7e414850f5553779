using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using AutoSend.Gen.Tests.Infrastructure;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoSend.Gen.Tests;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md compiles against the client generated from the AutoSend spec
/// (README, "Every C# example in the docs compiles"). A block is a whole file, or, after a <c>&lt;!-- fragment --&gt;</c>
/// line, statements compiled as the body of an async method that declares the names the README lists.
/// </summary>
public sealed partial class DocumentationSnippetTests
{
    /// <summary>The line that marks the next block as a fragment.</summary>
    public const string FragmentMarker = "<!-- fragment -->";

    // The implicit usings of a Microsoft.NET.Sdk.Web project.
    private static readonly string[] s_implicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json", "System.Threading",
        "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    // What a fragment may use without declaring it (README lists the same names): fields, so that a fragment may
    // declare a local of the same name.
    private const string FragmentNames = """
            private static global::AutoSend.Client.AutoSendClient client = null!;
            private static string apiKey = "";
            private static string id = "";
            private static global::System.Threading.CancellationToken cancellationToken;
            private static global::AutoSend.Client.AutoSendClientOptions options = null!;
            private static global::Microsoft.AspNetCore.Builder.WebApplicationBuilder builder = null!;
            private static global::Microsoft.AspNetCore.Builder.WebApplication app = null!;
            private static string secret = "";
            private static global::Microsoft.Extensions.DependencyInjection.IServiceCollection services = null!;
            private static global::Microsoft.Extensions.Logging.ILogger logger = null!;
            private static global::System.Threading.RateLimiting.RateLimiter limiter = null!;

        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>A C# block of a document.</summary>
    public sealed record Snippet(string File, int Line, bool IsFragment, string Code)
    {
        public override string ToString() => File + ":" + Line;
    }

    public static TheoryData<string> SnippetIds()
    {
        var data = new TheoryData<string>();
        foreach (Snippet snippet in All())
        {
            data.Add(snippet.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SnippetIds))]
    public void The_example_compiles_against_the_generated_AutoSend_client(string id)
    {
        Snippet snippet = Assert.Single(All(), s => s.ToString() == id);

        IReadOnlyList<Diagnostic> errors = Compile(snippet);
        Assert.True(errors.Count == 0, id + (snippet.IsFragment ? " (fragment)" : " (whole file)") + ":\n" + string.Join("\n", errors));
    }

    [Fact]
    public void The_README_and_the_runtime_docs_have_whole_file_and_fragment_examples()
    {
        Snippet[] snippets = All().ToArray();

        Assert.Contains(snippets, s => s.File == "README.md" && !s.IsFragment);
        Assert.Contains(snippets, s => s.File == "README.md" && s.IsFragment);
        Assert.True(snippets.Count(s => s.File == "docs/runtime.md") >= 6, string.Join(", ", snippets.Select(s => s.ToString())));
    }

    [Fact]
    public void A_wrong_example_fails_with_its_document_line()
    {
        var wrong = new Snippet("README.md", 40, true, "CampaignResponse r = await client.Campaigns.NoSuchOperationAsync(id, cancellationToken);\n");
        var undeclared = new Snippet("README.md", 50, false, "using AutoSend.Client;\nawait client.Campaigns.ResumeAsync(\"x\");\n");

        Diagnostic error = Assert.Single(Compile(wrong));
        Assert.Equal("CS1061", error.Id);
        Assert.Equal(("README.md", 40), (error.Location.GetMappedLineSpan().Path, error.Location.GetMappedLineSpan().StartLinePosition.Line + 1));
        Assert.Contains(Compile(undeclared), d => d.Id == "CS0103");   // a whole file declares its own names
    }

    /// <summary>Every C# block of README.md and docs/*.md, with the line of its first code line.</summary>
    public static IEnumerable<Snippet> All()
    {
        IEnumerable<string> files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md")
            .Order(StringComparer.Ordinal)
            .Prepend(Path.Combine(RepositoryPaths.Root, "README.md"));
        foreach (string path in files)
        {
            string name = Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                Match fence = CSharpFence().Match(lines[i]);
                if (!fence.Success)
                {
                    continue;
                }

                string indent = fence.Groups[1].Value;
                bool fragment = i > 0 && lines[i - 1].Trim() == FragmentMarker;
                int first = i + 1;
                var code = new StringBuilder();
                for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
                {
                    code.Append(lines[i].StartsWith(indent, StringComparison.Ordinal) ? lines[i][indent.Length..] : lines[i].TrimStart()).Append('\n');
                }

                yield return new Snippet(name, first + 1, fragment, code.ToString());
            }
        }
    }

    /// <summary>The errors of compiling a block, located in its document.</summary>
    public static IReadOnlyList<Diagnostic> Compile(Snippet snippet)
    {
        string usings = string.Concat(s_implicitUsings.Select(u => "global using global::" + u + ";\n"));
        SyntaxTree program;
        if (snippet.IsFragment)
        {
            // Leading using directives of a fragment are the file's; the rest is the method body.
            string[] lines = snippet.Code.Split('\n');
            int body = 0;
            while (body < lines.Length && (UsingDirective().IsMatch(lines[body]) || lines[body].Trim().Length == 0))
            {
                body++;
            }

            string source = string.Join("\n", lines.Take(body).Where(l => l.Trim().Length > 0))
                + "\nusing AutoSend.Client;\nusing AutoSend.Runtime;\n"
                + "internal static class Fragment\n{\n" + FragmentNames + "    public static async global::System.Threading.Tasks.Task RunAsync()\n    {\n"
                + "#line " + (snippet.Line + body) + " \"" + snippet.File + "\"\n"
                + string.Join("\n", lines.Skip(body)) + "\n"
                + "#line default\n        await global::System.Threading.Tasks.Task.CompletedTask;\n    }\n}\n";
            program = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.Latest), path: "Fragment.cs");
        }
        else
        {
            program = CSharpSyntaxTree.ParseText("#line " + snippet.Line + " \"" + snippet.File + "\"\n" + snippet.Code,
                GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.Latest), path: "Program.cs");
        }

        CSharpCompilation compilation = CSharpCompilation.Create(
            "Snippet",
            [program, CSharpSyntaxTree.ParseText(usings, GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.Latest), path: "GlobalUsings.cs")],
            s_references.Value,
            new CSharpCompilationOptions(snippet.IsFragment ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    // The runtime, the ASP.NET Core shared framework, the resilience package, and the AutoSend client generated and
    // compiled once (with the dependency-injection extensions, as an ASP.NET Core project gets them).
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var spec = new SpecInput(RepositoryPaths.AutoSendSpec, File.ReadAllText(RepositoryPaths.AutoSendSpec), "AutoSend.Client");
        GeneratorRun run = GeneratorHarness.RunDriver(
            GeneratorHarness.CreateDriver([spec]),
            GeneratorHarness.CreateCompilation("namespace Consumer; internal static class Program { public static void Main() { } }", GeneratorHarness.ExtensionsReferences));
        using var image = new MemoryStream();
        Compilation generated = run.OutputCompilation.WithAssemblyName("AutoSend.Client");
        var emitted = generated.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        IEnumerable<MetadataReference> framework = trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var file
                && (file.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) || file.StartsWith("Polly", StringComparison.Ordinal)
                    || file.StartsWith("Microsoft.Extensions.Http.Resilience", StringComparison.Ordinal) || file.StartsWith("Microsoft.Extensions.Resilience", StringComparison.Ordinal)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        return generated.References
            .Concat(framework)
            .GroupBy(r => Path.GetFileName(r.Display ?? string.Empty), StringComparer.Ordinal)
            .Select(g => g.First())
            .Append(MetadataReference.CreateFromImage(image.ToArray()))
            .ToImmutableArray();
    }

    [GeneratedRegex(@"^(\s*)```(?:csharp|cs|c#)\s*$")]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*\s*(=\s*[\w.<>]+\s*)?;\s*$")]
    private static partial Regex UsingDirective();
}

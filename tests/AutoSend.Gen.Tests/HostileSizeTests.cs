using System.Diagnostics;
using System.Text;
using AutoSend.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace AutoSend.Gen.Tests;

/// <summary>Runs alone, so the process-wide allocation count measures one generator run.</summary>
[CollectionDefinition(nameof(LargeInputs), DisableParallelization = true)]
public sealed class LargeInputs;

/// <summary>
/// Huge and deep documents, generated in memory: each gives compiling code or a located error, on a thread with the
/// 1 MB stack of a compiler thread, within a generous time and memory ceiling (ceilings only, never tight timings).
/// A stack overflow would kill the test process, so a pass also proves there was none.
/// </summary>
[Collection(nameof(LargeInputs))]
public sealed class HostileSizeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_timeLimit = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("properties", 10_000, "json")]
    [InlineData("items", 10_000, "json")]
    [InlineData("allOf", 10_000, "json")]
    [InlineData("example", 100_000, "json")]
    [InlineData("properties", 10_000, "yaml")]
    [InlineData("items", 10_000, "yaml")]
    [InlineData("allOf", 10_000, "yaml")]
    [InlineData("items", 100_000, "yaml")]
    [InlineData("example", 100_000, "yaml")]
    public void Nesting_beyond_the_readers_limit_is_AG0001_at_the_deep_spot(string kind, int depth, string format)
    {
        (GeneratorRun run, _) = RunBounded(Deep(kind, depth, format), "/specs/deep." + format, maxMegabytes: 1024);

        Assert.Empty(run.Sources);
        Diagnostic error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("AG0001", error.Id);
        Assert.Contains("depth", error.GetMessage());
        FileLinePositionSpan span = error.Location.GetLineSpan();
        Assert.Equal("/specs/deep." + format, span.Path);

        // The document sits on the second line; the error points into it, not at the top of the file.
        Assert.Equal(1, span.StartLinePosition.Line);
        Assert.True(span.StartLinePosition.Character > 100, span.ToString());
    }

    [Theory]
    [InlineData("properties", 125, "yaml", 1)]
    [InlineData("properties", 125, "yaml", 60)]
    [InlineData("items", 50, "yaml", 1)]
    [InlineData("allOf", 60, "yaml", 1)]
    [InlineData("properties", 29, "json", 60)]
    public void Nesting_at_the_readers_limit_generates_code_that_compiles(string kind, int depth, string format, int nameLength)
    {
        (GeneratorRun run, _) = RunBounded(Deep(kind, depth, format, nameLength), "/specs/deep." + format, maxMegabytes: 2048, compile: true);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void A_yaml_alias_bomb_is_AG0001_within_bounds()
    {
        // "Billion laughs": ten levels of ten aliases each would expand to 10^10 nodes.
        var text = new StringBuilder("openapi: 3.1.0\ninfo: {title: Bomb, version: '1'}\npaths: {}\nx-l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++)
        {
            text.Append("x-l").Append(i).Append(": &l").Append(i).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*l" + (i - 1), 10))).Append("]\n");
        }

        (GeneratorRun run, _) = RunBounded(text.ToString(), "/specs/bomb.yaml", maxMegabytes: 1024);

        Diagnostic error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("AG0001", error.Id);
        Assert.Contains("alias", error.GetMessage());
        Assert.Equal("/specs/bomb.yaml", error.Location.GetLineSpan().Path);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_50_MB_description_in_json_is_cut_in_the_doc_comment()
    {
        string description = Huge();
        string text = "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"Huge\", \"version\": \"1\", \"description\": \"" + description.Replace("\n", "\\n", StringComparison.Ordinal) + "\"}, \"paths\": {}}";
        AssertHugeDescription(text, "/specs/huge.json");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_50_MB_description_in_yaml_is_cut_in_the_doc_comment()
    {
        string text = "openapi: 3.1.0\ninfo:\n  title: Huge\n  version: '1'\n  description: |\n    " + Huge().Replace("\n", "\n    ", StringComparison.Ordinal) + "\npaths: {}\n";
        AssertHugeDescription(text, "/specs/huge.yaml");
    }

    private void AssertHugeDescription(string text, string path)
    {
        (GeneratorRun run, long allocated) = RunBounded(text, path, maxMegabytes: 4096, compile: true);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileProblems.Select(d => d.ToString()));
        string client = run.Sources.Single(s => s.HintName.EndsWith(".HugeClient.g.cs", StringComparison.Ordinal)).Text;
        Assert.True(client.Length < 100_000, $"client is {client.Length} characters");
        Assert.Contains("…", client);
        Assert.DoesNotContain("#error", client.Split('\n').Where(l => !l.TrimStart().StartsWith("///", StringComparison.Ordinal)));
        Assert.True(allocated > text.Length, "the allocation count did not see the run");
    }

    // 50 MB of text with lines that would be directives if they ever left the comment.
    private static string Huge()
    {
        var text = new StringBuilder(50 * 1024 * 1024 + 100);
        while (text.Length < 50 * 1024 * 1024)
        {
            text.Append("*/ </summary> #error injected & more text to fill the line up to a reasonable width\n#define X\n");
        }

        return text.ToString();
    }

    /// <summary>A document whose one schema nests <paramref name="depth"/> times, on the second line of the file.</summary>
    public static string Deep(string kind, int depth, string format, int nameLength = 1)
    {
        string name = new('a', nameLength);
        (string open, string close, string leaf) = kind switch
        {
            "properties" => ("{\"type\": \"object\", \"properties\": {\"" + name + "\": ", "}}", "{\"type\": \"string\"}"),
            "items" => ("{\"type\": \"array\", \"items\": ", "}", "{\"type\": \"string\"}"),
            "allOf" => ("{\"description\": \"level\", \"allOf\": [{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}, ", "]}", "{\"type\": \"string\"}"),
            "example" => ("[", "]", "1"),
            _ => throw new ArgumentException(kind),
        };
        var schema = new StringBuilder(kind == "example" ? "{\"type\": \"array\", \"example\": " : string.Empty);
        schema.Insert(schema.Length, open, depth).Append(leaf).Insert(schema.Length, close, depth).Append(kind == "example" ? "}" : string.Empty);
        string header = format == "json" ? "{\"openapi\": \"3.1.0\",\n" : "# deep\n{\"openapi\": \"3.1.0\", ";
        return header + "\"info\": {\"title\": \"Deep\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Root\": " + schema + "}}}";
    }

    private (GeneratorRun Run, long AllocatedBytes) RunBounded(string text, string path, int maxMegabytes, bool compile = false)
    {
        GeneratorRun? run = null;
        Microsoft.CodeAnalysis.Emit.EmitResult? emitted = null;
        Exception? failure = null;
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var thread = new Thread(
            () =>
            {
                try
                {
                    run = GeneratorHarness.Run(new SpecInput(path, text));
                    if (compile)
                    {
                        // Emit too: some limits (CS0645, an identifier too long for metadata) are checked only there.
                        using var assembly = new MemoryStream();
                        emitted = run.OutputCompilation.Emit(assembly);
                    }
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            maxStackSize: 1024 * 1024);
        thread.Start();
        Assert.True(thread.Join(s_timeLimit), $"not done within {s_timeLimit}");
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"{path} ({text.Length:N0} characters): {watch.Elapsed.TotalSeconds:F1} s, {allocated / (1024 * 1024):N0} MB allocated, "
            + $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MB");
        Assert.Null(failure);
        Assert.True(emitted?.Success ?? true, string.Join("\n", emitted?.Diagnostics.Take(5) ?? []));
        Assert.True(allocated < maxMegabytes * 1024L * 1024, $"{allocated / (1024 * 1024)} MB allocated, over the {maxMegabytes} MB ceiling");
        return (run!, allocated);
    }
}

using System.Globalization;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AutoSend.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AutoSend.Gen.Tests.Infrastructure;

/// <summary>How one mutant ended.</summary>
public enum FuzzOutcome
{
    /// <summary>No diagnostic from the generator; the client compiles without a warning.</summary>
    Clean,

    /// <summary>Warnings from the generator only; the client compiles without a warning.</summary>
    Warnings,

    /// <summary>An error from the generator (located, not AG0008), and no client.</summary>
    Errors,

    /// <summary>Something the fuzz run fails on: AG0008, a hang, a warning or error in generated code, an unlocated reader error.</summary>
    Failure,
}

/// <summary>The outcome of one mutant, with the reason when it failed.</summary>
public sealed record FuzzResult(Mutant Mutant, FuzzOutcome Outcome, string? Reason);

/// <summary>What a fuzz run saw.</summary>
public sealed record FuzzSummary(int Mutants, int Clean, int Warnings, int Errors, IReadOnlyList<FuzzResult> Failures, TimeSpan Elapsed)
{
    public double RunsPerSecond => Mutants / Math.Max(Elapsed.TotalSeconds, 0.001);

    public override string ToString() =>
        $"{Mutants} mutants in {Elapsed.TotalSeconds:F1} s ({RunsPerSecond:F1} runs/s): {Clean} clean, {Warnings} with warnings, {Errors} with errors, {Failures.Count} failures";
}

/// <summary>
/// Runs mutants (<see cref="Mutator"/>) through the generator in-process and compiles what it generates, on a few
/// worker threads with a deadline per mutant. A mutant fails the run when the generator ends in AG0008 or lets an
/// exception escape, when it does not finish before the deadline, when the generated code has any compiler warning or
/// error, or when a reader error quotes a .NET exception instead of saying what to fix.
/// </summary>
public static class FuzzRunner
{
    /// <summary>The deadline of one mutant: far above the few hundred milliseconds one takes, so only a hang reaches it.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // Phrases of .NET exception messages: an AG0001 that quotes one has not found what is wrong in the document.
    private static readonly string[] s_exceptionPhrases =
    [
        "Object reference not set", "Value cannot be null", "was not in a correct format", "was either too large or too small",
        "Exception", "Specified argument", "Index was outside", "Sequence contains", "Unable to cast", "cannot be converted to",
    ];

    private static readonly Lazy<Mutator> s_mutator = new(CreateMutator);

    private static readonly Lazy<CSharpCompilation> s_compilation = new(() =>
        GeneratorHarness.CreateCompilation("namespace Consumer; internal static class Program { public static void Main() { } }"));

    /// <summary>The seed documents: every fixture the generator is tested with, and cuts of the AutoSend spec.</summary>
    public static readonly string[] Fixtures =
    [
        "features.yaml", "mapping.yaml", "media.yaml", "names.yaml", "openapi32.yaml", "operations.swagger2.yaml", "operations.yaml",
        "paging.yaml", "security.yaml", "servers.yaml", "webhooks.yaml", "Constructs/openapi30.yaml", "Constructs/openapi31.yaml",
        "Constructs/swagger2.yaml", "Hostile/cycles.yaml",
    ];

    public static Mutator Mutator => s_mutator.Value;

    /// <summary>Runs the mutants of seeds <paramref name="firstSeed"/> onwards on <paramref name="workers"/> threads.</summary>
    public static FuzzSummary Run(int firstSeed, int count, int workers = 2)
    {
        Mutator mutator = Mutator;
        _ = s_compilation.Value;
        var results = new ConcurrentBag<FuzzResult>();
        int next = 0;
        var stopwatch = Stopwatch.StartNew();
        Thread[] threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next) - 1) < count)
            {
                Mutant mutant;
                try
                {
                    mutant = mutator.Make(firstSeed + i);
                }
                catch (Exception exception)
                {
                    mutant = new Mutant(firstSeed + i, "?", [], string.Empty, "/fuzz/none.json");
                    results.Add(new FuzzResult(mutant, FuzzOutcome.Failure, "the mutator threw " + exception));
                    continue;
                }

                results.Add(RunOne(mutant));
            }
        }, 4 * 1024 * 1024)).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        stopwatch.Stop();
        List<FuzzResult> all = results.ToList();
        return new FuzzSummary(
            all.Count,
            all.Count(r => r.Outcome == FuzzOutcome.Clean),
            all.Count(r => r.Outcome == FuzzOutcome.Warnings),
            all.Count(r => r.Outcome == FuzzOutcome.Errors),
            all.Where(r => r.Outcome == FuzzOutcome.Failure).OrderBy(r => r.Mutant.Seed).ToList(),
            stopwatch.Elapsed);
    }

    /// <summary>Generates and compiles one mutant, on its own thread with the 1 MB stack of a compiler thread.</summary>
    public static FuzzResult RunOne(Mutant mutant)
    {
        FuzzResult? result = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = Classify(mutant);
            }
            catch (Exception exception)
            {
                result = new FuzzResult(mutant, FuzzOutcome.Failure, "the test harness threw " + exception);
            }
        }, 1024 * 1024) { IsBackground = true };
        thread.Start();
        return thread.Join(Deadline) ? result! : new FuzzResult(mutant, FuzzOutcome.Failure, $"hang: not finished after {Deadline.TotalSeconds:F0} s");
    }

    private static FuzzResult Classify(Mutant mutant)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver([new SpecInput(mutant.Path, mutant.Text)]);
        GeneratorRun run = GeneratorHarness.RunDriver(driver, s_compilation.Value);
        if (Environment.GetEnvironmentVariable("AUTOSEND_FUZZ_DUMP") is { Length: > 0 } dump)
        {
            // The mutant and what it generated, to look at a failure by eye.
            string folder = Path.Combine(dump, mutant.Seed.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(mutant.Path)), mutant.Text);
            foreach ((string hintName, string text) in run.Sources)
            {
                File.WriteAllText(Path.Combine(folder, hintName), text);
            }
        }

        Diagnostic[] diagnostics = run.GeneratorDiagnostics.ToArray();
        if (run.Result.Exception is { } escaped)
        {
            return new FuzzResult(mutant, FuzzOutcome.Failure, "an exception escaped the generator: " + escaped);
        }

        if (diagnostics.FirstOrDefault(d => d.Id == "AG0008" || !d.Id.StartsWith("AG", StringComparison.Ordinal)) is { } failure)
        {
            return new FuzzResult(mutant, FuzzOutcome.Failure, failure + (failure.Id == "AG0008" ? "\n" + FailureStack(mutant) : string.Empty));
        }

        if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && s_exceptionPhrases.Any(p => d.GetMessage().Contains(p, StringComparison.Ordinal))) is { } quoted)
        {
            return new FuzzResult(mutant, FuzzOutcome.Failure, "a reader error quotes a .NET exception: " + quoted);
        }

        if (run.Sources.Count > 0)
        {
            Diagnostic[] problems = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
            if (problems.Length > 0)
            {
                string generator = diagnostics.Length == 0 ? "no generator diagnostic" : "generator: " + string.Join("; ", diagnostics.Take(3).Select(d => d.Id + " " + d.GetMessage()));
                return new FuzzResult(mutant, FuzzOutcome.Failure,
                    $"{(problems.Any(p => p.Severity == DiagnosticSeverity.Error) ? "broken output" : "warning in generated code")} ({generator}): " + string.Join(" | ", problems.Take(3).Select(p => p.ToString())));
            }
        }

        FuzzOutcome outcome = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? FuzzOutcome.Errors
            : diagnostics.Length > 0 ? FuzzOutcome.Warnings
            : FuzzOutcome.Clean;
        return new FuzzResult(mutant, outcome, null);
    }

    /// <summary>Where the generator failed: the parse again, with the exception let through.</summary>
    public static string FailureStack(Mutant mutant)
    {
        Gen.Parsing.ClientParser.ThrowOnFailure = true;
        try
        {
            Gen.Parsing.ClientParser.Parse(new Gen.Parsing.ClientInput(mutant.Path, mutant.Text, string.Empty, string.Empty, "Consumer", Gen.Parsing.ClientFilter.None), CancellationToken.None);
            return "(the parse did not fail again: the failure is in the emitter)";
        }
        catch (Exception exception)
        {
            return string.Join("\n", exception.ToString().Split('\n').Take(12));
        }
        finally
        {
            Gen.Parsing.ClientParser.ThrowOnFailure = false;
        }
    }

    /// <summary>The failures as the test prints them: how to make each again, what was done, and why it failed.</summary>
    public static string Describe(FuzzSummary summary, int firstSeed)
    {
        var text = new StringBuilder().AppendLine(summary.ToString());
        foreach (FuzzResult failure in summary.Failures.Take(20))
        {
            text.AppendLine($"seed {failure.Mutant.Seed} (from {failure.Mutant.Source}; rerun alone with AUTOSEND_FUZZ_SEED={failure.Mutant.Seed} AUTOSEND_FUZZ_MUTANTS=1):")
                .AppendLine("  " + string.Join("; ", failure.Mutant.Mutations))
                .AppendLine("  " + Shorten(failure.Reason ?? string.Empty, 1200));
        }

        return text.ToString();
    }

    private static string Shorten(string text, int length) => text.Length > length ? text.Substring(0, length) + "..." : text;

    private static Mutator CreateMutator()
    {
        var seeds = Fixtures
            .Select(name => (name, Mutator.ReadTree(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)))))
            .ToList();
        JsonNode spec = Mutator.ReadTree(File.ReadAllText(RepositoryPaths.AutoSendSpec));
        for (int cut = 1; cut <= 4; cut++)
        {
            seeds.Add(($"autosend.openapi.yaml (cut {cut})", Mutator.Cut(spec, cut, 4)));
        }

        return new Mutator(seeds);
    }
}

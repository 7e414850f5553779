using System.Globalization;
using AutoSend.Gen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AutoSend.Gen.Tests;

/// <summary>Fuzz runs use both cores: they run alone.</summary>
[CollectionDefinition(nameof(FuzzRuns), DisableParallelization = true)]
public sealed class FuzzRuns;

/// <summary>
/// Seeded mutation fuzzing (docs/robustness.md): mutants of the fixtures and of cuts of the AutoSend spec are generated
/// in-process and their output compiled. No mutant may end in AG0008, hang, produce code with a compiler warning or
/// error, or get a reader error that quotes a .NET exception. A failure prints the seed and the mutations; set
/// <c>AUTOSEND_FUZZ_SEED</c> and <c>AUTOSEND_FUZZ_MUTANTS=1</c> to make that mutant again, and
/// <c>AUTOSEND_FUZZ_MUTANTS</c> alone for a bigger run of the slow test.
/// </summary>
[Collection(nameof(FuzzRuns))]
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void A_few_hundred_mutants_never_crash_hang_or_break_the_client()
    {
        Fuzz(firstSeed: Setting("AUTOSEND_FUZZ_SEED") ?? 1, count: Setting("AUTOSEND_FUZZ_SEED") is null ? 250 : Setting("AUTOSEND_FUZZ_MUTANTS") ?? 1);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Thousands_of_mutants_never_crash_hang_or_break_the_client()
    {
        Fuzz(firstSeed: Setting("AUTOSEND_FUZZ_SEED") ?? 1_000_000, count: Setting("AUTOSEND_FUZZ_MUTANTS") ?? 1_600);
    }

    [Fact]
    public void The_same_seed_makes_the_same_mutant()
    {
        Mutant first = FuzzRunner.Mutator.Make(12345), second = FuzzRunner.Mutator.Make(12345);

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Mutations, second.Mutations);
        Assert.NotEqual(first.Text, FuzzRunner.Mutator.Make(12346).Text);
    }

    private void Fuzz(int firstSeed, int count)
    {
        FuzzSummary summary = FuzzRunner.Run(firstSeed, count);
        string report = FuzzRunner.Describe(summary, firstSeed);
        output.WriteLine($"seeds {firstSeed}..{firstSeed + count - 1}");
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("AUTOSEND_FUZZ_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, $"seeds {firstSeed}..{firstSeed + count - 1}\n{report}\n");
        }

        Assert.Equal(count, summary.Mutants);
        Assert.True(summary.Failures.Count == 0, report);
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}

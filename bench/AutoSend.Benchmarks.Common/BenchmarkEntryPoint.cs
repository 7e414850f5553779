using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace AutoSend.Benchmarks;

/// <summary>
/// The configuration both benchmark programs share. Full runs: one out-of-process job per benchmark class (by
/// default 6 warmup and 15 measured iterations; the generator program passes its own), MemoryDiagnoser on, CSV (nanoseconds and bytes, no units in cells) and
/// GitHub-markdown reports. <c>--quick</c>: one in-process invocation of each benchmark, for CI, which only
/// proves that every benchmark (and the checks in its setup) still runs: no timing is asserted anywhere.
/// </summary>
public static class BenchmarkEntryPoint
{
    /// <summary>
    /// True in <c>--quick</c> mode, where the benchmarks run in this process, so that parameter sources can shrink
    /// (the generator benchmarks then read only our spec and the smallest GitHub subset).
    /// </summary>
    public static bool IsQuick { get; private set; }

    public static int Run(BenchmarkSwitcher switcher, string[] args, Job? fullJob = null)
    {
        bool quick = IsQuick = args.Contains("--quick");
        args = args.Where(a => a != "--quick").ToArray();
        if (!args.Contains("--filter"))
        {
            args = [.. args, "--filter", "*"];
        }

        Job job = quick
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")
            : fullJob ?? Job.Default.WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(15).WithId("Bench");

        var csv = new CsvExporter(CsvSeparator.Comma, new SummaryStyle(CultureInfo.InvariantCulture, printUnitsInHeader: true,
            sizeUnit: SizeUnit.B, timeUnit: TimeUnit.Nanosecond, printUnitsInContent: false, printZeroValuesInContent: true));
        IConfig config = ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub, csv)
            .AddJob(job)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value))
            .WithOptions(ConfigOptions.DisableLogFile)
            // The out-of-process build rebuilds everything in a fresh folder, Kiota's and NSwag's generation included.
            .WithBuildTimeout(TimeSpan.FromMinutes(15));

        Summary[] summaries = switcher.Run(args, config).ToArray();
        int failed = summaries.Sum(s => s.Reports.Count(r => !r.Success)) + summaries.Count(s => s.HasCriticalValidationErrors);
        int passed = summaries.Sum(s => s.Reports.Count(r => r.Success));
        if (summaries.Length == 0)
        {
            failed++;
        }

        Console.WriteLine($"benchmarks: {passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}

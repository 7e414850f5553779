using System.Diagnostics;
using System.Globalization;
using AutoSend.Benchmarks;
using AutoSend.Benchmarks.Generator;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Two extra modes for bench/run.sh:
//   --cold-process SPEC   one generator run in this fresh process (JIT cold, as in a first build): prints CSV
//   --github-subsets      the size of each GitHub subset the scaling benchmark uses: prints CSV
//   --stages SPEC         where a generator run spends its time and memory, stage by stage (GeneratorStages.cs)
//   --sizes SPEC|PATH     the generated C#: bytes and files by kind (GeneratedSizes.cs)
if (args.Length >= 2 && args[0] == "--stages")
{
    return GeneratorStages.Run(args[1]);
}

if (args.Length >= 2 && args[0] == "--sizes")
{
    return GeneratedSizes.Run(args[1]);
}

if (args.Length >= 2 && args[0] == "--cold-process")
{
    (string path, string text) = Specs.Load(args[1]);
    var spec = GeneratorDriverHarness.Text(path, text);
    var compilation = GeneratorDriverHarness.CreateCompilation();
    long allocated = GC.GetTotalAllocatedBytes(precise: true);
    long start = Stopwatch.GetTimestamp();
    var driver = GeneratorDriverHarness.CreateDriver(spec).RunGenerators(compilation);
    TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    int files = GeneratorDriverHarness.CheckRun(driver, args[1]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{args[1]},{text.Length},{elapsed.TotalMilliseconds:F1},{allocated},{files},{Process.GetCurrentProcess().PeakWorkingSet64}"));
    return 0;
}

if (args.Length >= 1 && args[0] == "--github-subsets")
{
    string github = File.ReadAllText(Specs.PathOf(Specs.GitHub));
    Console.WriteLine("percent,paths,operations,schemas,components,bytes");
    foreach (int percent in new[] { 10, 25, 50, 100 })
    {
        GitHubSubset.Result subset = GitHubSubset.Create(github, percent);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{percent},{subset.Paths},{subset.Operations},{subset.Schemas},{subset.Components},{subset.Text.Length}"));
    }

    return 0;
}

// Generator runs take from milliseconds to seconds: a few measured iterations, each one invocation.
return BenchmarkEntryPoint.Run(BenchmarkSwitcher.FromAssembly(typeof(GeneratorColdBenchmarks).Assembly), args,
    Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8).WithId("Generator"));

using AutoSend.Benchmarks;
using BenchmarkDotNet.Running;

// bench/run.sh runs this (and AutoSend.Benchmarks.Generator); `--quick` only proves every benchmark still runs.
// `--alloc-profile [calls]` prints what one ResumeAsync allocates, by type (AllocationProfile.cs).
if (args.Length >= 1 && args[0] == "--alloc-profile")
{
    return AllocationProfile.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
}

return BenchmarkEntryPoint.Run(BenchmarkSwitcher.FromAssembly(typeof(ResumeBenchmarks).Assembly), args);

using AutoSend.Benchmarks;
using BenchmarkDotNet.Running;

// bench/run.sh runs this (and AutoSend.Benchmarks.Generator); `--quick` only proves every benchmark still runs.
return BenchmarkEntryPoint.Run(BenchmarkSwitcher.FromAssembly(typeof(ResumeBenchmarks).Assembly), args);

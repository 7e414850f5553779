#!/usr/bin/env bash
# The benchmark suite in one command (docs/benchmarks.md).
#
#   bench/run.sh                 everything: per-call and JSON benchmarks, generator benchmarks, the generator's first
#                                run in fresh processes, Native AOT sizes and start-up; then the tables and charts
#                                (docs/benchmarks.md between its markers, docs/benchmarks/*.svg)
#   bench/run.sh --quick         CI: builds everything and runs each benchmark once in-process (no timing is judged);
#                                ends with "N passed, N failed" and exits non-zero on any failure
#   bench/run.sh --no-aot        everything but the Native AOT part (which publishes five programs, ~6 min)
#   bench/run.sh --no-build-time everything but the consumer build-time comparison with Kiota on GitHub's description
#                                (two fresh-compiler builds of each client, ~10 min)
#   bench/run.sh --no-report     do not rewrite docs/benchmarks.md and docs/benchmarks/*
#   bench/run.sh -- ARGS         ARGS go to BenchmarkDotNet (e.g. -- --filter '*Resume*')
#
# Results (BenchmarkDotNet CSV and markdown, cold-run and AOT CSVs) go to bench/artifacts/results/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

quick=0 aot=1 build_time=1 report=1 bdn_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-aot) aot=0 ;;
    --no-build-time) build_time=0 ;;
    --no-report) report=0 ;;
    --) shift; bdn_args=("$@"); break ;;
    *) echo "unknown option $1 (see the top of bench/run.sh)" >&2; exit 2 ;;
  esac
  shift
done

results="$root/bench/artifacts/results"
rm -rf "$results"
mkdir -p "$results"

if [ ! -f node_modules/@octokit/openapi/generated/api.github.com.json ]; then
  echo "== npm ci (GitHub's and ReadMe's OpenAPI documents, pinned in package-lock.json)"
  npm ci --no-audit --no-fund
fi

echo "== dotnet tool restore (Kiota and NSwag, pinned in bench/.config/dotnet-tools.json)"
(cd bench && dotnet tool restore)

echo "== build"
dotnet build bench/AutoSend.Benchmarks/AutoSend.Benchmarks.csproj -c Release -p:BenchToolsRestored=true
dotnet build bench/AutoSend.Benchmarks.Generator/AutoSend.Benchmarks.Generator.csproj -c Release

mode=()
[ "$quick" -eq 1 ] && mode=(--quick)
status=0

# The load on the machine while each part ran: benchmarks on a shared machine are only as good as its quiet.
load() { echo "$(date -u +%H:%M:%S) $1: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" | tee -a "$results/load.txt"; }
load "start"

echo "== per-call and JSON benchmarks"
dotnet bench/AutoSend.Benchmarks/bin/Release/net10.0/AutoSend.Benchmarks.dll "${mode[@]}" --artifacts "$results/clients" "${bdn_args[@]}" \
  | tee "$results/clients.log" || status=1

load "after the per-call and JSON benchmarks"
echo "== generator benchmarks"
dotnet bench/AutoSend.Benchmarks.Generator/bin/Release/net10.0/AutoSend.Benchmarks.Generator.dll "${mode[@]}" --artifacts "$results/generator" "${bdn_args[@]}" \
  | tee "$results/generator.log" || status=1

load "after the generator benchmarks"
if [ "$quick" -eq 1 ]; then
  passed=$(grep -ho 'benchmarks: [0-9]* passed' "$results"/*.log | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }')
  failed=$(grep -ho ', [0-9]* failed' "$results"/*.log | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }')
  [ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
  echo "$passed passed, $failed failed"
  exit $status
fi

echo "== the generator's first run in a fresh process (JIT cold), 5 processes per document"
generator=bench/AutoSend.Benchmarks.Generator/bin/Release/net10.0/AutoSend.Benchmarks.Generator.dll
echo "spec,chars,ms,allocated_bytes,files,peak_working_set_bytes" > "$results/generator-cold-process.csv"
for spec in AutoSend ReadMe GitHub; do
  for _ in 1 2 3 4 5; do
    dotnet "$generator" --cold-process "$spec" | tail -n 1 >> "$results/generator-cold-process.csv"
  done
done
dotnet "$generator" --github-subsets > "$results/github-subsets.csv"
cat "$results/generator-cold-process.csv" "$results/github-subsets.csv"

load "after the fresh-process generator runs"
if [ "$aot" -eq 1 ]; then
  echo "== Native AOT: publish and time the one-call programs"
  python3 bench/scripts/aot.py "$results" --runs 20
  load "after Native AOT"
fi

if [ "$build_time" -eq 1 ]; then
  echo "== build time: GitHub's description through our generator vs Kiota's generated client (fresh compiler each build)"
  python3 bench/scripts/build_time.py "$results" --runs 2
  cat "$results/build-time.csv" "$results/build-size.csv"
  load "after the build-time comparison"
fi

if [ "$report" -eq 1 ]; then
  echo "== tables and charts"
  python3 bench/scripts/report.py "$results" docs/benchmarks.md docs/benchmarks
fi
exit $status

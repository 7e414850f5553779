#!/usr/bin/env python3
"""Build time of GitHub's REST description as a consumer's library: through our generator (bench/BuildTime/GitHubAutoSend)
and as Kiota's generated client (bench/BuildTime/GitHubKiota, code from the Kiota CLI pinned in bench/.config), each
compiled the same way: `dotnet build -c Release --no-restore --disable-build-servers` (a fresh compiler process
that no earlier build warmed, as on a build agent; unlike `dotnet build-server shutdown` it leaves other builds'
servers on the machine alone) after deleting the project's bin/ and obj/Release/, so that
every run compiles everything. Also the generated code's size and file count, and Kiota's own generation time.

Usage: build_time.py RESULTS_DIR [--runs N] [--only autosend,kiota]
Writes RESULTS_DIR/build-time.csv (one row per measured build) and RESULTS_DIR/build-size.csv.
"""
import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)
SPEC = os.path.join(ROOT, "node_modules", "@octokit", "openapi", "generated", "api.github.com.json")
WORK = os.path.join(BENCH, "artifacts", "build-time")
KIOTA_OUT = os.path.join(WORK, "kiota")
PROJECTS = {
    "autosend": os.path.join(BENCH, "BuildTime", "GitHubAutoSend", "GitHubAutoSend.csproj"),
    "kiota": os.path.join(BENCH, "BuildTime", "GitHubKiota", "GitHubKiota.csproj"),
}


def run(args, cwd=ROOT, check=True):
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if check and result.returncode != 0:
        print((result.stdout + result.stderr)[-6000:], file=sys.stderr)
        raise SystemExit(f"build_time.py: {' '.join(args)} failed ({result.returncode})")
    return result


def tree_size(folder, pattern):
    files = [os.path.join(d, f) for d, _, names in os.walk(folder) for f in names if re.search(pattern, f)]
    return len(files), sum(os.path.getsize(f) for f in files)


# Kiota 1.38 names the path parameters of this one path `base` and `head` in C# (`string base` is a syntax error), so
# the client does not compile; a Kiota user would leave the path out, as here (1 of GitHub's 1,223 operations).
KIOTA_EXCLUDED_PATH = "/repos/{owner}/{repo}/compare/{base}...{head}"


def generate_kiota():
    """Runs Kiota with the options of bench/Clients' Kiota client; returns the seconds it took."""
    shutil.rmtree(KIOTA_OUT, ignore_errors=True)
    run(["dotnet", "tool", "restore"], cwd=BENCH)
    started = time.perf_counter()
    run(["dotnet", "tool", "run", "kiota", "generate", "--language", "CSharp", "--openapi", SPEC, "--output", KIOTA_OUT,
         "--namespace-name", "GitHub.Kiota", "--class-name", "GitHubClient", "--exclude-backward-compatible",
         "--exclude-path", KIOTA_EXCLUDED_PATH, "--clean-output", "--log-level", "Error"], cwd=BENCH)
    return time.perf_counter() - started


def build_once(name):
    project = PROJECTS[name]
    folder = os.path.dirname(project)
    shutil.rmtree(os.path.join(folder, "bin"), ignore_errors=True)
    shutil.rmtree(os.path.join(folder, "obj", "Release"), ignore_errors=True)
    started = time.perf_counter()
    run(["dotnet", "build", project, "-c", "Release", "--no-restore", "--disable-build-servers", "-nologo", "-p:BuildProjectReferences=false", "-v:q"])
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--only", default="autosend,kiota")
    args = parser.parse_args()
    names = [n for n in ("autosend", "kiota") if n in args.only.split(",")]
    os.makedirs(args.results, exist_ok=True)
    if not os.path.exists(SPEC):
        raise SystemExit("build_time.py: GitHub's description is missing: run `npm ci` at the repository root first")

    # Our generator and runtime are built (Release) before anything is timed: the consumer's build does not rebuild them.
    run(["dotnet", "build", os.path.join(ROOT, "generator", "AutoSend.Gen.csproj"), "-c", "Release", "-nologo", "-v:q"])
    run(["dotnet", "build", os.path.join(ROOT, "runtime", "AutoSend.Runtime.csproj"), "-c", "Release", "-nologo", "-v:q"])
    kiota_seconds = generate_kiota() if "kiota" in names else None

    rows, sizes = [], []
    for name in names:
        run(["dotnet", "restore", PROJECTS[name], "-nologo", "-v:q", "-p:BuildProjectReferences=false"])
        for i in range(args.runs):
            seconds = build_once(name)
            rows.append({"client": name, "run": i + 1, "build_s": f"{seconds:.1f}"})
            print(f"{name}: build {i + 1}/{args.runs}: {seconds:.1f} s (load average {open('/proc/loadavg').read().split()[0]})", flush=True)
        if name == "autosend":
            generated = os.path.join(os.path.dirname(PROJECTS[name]), "obj", "Release", "net10.0", "generated")
            files, size = tree_size(generated, r"\.cs$")
            largest = max((os.path.getsize(os.path.join(d, f)) for d, _, n in os.walk(generated) for f in n), default=0)
            sizes.append({"client": name, "files": files, "bytes": size, "largest_file_bytes": largest, "tool_s": ""})
        else:
            files, size = tree_size(KIOTA_OUT, r"\.cs$")
            largest = max((os.path.getsize(os.path.join(d, f)) for d, _, n in os.walk(KIOTA_OUT) for f in n), default=0)
            sizes.append({"client": name, "files": files, "bytes": size, "largest_file_bytes": largest, "tool_s": f"{kiota_seconds:.1f}"})
        print(f"{name}: {sizes[-1]['files']} files, {sizes[-1]['bytes'] / 1e6:.1f} MB of C#", flush=True)

    with open(os.path.join(args.results, "build-time.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["client", "run", "build_s"])
        writer.writeheader()
        writer.writerows(rows)
    with open(os.path.join(args.results, "build-size.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["client", "files", "bytes", "largest_file_bytes", "tool_s"])
        writer.writeheader()
        writer.writerows(sizes)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where the compile time of GitHub's generated client goes: the C# that build_time.py's GitHubAutoSend build wrote
(obj/Release/net10.0/generated, EmitCompilerGeneratedFiles) compiled again as plain sources, without the generator, in
three growing sets: the models (classes, enums, unions and the response type), then with the JSON context, then
everything (with the operation groups and interfaces). Each set is one `dotnet build -c Release --disable-build-servers`
in a fresh compiler process after deleting bin/ and obj/Release/, like build_time.py; the difference between two sets
is the share of the files added. One build per set unless --runs says otherwise: on a shared machine a single build
moves by about 10 %, so read only differences larger than that.

Usage: compile_shares.py [--runs N]   (run build_time.py first, so that the generated files and the runtime exist)
"""
import argparse
import glob
import os
import shutil
import tempfile
import time

from build_time import run

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)
GENERATED = os.path.join(BENCH, "BuildTime", "GitHubAutoSend", "obj", "Release", "net10.0", "generated")
RUNTIME = os.path.join(ROOT, "runtime", "bin", "Release", "net10.0", "AutoSend.Runtime.dll")

PROJECT = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="{runtime}" />
    <Compile Include="{files}" />
  </ItemGroup>
</Project>
"""


def sets(files):
    def kind(path):
        text = open(path, encoding="utf-8").read(4000)
        name = os.path.basename(path)
        if "JsonSerializerContext" in text:
            return "context"
        if ".Models." in name or name.endswith("Response.g.cs"):
            return "models"
        return "other"

    kinds = {f: kind(f) for f in files}
    models = [f for f in files if kinds[f] == "models"]
    context = [f for f in files if kinds[f] == "context"]
    return [("models", models), ("models + JSON context", models + context), ("everything", files)]


def build(folder, files):
    with open(os.path.join(folder, "shares.csproj"), "w") as f:
        f.write(PROJECT.format(runtime=RUNTIME, files=";".join(files)))
    shutil.rmtree(os.path.join(folder, "bin"), ignore_errors=True)
    shutil.rmtree(os.path.join(folder, "obj", "Release"), ignore_errors=True)
    run(["dotnet", "restore", "-nologo", "-v:q"], cwd=folder)
    started = time.perf_counter()
    run(["dotnet", "build", "-c", "Release", "--no-restore", "--disable-build-servers", "-nologo", "-v:q"], cwd=folder)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    files = sorted(glob.glob(os.path.join(GENERATED, "**", "*.g.cs"), recursive=True))
    if not files or not os.path.exists(RUNTIME):
        raise SystemExit("compile_shares.py: run bench/scripts/build_time.py first (it builds the runtime and writes the generated files)")
    with tempfile.TemporaryDirectory() as folder:
        for name, chosen in sets(files):
            megabytes = sum(os.path.getsize(f) for f in chosen) / 1e6
            for run in range(args.runs):
                seconds = build(folder, chosen)
                print(f"{name}: {len(chosen)} files, {megabytes:.1f} MB: {seconds:.1f} s "
                      f"(run {run + 1}/{args.runs}, load average {open('/proc/loadavg').read().split()[0]})", flush=True)


if __name__ == "__main__":
    main()

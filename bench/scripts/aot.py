#!/usr/bin/env python3
"""Native AOT: publishes the one-call programs of bench/Aot, then measures each binary's size and its time to first
response (process start to exit, after one POST /campaigns/{id}/resume to a loopback server and printing the result).

Usage: aot.py RESULTS_DIR [--runs N] [--no-publish] [--only NAME,...]
Writes RESULTS_DIR/aot.csv and RESULTS_DIR/aot-warnings.txt (every IL warning line of each publish, deduplicated).
"""
import argparse
import csv
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = ["AotHandWritten", "AotAutoSend", "AotAutoSendResumeOnly", "AotAutoSendFiltered", "AotRefit", "AotNSwag", "AotKiota"]
CAMPAIGN = "60d5ec49f1b2c72d9c8b4567"
RESUME = b"""{
  "success": true,
  "data": {
    "id": "60d5ec49f1b2c72d9c8b4567",
    "name": "Spring Sale Newsletter",
    "subject": "Don't miss our Spring Sale!",
    "previewText": "Up to 50% off this weekend only",
    "status": "sending_gradual",
    "sendMode": "gradual",
    "trackingClick": true,
    "trackingOpen": true,
    "createdAt": "2026-03-01T10:00:00.000Z",
    "updatedAt": "2026-03-15T14:30:00.000Z"
  }
}"""


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        ok = self.path == f"/v1/campaigns/{CAMPAIGN}/resume" and self.headers.get("Authorization") == "Bearer AS_aot_key"
        body = RESUME if ok else b'{"success":false,"error":{"message":"unexpected request"}}'
        self.send_response(200 if ok else 400)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def publish(name, out_dir):
    project = os.path.join(BENCH, "Aot", name, name + ".csproj")
    shutil.rmtree(out_dir, ignore_errors=True)
    started = time.time()
    result = subprocess.run(["dotnet", "publish", project, "-c", "Release", "-o", out_dir, "-nologo"],
                            capture_output=True, text=True)
    output = result.stdout + result.stderr
    warnings = sorted(set(re.sub(r"\s*\[[^\]]*\]\s*$", "", line.strip()) for line in output.splitlines()
                          if re.search(r"\bIL[23]\d{3}\b", line)))
    if result.returncode != 0:
        print(output[-4000:], file=sys.stderr)
    return result.returncode == 0, warnings, time.time() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-publish", action="store_true")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    programs = [p for p in PROGRAMS if not args.only or p in args.only.split(",")]
    os.makedirs(args.results, exist_ok=True)
    publish_root = os.path.join(BENCH, "artifacts", "aot")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/v1"

    rows, all_warnings = [], []
    for name in programs:
        out_dir = os.path.join(publish_root, name)
        ok, warnings, seconds = (True, [], 0.0) if args.no_publish else publish(name, out_dir)
        binary = os.path.join(out_dir, name)
        print(f"{name}: published={ok} in {seconds:.0f} s, {len(warnings)} IL warning(s)", flush=True)
        all_warnings += [f"{name}: {w}" for w in warnings]
        size = os.path.getsize(binary) if os.path.exists(binary) else 0
        times, outcome = [], "ok"
        for _ in range(args.runs if size else 0):
            started = time.perf_counter()
            run = subprocess.run([binary, base], capture_output=True, text=True, timeout=60)
            elapsed = (time.perf_counter() - started) * 1000
            if run.returncode != 0 or f"{CAMPAIGN} sending_gradual" not in run.stdout.lower():
                lines = (run.stdout + run.stderr).strip().splitlines()
                outcome = "failed: " + (lines[0][:200] if lines else f"exit code {run.returncode}")
                break
            times.append(elapsed)
        if not size:
            outcome = "not published"
        rows.append({
            "program": name,
            "size_bytes": size,
            "il_warnings": len(warnings),
            "runs": len(times),
            "median_ms": f"{statistics.median(times):.1f}" if times else "",
            "min_ms": f"{min(times):.1f}" if times else "",
            "outcome": outcome,
        })
        print(f"  size {size:,} bytes; {rows[-1]['median_ms'] or '-'} ms median over {len(times)} run(s); {outcome}", flush=True)

    server.shutdown()
    with open(os.path.join(args.results, "aot.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    with open(os.path.join(args.results, "aot-warnings.txt"), "w") as f:
        f.write("\n".join(all_warnings) + ("\n" if all_warnings else ""))


if __name__ == "__main__":
    main()

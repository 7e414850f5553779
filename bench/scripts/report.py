#!/usr/bin/env python3
"""Turns bench/run.sh's results into docs/benchmarks.md's tables and docs/benchmarks/*.svg charts.

Usage: report.py RESULTS_DIR DOC.md CHART_DIR

Reads the BenchmarkDotNet CSV reports (results/clients/results, results/generator/results), the generator's
fresh-process runs (generator-cold-process.csv), the GitHub subset sizes (github-subsets.csv) and the AOT results
(aot.csv). Rewrites each block of DOC.md between <!-- bench:NAME:start --> and <!-- bench:NAME:end -->, writes the
SVG charts (hand-written SVG: no plotting library is needed) and copies the CSV files to CHART_DIR/data/.
"""
import csv
import glob
import html
import os
import re
import shutil
import statistics
import sys

COLORS = {"HandWritten": "#7f7f7f", "AutoSend": "#1f77b4", "Kiota": "#9467bd", "Refit": "#2ca02c", "NSwag": "#ff7f0e",
          "STJ source generator": "#7f7f7f", "Reflection": "#d62728"}


# ---------------------------------------------------------------- reading

def number(text):
    text = (text or "").strip().strip('"')
    if text in ("", "NA", "-", "?"):
        return None
    return float(text.replace(",", ""))


def read_bdn(directory, name):
    paths = glob.glob(os.path.join(directory, "results", f"*.{name}-report.csv"))
    if not paths:
        return []
    with open(paths[0], newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["Method"] = row["Method"].strip("'\"").strip("'")
        row["mean_ns"] = number(row.get("Mean [ns]"))
        row["error_ns"] = number(row.get("Error [ns]"))
        row["alloc_b"] = number(row.get("Allocated [B]"))
        row["ratio"] = number(row.get("Ratio"))
        row["alloc_ratio"] = number(row.get("Alloc Ratio"))
    return rows


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def environment(directory):
    for path in sorted(glob.glob(os.path.join(directory, "results", "*-report-github.md"))):
        with open(path) as f:
            text = f.read()
        match = re.search(r"```\n(.*?)```", text, re.S)
        if match:
            return match.group(1).strip()
    return ""


# ---------------------------------------------------------------- formatting

def time_text(ns):
    if ns is None:
        return "n/a"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:,.2f} {unit}"
    return f"{ns:,.1f} ns"


def bytes_text(b):
    if b is None:
        return "n/a"
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if b >= scale:
            return f"{b / scale:,.2f} {unit}"
    return f"{b:,.0f} B"


def ratio_text(r):
    return "n/a" if r is None else f"{r:.2f}×"


def table(headers, rows, align=None):
    align = align or ["---"] + ["---:"] * (len(headers) - 1)
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------- SVG

def esc(text):
    return html.escape(str(text), quote=True)


def svg_document(width, height, body, title):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'font-family="Helvetica, Arial, sans-serif" font-size="12">\n<title>{esc(title)}</title>\n'
            f'<rect width="100%" height="100%" fill="white"/>\n{body}</svg>\n')


def hbar_panel(x0, y0, width, title, rows, reference=None, reference_label=None, value_text=None):
    """rows: (label, value, color). Horizontal bars scaled to the largest value (and the reference line)."""
    label_width, bar_height, gap = 150, 18, 6
    top = y0 + 24
    values = [v for _, v, _ in rows if v is not None]
    scale_max = max(values + ([reference] if reference else []) + [1e-9]) * 1.15
    plot = width - label_width - 10
    parts = [f'<text x="{x0}" y="{y0 + 14}" font-weight="bold">{esc(title)}</text>']
    for i, (label, value, color) in enumerate(rows):
        y = top + i * (bar_height + gap)
        parts.append(f'<text x="{x0 + label_width - 6}" y="{y + 13}" text-anchor="end">{esc(label)}</text>')
        if value is None:
            parts.append(f'<text x="{x0 + label_width + 4}" y="{y + 13}" fill="#999">n/a</text>')
            continue
        w = max(1.0, plot * value / scale_max)
        parts.append(f'<rect x="{x0 + label_width}" y="{y}" width="{w:.1f}" height="{bar_height}" fill="{color}"/>')
        text = value_text(value) if value_text else f"{value:.2f}"
        parts.append(f'<text x="{x0 + label_width + w + 4:.1f}" y="{y + 13}">{esc(text)}</text>')
    bottom = top + len(rows) * (bar_height + gap)
    if reference:
        rx = x0 + label_width + plot * reference / scale_max
        parts.append(f'<line x1="{rx:.1f}" y1="{top - 4}" x2="{rx:.1f}" y2="{bottom}" stroke="#d62728" stroke-dasharray="4 3"/>')
        if reference_label:
            parts.append(f'<text x="{rx + 3:.1f}" y="{bottom + 12}" fill="#d62728" font-size="11">{esc(reference_label)}</text>')
    return "\n".join(parts) + "\n", bottom + 18 - y0


def line_panel(x0, y0, width, height, title, points, x_label, y_label, y_text):
    """points: (x, y). A line with dots, axes from 0."""
    left, bottom_margin, top_margin = 60, 36, 26
    plot_w, plot_h = width - left - 20, height - top_margin - bottom_margin
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x_max, y_max = max(xs) * 1.08, max(ys) * 1.15
    def px(x):
        return x0 + left + plot_w * x / x_max
    def py(y):
        return y0 + top_margin + plot_h * (1 - y / y_max)
    parts = [f'<text x="{x0}" y="{y0 + 14}" font-weight="bold">{esc(title)}</text>',
             f'<line x1="{x0 + left}" y1="{py(0):.1f}" x2="{x0 + left + plot_w}" y2="{py(0):.1f}" stroke="#333"/>',
             f'<line x1="{x0 + left}" y1="{py(0):.1f}" x2="{x0 + left}" y2="{y0 + top_margin}" stroke="#333"/>']
    for i in range(5):
        yv = y_max / 1.15 * i / 4
        parts.append(f'<text x="{x0 + left - 4}" y="{py(yv) + 4:.1f}" text-anchor="end" font-size="10">{esc(y_text(yv))}</text>')
        parts.append(f'<line x1="{x0 + left}" y1="{py(yv):.1f}" x2="{x0 + left + plot_w}" y2="{py(yv):.1f}" stroke="#eee"/>')
    path = " ".join(f"{'M' if i == 0 else 'L'}{px(x):.1f},{py(y):.1f}" for i, (x, y) in enumerate(points))
    parts.append(f'<path d="{path}" fill="none" stroke="#1f77b4" stroke-width="2"/>')
    for x, y in points:
        parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="#1f77b4"/>')
        parts.append(f'<text x="{px(x):.1f}" y="{py(y) - 7:.1f}" text-anchor="middle" font-size="10">{esc(y_text(y))}</text>')
        parts.append(f'<text x="{px(x):.1f}" y="{py(0) + 13:.1f}" text-anchor="middle" font-size="10">{x:,.0f}</text>')
    parts.append(f'<text x="{x0 + left + plot_w / 2:.1f}" y="{y0 + height - 6}" text-anchor="middle">{esc(x_label)}</text>')
    parts.append(f'<text x="{x0 + 12}" y="{y0 + top_margin + plot_h / 2:.1f}" transform="rotate(-90 {x0 + 12} {y0 + top_margin + plot_h / 2:.1f})" text-anchor="middle">{esc(y_label)}</text>')
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------- sections

def calls_section(rows, chart_dir, name, title):
    order = ["HandWritten", "AutoSend", "Refit", "NSwag", "Kiota"]
    rows = sorted(rows, key=lambda r: order.index(r["Method"]) if r["Method"] in order else 99)
    body_rows = [[r["Method"] + (" (floor)" if r["Method"] == "HandWritten" else ""), time_text(r["mean_ns"]),
                  ratio_text(r["ratio"]), bytes_text(r["alloc_b"]), ratio_text(r["alloc_ratio"])] for r in rows]
    text = table(["Client", "Mean", "Time vs floor", "Allocated", "Allocated vs floor"], body_rows)
    left, h1 = hbar_panel(10, 10, 430, "Time per call vs the floor", [(r["Method"], r["ratio"], COLORS.get(r["Method"], "#888")) for r in rows],
                          reference=1.10, reference_label="goal: 1.10×", value_text=lambda v: f"{v:.2f}×")
    right, h2 = hbar_panel(450, 10, 430, "Bytes allocated per call vs the floor", [(r["Method"], r["alloc_ratio"], COLORS.get(r["Method"], "#888")) for r in rows],
                           reference=1.10, reference_label="goal: 1.10×", value_text=lambda v: f"{v:.2f}×")
    with open(os.path.join(chart_dir, f"{name}.svg"), "w") as f:
        f.write(svg_document(890, max(h1, h2) + 20, left + right, title))
    return text + f"\n\n![{title}](benchmarks/{name}.svg)"


def breakdown_section(rows):
    body = [[r["Method"], time_text(r["mean_ns"]), ratio_text(r["ratio"]), bytes_text(r["alloc_b"]), ratio_text(r["alloc_ratio"])] for r in rows]
    return table(["Configuration", "Mean", "Time vs floor", "Allocated", "Allocated vs floor"], body)


def build_time_section(times, sizes):
    """The consumer's build of GitHub's description: ours vs Kiota's generated client (bench/scripts/build_time.py)."""
    body = []
    kiota = [float(r["build_s"]) for r in times if r["client"] == "kiota"]
    kiota_median = statistics.median(kiota) if kiota else None
    for name, label in (("autosend", "AutoSend.Gen"), ("kiota", "Kiota 1.38")):
        runs = [float(r["build_s"]) for r in times if r["client"] == name]
        size = next((r for r in sizes if r["client"] == name), None)
        if not runs and not size:
            continue
        median = statistics.median(runs) if runs else None
        body.append([label, f"{int(size['bytes']) / 1e6:.1f} MB" if size else "n/a", f"{int(size['files']):,}" if size else "n/a",
                     (f"{int(size['largest_file_bytes']) / 1e6:.1f} MB" if int(size['largest_file_bytes']) >= 1e5 else f"{int(size['largest_file_bytes']) / 1e3:.1f} kB") if size else "n/a",
                     f"{median:.1f} s" if median else "n/a", " / ".join(f"{r:.1f}" for r in runs) or "n/a",
                     ratio_text(median / kiota_median) if median and kiota_median else "n/a",
                     "Kiota CLI, before the build: " + size["tool_s"] + " s" if size and size["tool_s"] else "in the build"])
    return table(["Client", "Generated C#", "Files", "Largest file", "Build (median)", "Runs (s)", "Build vs Kiota", "Code generation"], body)


def json_section(rows, chart_dir):
    categories = ["Deserialize Campaign", "Serialize Campaign", "Deserialize 100 campaigns", "Serialize 100 campaigns"]
    order = ["STJ source generator", "AutoSend", "Reflection"]
    body, panels, y = [], "", 10
    for i, category in enumerate(categories):
        group = [r for r in rows if r.get("Categories", "").split(",")[0] == category]
        group.sort(key=lambda r: order.index(r["Method"]) if r["Method"] in order else 99)
        for r in group:
            body.append([category, r["Method"], time_text(r["mean_ns"]), ratio_text(r["ratio"]), bytes_text(r["alloc_b"]), ratio_text(r["alloc_ratio"])])
        part, h = hbar_panel(10 + (i % 2) * 440, y, 430, f"{category}: time vs STJ source generator",
                             [(r["Method"], r["ratio"], COLORS.get(r["Method"], "#888")) for r in group], reference=1.0,
                             value_text=lambda v: f"{v:.2f}×")
        panels += part
        if i % 2 == 1:
            y += h + 10
    with open(os.path.join(chart_dir, "json.svg"), "w") as f:
        f.write(svg_document(890, y + 10, panels, "System.Text.Json metadata: ours vs the STJ source generator vs reflection"))
    return table(["Operation", "Metadata", "Mean", "Time vs STJ source generator", "Allocated", "Allocated vs STJ source generator"], body,
                 ["---", "---", "---:", "---:", "---:", "---:"]) + "\n\n![JSON](benchmarks/json.svg)"


def generator_section(cold, incremental, cold_process):
    sizes = {r["spec"]: int(r["chars"]) for r in cold_process}
    processes = {}
    for r in cold_process:
        processes.setdefault(r["spec"], []).append(r)
    body = []
    for spec in ["AutoSend", "ReadMe", "GitHub"]:
        c = next((r for r in cold if r.get("Spec") == spec), None)
        unrelated = next((r for r in incremental if r.get("Spec") == spec and "unrelated" in r["Method"]), None)
        edit = next((r for r in incremental if r.get("Spec") == spec and "spec edit" in r["Method"]), None)
        fresh = processes.get(spec, [])
        fresh_ms = statistics.median(float(r["ms"]) for r in fresh) if fresh else None
        fresh_alloc = statistics.median(float(r["allocated_bytes"]) for r in fresh) if fresh else None
        body.append([spec, f"{sizes.get(spec, 0) / 1e6:.2f} MB" if spec in sizes else "n/a",
                     time_text(fresh_ms * 1e6) if fresh_ms else "n/a", bytes_text(fresh_alloc),
                     time_text(c and c["mean_ns"]), bytes_text(c and c["alloc_b"]),
                     time_text(unrelated and unrelated["mean_ns"]), bytes_text(unrelated and unrelated["alloc_b"]),
                     time_text(edit and edit["mean_ns"]), bytes_text(edit and edit["alloc_b"])])
    return table(["Document", "Size", "First run, fresh process", "Allocated", "Cold run, JIT warm", "Allocated",
                  "After unrelated C# edit", "Allocated", "After one-line spec edit", "Allocated"], body)


def scaling_section(scaling, subsets, chart_dir):
    by_percent = {int(r["percent"]): r for r in subsets}
    points, body = [], []
    for r in sorted(scaling, key=lambda r: int(r["Percent"])):
        percent = int(r["Percent"])
        s = by_percent.get(percent, {})
        ops = int(s.get("operations", 0))
        points.append((ops, r["mean_ns"], r["alloc_b"]))
        body.append([f"{percent}%", s.get("paths", "?"), ops, s.get("schemas", "?"), f"{int(s.get('bytes', 0)) / 1e6:.2f} MB",
                     time_text(r["mean_ns"]), bytes_text(r["alloc_b"]),
                     f"{r['mean_ns'] / 1e3 / ops:,.0f} µs" if ops and r["mean_ns"] else "n/a",
                     bytes_text(r["alloc_b"] / ops) if ops and r["alloc_b"] else "n/a"])
    if points:
        left = line_panel(0, 0, 440, 300, "Cold run time vs operations (GitHub subsets)", [(x, t / 1e9) for x, t, _ in points],
                          "operations", "seconds", lambda v: f"{v:.1f} s")
        right = line_panel(440, 0, 440, 300, "Allocated vs operations (GitHub subsets)", [(x, a / (1 << 20)) for x, _, a in points],
                           "operations", "MB allocated", lambda v: f"{v:,.0f}")
        with open(os.path.join(chart_dir, "generator-scaling.svg"), "w") as f:
            f.write(svg_document(880, 300, left + right, "Generator cold run: time and memory vs number of operations"))
    return table(["Share of paths", "Paths", "Operations", "Schemas", "Document", "Cold run", "Allocated", "Time per operation",
                  "Allocated per operation"], body) + "\n\n![Generator scaling](benchmarks/generator-scaling.svg)"


def aot_section(aot, chart_dir):
    base = next((int(r["size_bytes"]) for r in aot if r["program"] == "AotHandWritten" and r["size_bytes"]), None)
    base_ms = next((float(r["median_ms"]) for r in aot if r["program"] == "AotHandWritten" and r["median_ms"]), None)
    body, bars = [], []
    for r in aot:
        name = r["program"].removeprefix("Aot")
        size = int(r["size_bytes"] or 0)
        ms = float(r["median_ms"]) if r["median_ms"] else None
        body.append([name + (" (floor)" if name == "HandWritten" else ""), f"{size / 1e6:.2f} MB" if size else "n/a",
                     ratio_text(size / base) if base and size else "n/a", f"{ms:.1f} ms" if ms else "n/a",
                     ratio_text(ms / base_ms) if ms and base_ms else "n/a", r["il_warnings"], r["outcome"]])
        bars.append((name, size / 1e6 if size else None, COLORS.get(name, "#888")))
    panel, h = hbar_panel(10, 10, 600, "Native AOT binary size (MB)", bars, reference=base * 1.05 / 1e6 if base else None,
                          reference_label="goal: 1.05 × floor", value_text=lambda v: f"{v:.2f} MB")
    with open(os.path.join(chart_dir, "aot-size.svg"), "w") as f:
        f.write(svg_document(620, h + 20, panel, "Native AOT binary size of a one-call program"))
    return table(["Program", "Binary", "Size vs floor", "Time to first response (median)", "vs floor", "IL warnings", "Outcome"], body,
                 ["---", "---:", "---:", "---:", "---:", "---:", "---"]) + "\n\n![AOT size](benchmarks/aot-size.svg)"


# ---------------------------------------------------------------- main

def replace_block(document, name, content):
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    if start not in document:
        print(f"report.py: no {start} marker in the document; block skipped", file=sys.stderr)
        return document
    before, rest = document.split(start, 1)
    _, after = rest.split(end, 1)
    return before + start + "\n" + content.strip() + "\n" + end + after


def main():
    results, doc_path, chart_dir = sys.argv[1:4]
    os.makedirs(os.path.join(chart_dir, "data"), exist_ok=True)
    clients, generator = os.path.join(results, "clients"), os.path.join(results, "generator")
    blocks = {"environment": "```\n" + environment(clients) + "\n```"}
    resume, listing = read_bdn(clients, "ResumeBenchmarks"), read_bdn(clients, "ListBenchmarks")
    if resume:
        blocks["resume"] = calls_section(resume, chart_dir, "calls-resume", "ResumeAsync: time and allocations vs the floor")
    if listing:
        blocks["list"] = calls_section(listing, chart_dir, "calls-list", "List of 100 campaigns: time and allocations vs the floor")
    breakdown = read_bdn(clients, "ResumeBreakdownBenchmarks")
    if breakdown:
        blocks["breakdown"] = breakdown_section(breakdown)
    json_rows = read_bdn(clients, "JsonBenchmarks")
    if json_rows:
        blocks["json"] = json_section(json_rows, chart_dir)
    cold, incremental = read_bdn(generator, "GeneratorColdBenchmarks"), read_bdn(generator, "GeneratorIncrementalBenchmarks")
    cold_process = read_csv(os.path.join(results, "generator-cold-process.csv"))
    if cold or cold_process:
        blocks["generator"] = generator_section(cold, incremental, cold_process)
    scaling = read_bdn(generator, "GeneratorScalingBenchmarks")
    if scaling:
        blocks["scaling"] = scaling_section(scaling, read_csv(os.path.join(results, "github-subsets.csv")), chart_dir)
    build_times, build_sizes = read_csv(os.path.join(results, "build-time.csv")), read_csv(os.path.join(results, "build-size.csv"))
    if build_times or build_sizes:
        blocks["buildtime"] = build_time_section(build_times, build_sizes)
    own = read_bdn(clients, "OwnHttpClientBenchmarks")
    if own:
        blocks["own"] = breakdown_section(own)
    aot = read_csv(os.path.join(results, "aot.csv"))
    if aot:
        blocks["aot"] = aot_section(aot, chart_dir)

    for path in glob.glob(os.path.join(results, "*", "results", "*-report.csv")) + glob.glob(os.path.join(results, "*.csv")):
        shutil.copy(path, os.path.join(chart_dir, "data", os.path.basename(path).replace("AutoSend.Benchmarks.", "")))
    with open(doc_path) as f:
        document = f.read()
    for name, content in blocks.items():
        document = replace_block(document, name, content)
    with open(doc_path, "w") as f:
        f.write(document)
    print(f"report.py: {len(blocks)} block(s) written to {doc_path}; charts in {chart_dir}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Where a Native AOT binary's bytes go, from the ILCompiler map (publish with -p:IlcGenerateMapFile=true).

Each node of obj/.../native/NAME.map.xml has a Length and a mangled symbol name that starts with its assembly's
name (dots as underscores; S_P_CoreLib_ for System.Private.CoreLib). The assemblies are read from the ILC response
file beside the map, and each node's Length is summed under the longest assembly name its symbol starts with.
Nodes without one (dehydrated type data, metadata, frozen objects, hashtables) are summed by node kind. Give a
second map to see the difference from a baseline.

Usage: aot_size_breakdown.py MAP.xml [BASELINE_MAP.xml] [--top N]
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

STRIP = re.compile(r"^(?:_ZTV\d+|unbox_|__GCSTATICS|__NONGCSTATICS|__THREADSTATICS|__writableData__|__GCSTATICS_|__NONGCSTATICS_)")


def assemblies(map_path):
    rsp = map_path[: -len(".map.xml")] + ".ilc.rsp"
    names = {"S_P_CoreLib", "S_P_Reflection_Metadata", "S_P_TypeLoader", "S_P_StackTraceMetadata"}
    with open(rsp) as f:
        for line in f:
            line = line.strip()
            path = line[3:] if line.startswith("-r:") else line if line.endswith(".dll") else None
            if path:
                names.add(os.path.splitext(os.path.basename(path))[0].replace(".", "_"))
    return sorted(names, key=len, reverse=True)


def load(path):
    names = assemblies(path)
    sizes = {}
    for _, node in ET.iterparse(path):
        length = node.get("Length")
        if length is None:
            continue
        symbol = STRIP.sub("", node.get("Name", ""))
        key = next((n for n in names if symbol.startswith(n + "_")), None) or f"({node.tag})"
        sizes[key] = sizes.get(key, 0) + int(length)
        node.clear()
    return sizes


def main():
    argv = sys.argv[1:]
    top = 30
    if "--top" in argv:
        i = argv.index("--top")
        top = int(argv[i + 1])
        del argv[i:i + 2]
    sizes = load(argv[0])
    base = load(argv[1]) if len(argv) > 1 else {}
    delta = (lambda k: sizes.get(k, 0) - base.get(k, 0)) if base else (lambda k: sizes.get(k, 0))
    keys = sorted(set(sizes) | set(base), key=lambda k: -abs(delta(k)))
    print(f"{'assembly or node kind':48} {'bytes':>11}" + (f" {'baseline':>11} {'delta':>11}" if base else ""))
    for key in keys[:top]:
        line = f"{key:48} {sizes.get(key, 0):>11,}"
        if base:
            line += f" {base.get(key, 0):>11,} {delta(key):>+11,}"
        print(line)
    total, total_base = sum(sizes.values()), sum(base.values())
    print(f"{'total of the map':48} {total:>11,}" + (f" {total_base:>11,} {total - total_base:>+11,}" if base else ""))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a copy of an OpenAPI document that keeps only the named operations and the components they reach.

The Native AOT benchmark uses it to tell apart what a generated client costs per operation from what it costs at all:
a one-call program built from the whole AutoSend document carries every model of it (the JSON context's resolver
reaches each one, so the trimmer keeps them), while the hand-written baseline holds one model graph.

Usage: spec_subset.py INPUT.yaml OUTPUT.json OPERATION_ID...
"""
import json
import sys

import yaml

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            found.add(tuple(ref[len("#/components/"):].split("/", 1)))
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def main(source, target, operation_ids):
    with open(source, encoding="utf-8") as f:
        document = yaml.safe_load(f)
    wanted = set(operation_ids)
    paths = {}
    for path, item in document.get("paths", {}).items():
        kept = {k: v for k, v in item.items() if k not in METHODS or v.get("operationId") in wanted}
        if any(k in METHODS for k in kept):
            paths[path] = kept
    missing = wanted - {op.get("operationId") for item in paths.values() for k, op in item.items() if k in METHODS}
    if missing:
        sys.exit(f"spec_subset.py: no operation named {', '.join(sorted(missing))}")
    document["paths"] = paths
    document.pop("webhooks", None)

    components = document.get("components", {})
    reached, queue = set(), set()
    refs(paths, queue)
    while queue:
        key = queue.pop()
        if key in reached:
            continue
        reached.add(key)
        refs(components.get(key[0], {}).get(key[1]), queue)
    kept = {}
    for kind, entries in components.items():
        if kind == "securitySchemes":
            kept[kind] = entries
        else:
            chosen = {name: value for name, value in entries.items() if (kind, name) in reached}
            if chosen:
                kept[kind] = chosen
    document["components"] = kept
    with open(target, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, default=str)
    print(f"spec_subset.py: {len(paths)} path(s), {sum(len(v) for v in kept.values() if isinstance(v, dict))} component(s) kept")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])

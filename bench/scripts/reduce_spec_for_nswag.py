#!/usr/bin/env python3
"""Writes a copy of an OpenAPI 3.1 document that NSwag 14 can turn into compilable C#.

NSwag 14.7 reads our OpenAPI 3.1 document but generates code that does not compile for one construct: a `oneOf`
whose variants are different JSON types (an array or a comma-separated string, in `SuggestedValues`). It declares
the property with a type it never emits (CS0246: 'SuggestedValues2'). This script replaces every `oneOf`/`anyOf`
whose variants differ by JSON type (other than the `X | null` pattern) by an untyped schema, which NSwag maps to
`object`, and changes nothing else. It prints what it replaced. The copy is written under obj/, never committed.

Usage: reduce_spec_for_nswag.py INPUT.yaml OUTPUT.json
"""
import json
import sys

import yaml


def variant_kind(variant):
    if "$ref" in variant:
        return "ref:" + variant["$ref"]
    kind = variant.get("type")
    return json.dumps(kind) if kind is not None else "any"


def is_token_union(variants):
    kinds = [variant_kind(v) for v in variants if isinstance(v, dict)]
    non_null = [k for k in kinds if k != '"null"']
    # `X | null` stays (NSwag reads it); two or more non-null variants of different kinds do not.
    return len(non_null) > 1 and len(set(non_null)) == len(non_null)


def reduce(node, path, replaced):
    if isinstance(node, dict):
        for keyword in ("oneOf", "anyOf"):
            if keyword in node and is_token_union(node[keyword]):
                replaced.append(f"{path} ({keyword} of {', '.join(variant_kind(v) for v in node[keyword])})")
                return {k: v for k, v in node.items() if k in ("description", "title")}
        return {k: reduce(v, f"{path}/{k}", replaced) for k, v in node.items()}
    if isinstance(node, list):
        return [reduce(v, f"{path}/{i}", replaced) for i, v in enumerate(node)]
    return node


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        document = yaml.safe_load(f)
    replaced = []
    reduced = reduce(document, "#", replaced)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(reduced, f, indent=1, ensure_ascii=False, default=str)
    print(f"reduce_spec_for_nswag: {len(replaced)} union schema(s) made untyped for NSwag: " + "; ".join(replaced))


if __name__ == "__main__":
    main()

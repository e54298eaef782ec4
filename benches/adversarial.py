#!/usr/bin/env python3
"""Adversarial inputs: every stage stays linear and within memory.

    python benches/adversarial.py [--sizes 1,10,100] [--json OUT.json]

For each crafted input (a run of opening quotes, digits, text without
whitespace, ordinary news text as one huge document, deeply nested quotes,
every Unicode scalar value) at 1, 10 and 100 MB, it times every layer of the
document through the columnar batch path (`copydesk.analyze_batch`, what
corpus jobs use; the single-document API builds a Python object per quotation
and number, which a pathological document can have millions of) in a fresh
subprocess, and reports seconds per MB and the subprocess's peak RSS. Linear
means seconds per MB stays flat as the size grows tenfold.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CASES = {
    "opening quotes": "'“' * n",
    "digits": "'7' * n",
    "no whitespace": "('anti-e.g.x@y' * (n // 13 + 1))[:n]",
    "news as one document": "(NEWS * (n // len(NEWS) + 1))[:n]",
    "nested quotes": "('“‘«„‚ ' * (n // 16 + 1))[: n // 3]",
    "every code point": "(ALL * (n // len(ALL.encode()) + 1))[: n // 4]",
}

PRELUDE = r"""
import resource, sys, time, copydesk
NEWS = ("Russia’s military has suffered around 1.2 million casualties, according to the U.S. "
        "“It will only grow,” he said. Mr. Smith paid $5,000 (£3.9bn) on 12 Dec. 2023.\n\n")
ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
n = int(sys.argv[1])
text = {expr}
size = len(text.encode())
t = time.perf_counter()
b = copydesk.analyze_batch([text], threads=1)
secs = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(size, secs, rss, len(b.tokens.starts), len(b.sentences.starts))
"""


def run(expr: str, n: int) -> dict:
    out = subprocess.run([sys.executable, "-c", PRELUDE.replace("{expr}", expr), str(n)], capture_output=True, text=True, check=True)
    size, secs, rss, tokens, sentences = out.stdout.split()
    return {"mb": int(size) / 1e6, "s": float(secs), "rss_mb": int(rss) / 1e6, "tokens": int(tokens), "sentences": int(sentences)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,10,100", help="sizes in MB")
    ap.add_argument("--json", help="also write the results here")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    results = []
    print("| input | MB | seconds | s per MB | peak RSS MB | tokens |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, expr in CASES.items():
        for mb in sizes:
            r = run(expr, mb * 1_000_000) | {"input": name}
            results.append(r)
            print(f"| {name} | {r['mb']:.1f} | {r['s']:.3f} | {r['s'] / max(r['mb'], 1e-9):.4f} | {r['rss_mb']:.0f} | {r['tokens']} |", flush=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()

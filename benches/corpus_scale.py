#!/usr/bin/env python3
"""Corpus scale: `copydesk annotate` on a large JSON Lines corpus, beside the anchors.

    python benches/corpus_scale.py --gold ../shared/eval/gold --mb 500 [--work /tmp/copydesk-scale]

1. Builds a corpus of at least MB megabytes of text from the gold texts (corpus.py).
2. Runs `copydesk annotate` with the default layers (all but tokens) on one
   thread and on every core, and reports MB/s of text (wall clock), CPU
   seconds (user + sys of the whole process) per MB and MB per CPU-second
   ("per core"), the speed-up, and the peak RSS of each run.
3. Runs the anchors in the same run: spaCy's `nlp.pipe` with a blank English
   pipeline (`n_process=2`) on a slice, and quantulum3 on a 1 MB slice.
4. Salts a copy of the corpus with bad records (bad JSON, invalid UTF-8, a
   missing or non-string text) and checks that the output has exactly one
   record per input record, that every bad one is reported, and that the
   exit status is non-zero.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_mod  # noqa: E402


def run_annotate(src: Path, out: Path, threads: int) -> dict:
    """One `copydesk annotate` run in a child process: wall seconds, CPU seconds
    (user + sys of the whole process, every thread) and peak RSS, from wait4."""
    # The output of an earlier run is removed first: freeing its pages is not
    # this run's work (it is charged to whoever unlinks the file).
    out.unlink(missing_ok=True)
    t = time.perf_counter()
    p = subprocess.Popen(
        ["copydesk", "annotate", str(src), "-o", str(out), "--threads", str(threads), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    stderr = p.stderr.read() if p.stderr else b""
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"annotate failed: {stderr.decode(errors='replace')}")
    return {
        "threads": threads,
        "seconds": secs,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "user": usage.ru_utime,
        "sys": usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "exit": code,
    }


def text_mb(path: Path) -> float:
    return sum(len(json.loads(line)["text"].encode()) for line in open(path, encoding="utf-8")) / 1e6


def slice_texts(path: Path, mb: float) -> list[str]:
    out, size = [], 0
    for line in open(path, encoding="utf-8"):
        t = json.loads(line)["text"]
        out.append(t)
        size += len(t.encode())
        if size >= mb * 1e6:
            break
    return out


def spacy_pipe(texts: list[str]) -> float | None:
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    t = time.perf_counter()
    n = sum(len(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=256))
    secs = time.perf_counter() - t
    assert n > 0
    return sum(len(x.encode()) for x in texts) / 1e6 / secs


def quantulum(texts: list[str]) -> float | None:
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    t = time.perf_counter()
    for x in texts:
        parser.parse(x)
    return sum(len(x.encode()) for x in texts) / 1e6 / (time.perf_counter() - t)


def salted(src: Path, dst: Path, every: int = 997) -> tuple[int, int]:
    """A copy of `src` with a bad record after every `every` good ones."""
    bad = [b"{not json\n", b'{"id": "x", "text": "caf\xff"}\n', b'{"id": "y"}\n', b'{"id": "z", "text": 42}\n']
    n = n_bad = 0
    with open(src, "rb") as f, open(dst, "wb") as g:
        for k, line in enumerate(f):
            g.write(line)
            n += 1
            if k % every == every - 1:
                g.write(bad[n_bad % len(bad)])
                n += 1
                n_bad += 1
    return n, n_bad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.environ.get("COPYDESK_GOLD_DIR", "../shared/eval/gold"))
    ap.add_argument("--mb", type=float, default=500)
    ap.add_argument("--work", type=Path, default=Path("/tmp/copydesk-scale"))
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--spacy-mb", type=float, default=20)
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    src = a.work / f"corpus{int(a.mb)}.jsonl"
    if not src.exists():
        corpus_mod.build_corpus(a.gold, str(src), min_mb=a.mb)
    mb = text_mb(src)
    print(f"corpus: {src}, {mb:.0f} MB of text, {src.stat().st_size / 1e6:.0f} MB on disk")
    results = {}
    for threads in (1, a.threads):
        r = run_annotate(src, a.work / f"out{threads}.jsonl", threads)
        r["mb_per_s"] = mb / r["seconds"]
        # Per core: MB of text per CPU-second of the whole process (user + sys,
        # every thread: reader, writer and workers), however many cores it used.
        r["mb_per_cpu_s"] = mb / r["cpu_seconds"]
        results[threads] = r
        print(
            f"copydesk annotate --threads {threads}: {r['seconds']:.1f} s, {r['mb_per_s']:.1f} MB/s; "
            f"CPU {r['cpu_seconds']:.1f} s (user {r['user']:.1f} + sys {r['sys']:.1f}) = {r['cpu_seconds'] / mb * 1e3:.1f} ms/MB, "
            f"{r['mb_per_cpu_s']:.1f} MB/s per core, {r['cpu_seconds'] / r['seconds']:.2f} cores busy; peak RSS {r['peak_rss_mb']:.0f} MB"
        )
    same = (a.work / "out1.jsonl").read_bytes() == (a.work / f"out{a.threads}.jsonl").read_bytes()
    print(f"speed-up on {a.threads} threads: {results[a.threads]['mb_per_s'] / results[1]['mb_per_s']:.2f}x; outputs identical: {same}")
    sp = spacy_pipe(slice_texts(src, a.spacy_mb))
    print(f"spaCy blank('en') nlp.pipe n_process=2 on {a.spacy_mb:g} MB: " + (f"{sp:.2f} MB/s" if sp else "not installed"))
    qu = quantulum(slice_texts(src, 1))
    print("quantulum3 on 1 MB: " + (f"{qu:.3f} MB/s" if qu else "not installed"))
    dirty = a.work / "salted.jsonl"
    n, n_bad = salted(src, dirty)
    out = a.work / "salted.out.jsonl"
    r = subprocess.run(["copydesk", "annotate", str(dirty), "-o", str(out), "-q", "--errors", str(a.work / "salted.errors.jsonl")])
    n_out = sum(1 for _ in open(out, "rb"))
    n_err = sum(1 for _ in open(a.work / "salted.errors.jsonl", "rb"))
    print(f"salted corpus: {n} input records ({n_bad} bad) -> {n_out} output records, {n_err} reported, exit status {r.returncode}")


if __name__ == "__main__":
    main()

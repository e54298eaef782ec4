"""Turn ``pytest --benchmark-json=OUT.json`` output into a markdown table.

    python benches/report.py /tmp/bench.json [--ref-tokens NAME] [--ref-sentences NAME]

Columns: benchmark, group, MB processed per round, documents, mean seconds per
round (± standard deviation), MB/s (= MB / mean), and how many times faster
copydesk is than the row: ``copydesk.tokenize`` MB/s ÷ the row's MB/s, and for
the sentences group ``copydesk.sentences`` MB/s ÷ the row's MB/s. A ratio is
"–" when the reference did not run. MB is 10**6 bytes of UTF-8 text.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import List, Optional, Sequence

REF_TOKENS = "test_copydesk_tokenize"
REF_SENTENCES = "test_copydesk_sentences"


def _short(name: str) -> str:
    return name[len("test_"):] if name.startswith("test_") else name


def _mbps(bench: dict) -> Optional[float]:
    mb = bench.get("extra_info", {}).get("mb")
    mean = (bench.get("stats") or {}).get("mean")
    if mb is None or not mean:
        return bench.get("extra_info", {}).get("mb_per_s")
    return mb / mean


def _fmt(x: Optional[float], spec: str) -> str:
    return "–" if x is None else format(x, spec)


def _ratio(ref: Optional[float], mbps: Optional[float]) -> str:
    if ref is None or not mbps:
        return "–"
    return f"{ref / mbps:.3g}×"


def render(data: dict, ref_tokens: str = REF_TOKENS, ref_sentences: str = REF_SENTENCES) -> str:
    benches: List[dict] = data.get("benchmarks", [])
    if not benches:
        return "(no benchmarks in this file)\n"
    by_name = {b["name"]: b for b in benches}
    ref_tok = _mbps(by_name[ref_tokens]) if ref_tokens in by_name else None
    ref_sent = _mbps(by_name[ref_sentences]) if ref_sentences in by_name else None

    order = {"tokens": 0, "sentences": 1}
    rows = sorted(benches, key=lambda b: (order.get(b.get("group") or "", 2), -(_mbps(b) or 0.0)))
    out = [
        f"| benchmark | group | MB | docs | mean s | MB/s | copydesk.tokenize ÷ this | copydesk.sentences ÷ this |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for b in rows:
        info = b.get("extra_info", {})
        stats = b.get("stats") or {}
        mbps = _mbps(b)
        mean, sd = stats.get("mean"), stats.get("stddev")
        mean_s = "–" if mean is None else f"{mean:.3f}" + ("" if not sd else f" ± {sd:.3f}")
        sent_ratio = _ratio(ref_sent, mbps) if b.get("group") == "sentences" else ""
        out.append(
            f"| {_short(b['name'])} | {b.get('group') or ''} | {_fmt(info.get('mb'), '.2f')} | "
            f"{info.get('docs', '–')} | {mean_s} | {_fmt(mbps, '.2f')} | {_ratio(ref_tok, mbps)} | {sent_ratio} |"
        )

    machine = data.get("machine_info", {})
    commit = data.get("commit_info", {})
    rounds = sorted({(b.get("stats") or {}).get("rounds") for b in benches} - {None})
    corpus_mb = sorted({b.get("extra_info", {}).get("corpus_mb") for b in benches} - {None})
    notes = [
        f"python {machine.get('python_version', '?')} ({machine.get('python_implementation', '?')}), "
        f"{machine.get('cpu', {}).get('brand_raw', '?')}, {machine.get('cpu', {}).get('count', '?')} logical CPUs",
        f"corpus {', '.join(f'{m:.2f}' for m in corpus_mb) or '?'} MB; rounds per benchmark: "
        f"{', '.join(map(str, rounds)) or '?'}; one call per document, one thread",
    ]
    timers = sorted({str((b.get("options") or {}).get("timer", "?")) for b in benches})
    notes.append(f"timer: {', '.join(timers)}" + (" (CPU time of the process)" if timers == ["process_time"] else ""))
    if commit.get("id"):
        notes.append(f"commit {commit['id'][:12]}{' (dirty)' if commit.get('dirty') else ''}")
    if ref_tok is None:
        notes.append(f"{_short(ref_tokens)} did not run: no copydesk ratios")
    return "\n".join(out) + "\n\n" + "\n".join(f"- {n}" for n in notes) + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("json", help="file written by pytest --benchmark-json")
    parser.add_argument("--ref-tokens", default=REF_TOKENS, help=f"reference for tokens (default {REF_TOKENS})")
    parser.add_argument("--ref-sentences", default=REF_SENTENCES, help=f"reference for sentences (default {REF_SENTENCES})")
    args = parser.parse_args(argv)
    with open(args.json, encoding="utf-8") as f:
        data = json.load(f)
    sys.stdout.write(render(data, args.ref_tokens, args.ref_sentences))
    return 0


if __name__ == "__main__":
    sys.exit(main())

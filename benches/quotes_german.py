#!/usr/bin/env python3
"""Direct quotations in German news: copydesk against the German WikiNews
quotation-attribution data (Petersen-Frey & Biemann, LREC-COLING 2024).

    python benches/quotes_german.py [DATASET] [--scorer PATH] [-v]

DATASET is the folder of the shared copy of the test split (its `test/*.json`
files; default `../shared/data/quotes/german-news-quotation-attribution-2024`).
The data is licensed for non-commercial use only: it is read where it lies and
converted into a temporary folder, never into the repository.

Steps:

1. each document's `originalText` and its `Direct` annotations become one line
   of gold JSON Lines (`{"id", "text", "quotes": [{"start", "end", "kind":
   "direct", "speaker_names": [...]}]}`), offsets in code points, the quote
   span including its marks as the data sets it;
2. `copydesk annotate --layers quotes` runs on that file;
3. the prediction is filtered to the `direct` pieces and scored with the
   project's scorer (`score.py quotes`): exact and overlap P/R/F1, and speaker
   accuracy over the matched gold quotes that name a speaker.

Two annotations of the data can share one quote span (a quotation reported by
a source that in turn quotes a speaker). A span detector finds that span once,
so identical spans are merged (their speaker names pooled); `--keep-duplicates`
scores every annotation instead (133 in the test split rather than 132).

The data also labels verbatim fragments attributed to a speaker as `Direct`
(`bezeichnete … als „unverantwortliche Panikmache“`), and does not annotate
scare quotes or titles, which therefore count against a `direct` prediction.
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

DEFAULT_DATASET = "../shared/data/quotes/german-news-quotation-attribution-2024"
DEFAULT_SCORER = "../shared/eval/score.py"


def role_texts(text: str, role: dict | None) -> list[str]:
    """The texts of a role: each of its spans, and the spans joined."""
    if not role:
        return []
    spans = role.get("spans") or []
    parts = [text[s["charBegin"] : s["charEnd"]].strip() for s in spans]
    parts = [p for p in parts if p]
    names = list(parts)
    if len(parts) > 1:
        names.append(" ".join(parts))
    return names


def convert(dataset: str, keep_duplicates: bool = False) -> tuple[list[dict], collections.Counter]:
    """Gold documents of the test split, in the scorer's format."""
    files = sorted(glob.glob(os.path.join(dataset, "test", "*.json")))
    if not files:
        sys.exit(f"quotes_german: no test/*.json under {dataset}")
    stats: collections.Counter = collections.Counter()
    docs = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        text = d["originalText"]
        by_span: dict[tuple[int, int], dict] = {}
        quotes = []
        for a in d.get("annotations", []):
            if a.get("type") != "Direct":
                continue
            stats["annotations"] += 1
            spans = (a.get("quote") or {}).get("spans") or []
            if not spans:
                stats["without_quote_span"] += 1
                continue
            # A discontinuous quote role (none in the test split) is scored
            # as the stretch from its first to its last span.
            start = min(s["charBegin"] for s in spans)
            end = max(s["charEnd"] for s in spans)
            names = role_texts(text, a.get("speaker"))
            key = (start, end)
            if key in by_span and not keep_duplicates:
                stats["duplicate_spans"] += 1
                q = by_span[key]
                q["speaker_names"] += [n for n in names if n not in q["speaker_names"]]
                continue
            q = {"start": start, "end": end, "kind": "direct", "speaker_names": names}
            by_span[key] = q
            quotes.append(q)
            if text[start] not in "„»«“”‚‘\"'":
                stats["without_marks"] += 1
        for q in quotes:
            if not q["speaker_names"]:
                del q["speaker_names"]
        quotes.sort(key=lambda q: (q["start"], -q["end"]))
        stats["gold_quotes"] += len(quotes)
        stats["with_speaker"] += sum(1 for q in quotes if "speaker_names" in q)
        docs.append({"id": os.path.splitext(os.path.basename(path))[0], "text": text, "quotes": quotes})
    stats["documents"] = len(docs)
    return docs, stats


def copydesk_command() -> list[str]:
    exe = shutil.which("copydesk", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if exe:
        return [exe]
    return [sys.executable, "-c", "import sys; from copydesk.cli import main; sys.exit(main())"]


def write_jsonl(path: str, rows) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def show_errors(gold: list[dict], pred_all: dict[str, list[dict]]) -> None:
    """Misses and false positives, with the kind copydesk gave the piece."""
    for g in gold:
        text = g["text"]
        ps = pred_all.get(g["id"], [])
        direct = {(p["start"], p["end"]) for p in ps if p.get("kind") == "direct"}
        gs = {(q["start"], q["end"]) for q in g["quotes"]}
        for q in g["quotes"]:
            s, e = q["start"], q["end"]
            if (s, e) in direct:
                continue
            near = [f"{p['kind']} {text[p['start']:p['end']][:50]!r}" for p in ps if p["start"] < e and p["end"] > s]
            print(f"MISS {g['id']}: {text[s:e][:80]!r}  ~ {near or '-'}  | {text[max(0, s - 60):s]!r}")
        for q in g["quotes"]:
            names = q.get("speaker_names")
            p = next((p for p in ps if (p["start"], p["end"]) == (q["start"], q["end"])), None)
            if not names or p is None or p.get("kind") != "direct":
                continue
            sp = p.get("speaker")
            said = text[sp["start"] : sp["end"]] if sp else ""
            if not (len(said.strip()) >= 2 and any(said.strip().lower() in n.lower() or n.lower() in said.strip().lower() for n in names)):
                print(f"SPKR {g['id']}: {text[q['start']:q['end']][:50]!r} speaker {said!r}, gold {names}")
        for p in ps:
            if p.get("kind") != "direct" or (p["start"], p["end"]) in gs:
                continue
            s, e = p["start"], p["end"]
            print(f"FP   {g['id']}: {text[s:e][:80]!r}  | {text[max(0, s - 60):s]!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset", nargs="?", default=DEFAULT_DATASET, help=f"the data folder (default {DEFAULT_DATASET})")
    ap.add_argument("--scorer", default=DEFAULT_SCORER, help=f"score.py of the shared eval (default {DEFAULT_SCORER})")
    ap.add_argument("--copydesk", help="the copydesk command (default: the one installed beside this Python)")
    ap.add_argument("--keep-duplicates", action="store_true", help="score every annotation, also repeated spans")
    ap.add_argument("--keep", metavar="DIR", help="write gold and predictions to DIR (outside the repository) too")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives")
    ap.add_argument("--json", action="store_true", help="print the scorer's result as one JSON object")
    a = ap.parse_args(argv)

    gold, stats = convert(a.dataset, a.keep_duplicates)
    cmd = a.copydesk.split() if a.copydesk else copydesk_command()
    with tempfile.TemporaryDirectory(prefix="copydesk-quotes-de-") as tmp:
        gold_path = os.path.join(tmp, "gold.jsonl")
        out_path = os.path.join(tmp, "annotated.jsonl")
        pred_path = os.path.join(tmp, "pred-direct.jsonl")
        write_jsonl(gold_path, gold)
        subprocess.run(cmd + ["annotate", gold_path, "--layers", "quotes", "-q", "-o", out_path], check=True)
        annotated = read_jsonl(out_path)
        pred_all = {str(r["id"]): r.get("quotes") or [] for r in annotated}
        write_jsonl(
            pred_path,
            ({"id": i, "quotes": [q for q in qs if q.get("kind") == "direct"]} for i, qs in pred_all.items()),
        )
        res = subprocess.run(
            [sys.executable, a.scorer, "quotes", gold_path, pred_path, "--json"], check=True, capture_output=True, text=True
        )
        score = json.loads(res.stdout)
        if a.keep:
            os.makedirs(a.keep, exist_ok=True)
            for p in (gold_path, out_path, pred_path):
                shutil.copy(p, a.keep)

    if a.verbose:
        show_errors(gold, pred_all)
    if a.json:
        print(json.dumps({"data": dict(stats), **score}))
        return 0
    partial = sum(1 for qs in pred_all.values() for q in qs if q.get("kind") == "partial")
    print(
        f"German WikiNews test split: {stats['documents']} documents, {stats['annotations']} Direct annotations, "
        f"{stats['gold_quotes']} gold quote spans ({stats['duplicate_spans']} repeated spans merged, "
        f"{stats['without_marks']} without quote marks, {stats['with_speaker']} naming a speaker)"
    )
    print(f"copydesk: {score['exact']['pred']} direct pieces ({partial} partial pieces not scored)")
    for name in ("exact", "overlap"):
        r = score[name]
        print(
            f"{name:8s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
            f"   (tp {r['tp']}, pred {r['pred']}, gold {r['gold']})"
        )
    sp = score.get("speaker_accuracy")
    print("speaker accuracy (matched gold quotes naming a speaker): " + ("-" if sp is None else f"{sp:.3f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

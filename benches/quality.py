#!/usr/bin/env python3
"""Token and sentence quality of copydesk beside the anchor tools, in one run.

    python benches/quality.py --shared ../shared [--anchors] [--out /tmp/copydesk-quality]

For each gold set in SHARED/eval/gold it runs `copydesk annotate` and the
anchors (spaCy blank("en") with its sentencizer, blingfire, pySBD, sentencex;
those installed by the [bench] extra), writes their predictions in the schema
`copydesk annotate` writes, and scores every one with SHARED/eval/score.py,
the project's scorer. Two sentence figures are printed: the scorer's
exact-span F1, and interior-boundary F1 (the measure behind third-party SBD
figures such as pySBD 89.5 on EWT test), plus pySBD's golden-rule pass count.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterable

SETS = ["ud-ewt-test", "ud-ewt-dev", "ud-gum-news", "ud-gum-test", "ud-gum-dev", "golden-rules"]

Spans = list[tuple[int, int]]


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(x) for x in f if x.strip()]


def trim(text: str, spans: Iterable[tuple[int, int]]) -> Spans:
    """Spans with surrounding whitespace removed, empty ones dropped."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def find_all(text: str, pieces: Iterable[str]) -> Spans:
    """Character spans of strings a tool returns without offsets, in order."""
    spans, p = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        i = text.find(piece, p)
        if i < 0:
            continue
        spans.append((i, i + len(piece)))
        p = i + len(piece)
    return spans


def anchors() -> dict[str, dict[str, Callable[[str], Spans]]]:
    """Tools installed here: name -> {"tokens": fn, "sentences": fn}."""
    tools: dict[str, dict[str, Callable[[str], Spans]]] = {}
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.max_length = 10**8

        def spacy_tokens(text: str) -> Spans:
            return [(t.idx, t.idx + len(t)) for t in nlp.tokenizer(text) if not t.is_space]

        def spacy_sents(text: str) -> Spans:
            return [(s.start_char, s.end_char) for s in nlp(text).sents]

        tools[f"spaCy {spacy.__version__}"] = {"tokens": spacy_tokens, "sentences": spacy_sents}
    except ImportError:
        pass
    try:
        import blingfire

        def bf_tokens(text: str) -> Spans:
            _, offsets = blingfire.text_to_words_with_offsets(text)
            return [tuple(o) for o in offsets]

        def bf_sents(text: str) -> Spans:
            _, offsets = blingfire.text_to_sentences_and_offsets(text)
            return [tuple(o) for o in offsets]

        tools["blingfire"] = {"tokens": bf_tokens, "sentences": bf_sents}
    except ImportError:
        pass
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        tools["pySBD"] = {"sentences": lambda text: [(s.start, s.end) for s in seg.segment(text)]}
    except ImportError:
        pass
    try:
        from sentencex import segment

        tools["sentencex"] = {"sentences": lambda text: find_all(text, segment("en", text))}
    except ImportError:
        pass
    return tools


def score(scorer: Path, task: str, gold: Path, pred: Path) -> dict:
    r = subprocess.run([sys.executable, str(scorer), task, str(gold), str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def boundary_f1(gold_docs: list[dict], pred: dict[str, list[dict]]) -> float:
    """F1 of sentence ends inside a document (the last one is free)."""
    tp = n_pred = n_gold = 0
    for g in gold_docs:
        gb = {e for _, e in g["sentences"][:-1]}
        pb = {s["end"] for s in pred.get(str(g["id"]), [])[:-1]}
        tp += len(gb & pb)
        n_pred += len(pb)
        n_gold += len(gb)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def golden_rules_passed(gold_docs: list[dict], pred: dict[str, list[dict]]) -> int:
    return sum(
        [(s["start"], s["end"]) for s in pred.get(str(g["id"]), [])] == [tuple(x) for x in g["sentences"]] for g in gold_docs
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("COPYDESK_SHARED", "../shared")))
    ap.add_argument("--out", type=Path, default=Path("/tmp/copydesk-quality"))
    ap.add_argument("--anchors", action="store_true", help="also run the anchor tools installed here")
    a = ap.parse_args()
    gold_dir, scorer = a.shared / "eval" / "gold", a.shared / "eval" / "score.py"
    a.out.mkdir(parents=True, exist_ok=True)
    tools = anchors() if a.anchors else {}
    rows = []
    for name in SETS:
        gold = gold_dir / f"{name}.jsonl"
        docs = read_jsonl(gold)
        has_tokens = "tokens" in docs[0]
        layers = "tokens,sentences" if has_tokens else "sentences"
        systems: dict[str, Path] = {}
        pred = a.out / f"{name}.copydesk.jsonl"
        t0 = time.perf_counter()
        subprocess.run(["copydesk", "annotate", str(gold), "-o", str(pred), "--layers", layers], check=True, capture_output=True)
        systems["copydesk"] = pred
        for tool, fns in tools.items():
            path = a.out / f"{name}.{tool.split()[0]}.jsonl"
            with open(path, "w", encoding="utf-8") as f:
                for d in docs:
                    rec: dict = {"id": d["id"]}
                    for task, fn in fns.items():
                        rec[task] = [{"start": s, "end": e} for s, e in trim(d["text"], fn(d["text"]))]
                    f.write(json.dumps(rec) + "\n")
            systems[tool] = path
        for system, path in systems.items():
            preds = {str(r["id"]): r for r in read_jsonl(path)}
            row = {"set": name, "system": system}
            if has_tokens and "tokens" in next(iter(preds.values())):
                row["token F1"] = 100 * score(scorer, "tokens", gold, path)["exact"]["f1"]
            if "sentences" in next(iter(preds.values())):
                row["sentence F1 (exact span)"] = 100 * score(scorer, "sentences", gold, path)["exact"]["f1"]
                sents = {k: v["sentences"] for k, v in preds.items()}
                row["sentence boundary F1"] = 100 * boundary_f1(docs, sents)
                if name == "golden-rules":
                    row["golden rules"] = f"{golden_rules_passed(docs, sents)}/{len(docs)}"
            rows.append(row)
        print(f"{name}: scored {len(systems)} systems in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    cols = ["set", "system", "token F1", "sentence F1 (exact span)", "sentence boundary F1", "golden rules"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        cells = [f"{r[c]:.2f}" if isinstance(r.get(c), float) else str(r.get(c, "–")) for c in cols]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

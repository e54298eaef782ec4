"""Build the benchmark corpus: the gold documents' texts, repeated to a size.

    python benches/corpus.py GOLD_DIR OUT.jsonl [--mb 50]

Takes the ``text`` of every document in the gold JSON Lines files of GOLD_DIR
(``belarus-metro.gold.jsonl``, ``ud-ewt-*.jsonl``, ``ud-gum-*.jsonl``; the
pySBD golden rules are one-line puzzles, not running text, and are left out),
and writes JSON Lines ``{"id": "<orig id>#<repeat n>", "text": ...}``,
repeating the documents in order until at least ``mb`` MB of text have been
written. MB is 10**6 bytes of UTF-8 text (the ``text`` values only, not the
JSON around them). The output is deterministic: the same gold gives the same
file, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Iterator, List, Optional, Sequence, Tuple, Union

MB = 1_000_000  # bytes; MB/s figures in the report use the same unit

#: Gold files taken, as glob patterns relative to GOLD_DIR; matches are sorted by name.
GOLD_PATTERNS: Tuple[str, ...] = ("belarus-metro.gold.jsonl", "ud-ewt-*.jsonl", "ud-gum-*.jsonl")

PathLike = Union[str, "os.PathLike[str]"]


def default_gold_dir() -> Path:
    """``$COPYDESK_GOLD_DIR``, else ``shared/eval/gold`` beside the repository, else /work/shared/eval/gold."""
    env = os.environ.get("COPYDESK_GOLD_DIR")
    if env:
        return Path(env)
    beside_repo = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "gold"
    if beside_repo.is_dir():
        return beside_repo
    return Path("/work/shared/eval/gold")


def gold_files(gold_dir: PathLike) -> List[Path]:
    """The gold files the corpus is made of, in the order they are read."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"gold directory not found: {gold_dir}")
    files = {p for pattern in GOLD_PATTERNS for p in gold_dir.glob(pattern) if p.is_file()}
    files = {p for p in files if not p.name.startswith("golden-rules")}
    if not files:
        raise FileNotFoundError(f"no gold files matching {', '.join(GOLD_PATTERNS)} in {gold_dir}")
    return sorted(files, key=lambda p: p.name)


def gold_documents(gold_dir: PathLike) -> Iterator[Tuple[str, str]]:
    """(id, text) of every gold document, file by file, line by line."""
    for path in gold_files(gold_dir):
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{lineno}: bad JSON: {e}") from None
                text = doc.get("text")
                if not isinstance(text, str):
                    raise ValueError(f"{path}:{lineno}: no string 'text' field")
                yield str(doc.get("id", f"{path.stem}:{lineno}")), text


def build_corpus(gold_dir: Optional[PathLike], out_path: PathLike, min_mb: float = 50) -> dict:
    """Write the corpus to ``out_path``; return ``{"docs", "bytes", "mb", "repeats", "path"}``.

    Documents are repeated in order, the n-th pass (from 0) giving ids ``<id>#<n>``,
    and writing stops after the document that brings the text to ``min_mb`` MB.
    The file is written under a temporary name and renamed when complete.
    """
    if gold_dir is None:
        gold_dir = default_gold_dir()
    if min_mb <= 0:
        raise ValueError("min_mb must be positive")
    docs = [(doc_id, text, len(text.encode("utf-8"))) for doc_id, text in gold_documents(gold_dir)]
    if sum(size for _, _, size in docs) == 0:
        raise ValueError(f"the gold documents in {gold_dir} have no text")
    target = int(min_mb * MB)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    written = n_docs = 0
    repeat = -1
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            while written < target:
                repeat += 1
                for doc_id, text, size in docs:
                    record = {"id": f"{doc_id}#{repeat}", "text": text}
                    out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
                    out.write("\n")
                    written += size
                    n_docs += 1
                    if written >= target:
                        break
        os.replace(tmp, out_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return {"path": str(out_path), "docs": n_docs, "bytes": written, "mb": written / MB, "repeats": repeat + 1}


def load_records(path: PathLike) -> List[Tuple[str, str]]:
    """(id, text) of every record of a corpus file."""
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                records.append((doc["id"], doc["text"]))
    return records


def load_texts(path: PathLike) -> List[str]:
    """The texts of a corpus file, in order."""
    return [text for _, text in load_records(path)]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", nargs="?", default=None, help=f"gold directory (default: {default_gold_dir()})")
    parser.add_argument("out", help="output JSON Lines file")
    parser.add_argument("--mb", type=float, default=50, help="minimum MB (10**6 bytes) of UTF-8 text (default 50)")
    args = parser.parse_args(argv)
    try:
        info = build_corpus(args.gold_dir, args.out, args.mb)
    except (OSError, ValueError) as e:
        print(f"corpus.py: error: {e}", file=sys.stderr)
        return 1
    print(f"wrote {info['path']}: {info['docs']} documents, {info['mb']:.2f} MB of text, {info['repeats']} passes over the gold")
    return 0


if __name__ == "__main__":
    sys.exit(main())

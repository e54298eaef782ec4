"""The `copydesk` command: `annotate` a JSON Lines corpus, `demo` on the bundled sample."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

from . import _api
from ._core import CopydeskError, __version__

#: Documents analysed per call into the core: large enough to keep every core
#: busy, small enough that memory stays bounded by the window, not the corpus.
WINDOW = 512


def _records(path: str, text_field: str, id_field: str) -> Iterator[tuple[Any, str | None, str | None]]:
    """(id, text, error) for each line of a JSON Lines file; a bad line gives an error, not an exception."""
    stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")
    name = "<stdin>" if path == "-" else path
    with stream:
        for lineno, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            where = f"{name}:{lineno}"
            try:
                rec = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as e:
                yield lineno, None, f"{where}: invalid UTF-8 at byte {e.start}"
                continue
            except json.JSONDecodeError as e:
                yield lineno, None, f"{where}: bad JSON: {e.msg} at column {e.colno}"
                continue
            if not isinstance(rec, dict):
                yield lineno, None, f"{where}: a record must be a JSON object"
                continue
            doc_id = rec.get(id_field, lineno)
            text = rec.get(text_field)
            if not isinstance(text, str):
                what = "missing" if text is None else f"not a string ({type(text).__name__})"
                yield doc_id, None, f"{where}: field {text_field!r} is {what}"
                continue
            yield doc_id, text, None


def _windows(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    window: list[Any] = []
    for item in items:
        window.append(item)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def annotate_records(
    records: Iterable[tuple[Any, str | None, str | None]], layers: Sequence[str], threads: int | None = None
) -> Iterator[dict[str, Any]]:
    """One output dict per input record, in order; failed records carry `error`."""
    for window in _windows(records, WINDOW):
        good = [(i, r) for i, r in enumerate(window) if r[2] is None]
        results: list[dict[str, Any] | None] = [None] * len(window)
        try:
            batch = _api.analyze_batch([r[1] for _, r in good], layers=layers, threads=threads, surrogates="replace")
            for (i, _), analysis in zip(good, batch):
                results[i] = analysis.to_dict()
        except CopydeskError:
            # Isolate the failing record: analyse one by one.
            for i, r in good:
                try:
                    results[i] = _api.analyze(r[1], layers=layers, surrogates="replace").to_dict()
                except CopydeskError as e:
                    window[i] = (r[0], None, f"record {r[0]!r}: {e}")
        for (doc_id, _, error), layers_out in zip(window, results):
            if error is not None:
                yield {"id": doc_id, "error": error}
            else:
                yield {"id": doc_id, **(layers_out or {})}


def cmd_annotate(a: argparse.Namespace) -> int:
    layers = _api.check_layers(a.layers, default=_api.DEFAULT_LAYERS)
    out: IO[str] = sys.stdout if a.output in (None, "-") else open(a.output, "w", encoding="utf-8")
    errors = total = 0
    try:
        for path in a.inputs:
            for rec in annotate_records(_records(path, a.text_field, a.id_field), layers, a.threads):
                total += 1
                if "error" in rec:
                    errors += 1
                    print(f"copydesk: {rec['error']}", file=sys.stderr)
                out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
                out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"copydesk: {total} records, {errors} errors, layers: {', '.join(layers)}", file=sys.stderr)
    return 1 if errors else 0


def sample_dir() -> Path:
    return Path(__file__).parent / "data" / "sample"


def cmd_demo(a: argparse.Namespace) -> int:
    paths = sorted(sample_dir().glob("*.txt"))
    if not paths:
        print("copydesk: the bundled sample is missing from this install", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8") for p in paths]
    batch = _api.analyze_batch(texts, layers=_api.LAYERS)
    n_tok = n_sent = 0
    width = 100
    for path, analysis in zip(paths, batch):
        assert analysis.tokens is not None and analysis.sentences is not None
        n_tok += len(analysis.tokens)
        n_sent += len(analysis.sentences)
        title = analysis.sentences[0].text if analysis.sentences else ""
        print(f"\n\033[1m{path.stem}\033[0m  {len(analysis.sentences)} sentences, {len(analysis.tokens)} tokens")
        print(f"  headline: {title[:width]}")
        for s in analysis.sentences[1 : 1 + a.sentences]:
            print(f"  [{s.start}:{s.end}] {s.text[:width]}{'…' if len(s.text) > width else ''}")
        kinds: dict[str, list[str]] = {}
        for t in analysis.tokens:
            if t.kind not in ("word", "punct"):
                kinds.setdefault(t.kind, []).append(t.text)
        for kind, items in sorted(kinds.items()):
            shown = ", ".join(items[:8])
            print(f"  {kind}: {shown}{', …' if len(items) > 8 else ''} ({len(items)})")
    size = sum(len(t.encode()) for t in texts)
    print(f"\n{len(paths)} articles, {size / 1e3:.0f} kB: {n_sent} sentences, {n_tok} tokens (copydesk {__version__})")
    print(f"Articles: {sample_dir()} (Wikinews via the GUM corpus, CC BY; see ATTRIBUTION.md there)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="copydesk", description=__doc__)
    ap.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    an = sub.add_parser("annotate", help="annotate JSON Lines records, one output line per input line")
    an.add_argument("inputs", nargs="+", help="JSON Lines files ('-' for standard input)")
    an.add_argument("-o", "--output", help="output JSON Lines file (default: standard output)")
    an.add_argument(
        "--layers",
        default=",".join(_api.DEFAULT_LAYERS),
        help=f"comma-separated layers (default: {','.join(_api.DEFAULT_LAYERS)}; available: {','.join(_api.LAYERS)})",
    )
    an.add_argument("--text-field", default="text")
    an.add_argument("--id-field", default="id")
    an.add_argument("--threads", type=int, default=None, help="worker threads (default: every core)")
    an.set_defaults(func=cmd_annotate)

    demo = sub.add_parser("demo", help="annotate the bundled sample articles and show what was found")
    demo.add_argument("--sentences", type=int, default=3, help="sentences to show per article")
    demo.set_defaults(func=cmd_demo)

    a = ap.parse_args(argv)
    try:
        return int(a.func(a))
    except CopydeskError as e:
        print(f"copydesk: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

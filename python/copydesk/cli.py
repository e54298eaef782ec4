"""The `copydesk` command: `annotate` a JSON Lines corpus, `demo` on the bundled sample."""

from __future__ import annotations

import argparse
import itertools
from collections import deque
import json
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from . import _api, _core, corpus
from ._core import CopydeskError, __version__
from .corpus import Record

#: Documents (and bytes of text) analysed per call into the core: large enough
#: to keep every core busy, small enough that memory stays bounded by the
#: window, not the corpus.
WINDOW = 1024
WINDOW_BYTES = 8 << 20


def _jobs(items: Iterable[corpus.Block | Record]) -> Iterator[corpus.Block | list[Record]]:
    """Blocks as they come; single records grouped into windows, so that
    memory is bounded by the window, not the corpus."""
    window: list[Record] = []
    size = 0
    for item in items:
        if isinstance(item, corpus.Block):
            if window:
                yield window
                window, size = [], 0
            yield item
            continue
        window.append(item)
        size += item.size
        if len(window) >= WINDOW or size >= WINDOW_BYTES:
            yield window
            window, size = [], 0
    if window:
        yield window


def _json_id(doc_id: Any) -> str:
    return json.dumps(doc_id, ensure_ascii=False)


class Meter:
    """The progress bar (on a terminal only) and the closing summary."""

    def __init__(self, progress: corpus.Progress, enabled: bool):
        self.progress = progress
        self.enabled = enabled
        self.start = time.perf_counter()
        self.last = 0.0
        self.docs = self.errors = self.text_bytes = 0

    def update(self, final: bool = False) -> None:
        now = time.perf_counter()
        if not self.enabled or (not final and now - self.last < 0.2):
            return
        self.last = now
        secs = max(now - self.start, 1e-9)
        mb = self.text_bytes / 1e6
        done, total = self.progress.done, self.progress.total
        bar = eta = ""
        if total:
            frac = min(1.0, done / total)
            filled = int(frac * 24)
            bar = f"[{'#' * filled}{'.' * (24 - filled)}] {frac:4.0%} "
            rate = done / secs
            eta = f" ETA {max(0.0, (total - done) / rate):4.0f}s" if rate > 0 and not final else ""
        line = f"\r{bar}{self.docs} docs, {mb:.1f} MB, {self.docs / secs:.0f} docs/s, {mb / secs:.1f} MB/s, {self.errors} errors{eta}"
        sys.stderr.write(line + ("\n" if final else ""))
        sys.stderr.flush()

    def summary(self, layers: Sequence[str], resumed: int) -> str:
        secs = max(time.perf_counter() - self.start, 1e-9)
        mb = self.text_bytes / 1e6
        again = f" (resumed after {resumed} already written)" if resumed else ""
        return (
            f"copydesk: {self.docs} records{again}, {self.errors} errors, layers: {', '.join(layers)}; "
            f"{mb:.1f} MB of text in {secs:.1f}s: {mb / secs:.1f} MB/s, {self.docs / secs:.0f} docs/s"
        )


def cmd_annotate(a: argparse.Namespace) -> int:
    layers = _api.check_layers(a.layers, default=_api.DEFAULT_LAYERS)
    flags: dict[str, Any] = {name: name in layers for name in _api.LAYERS}
    progress = corpus.Progress(corpus.input_size(a.inputs))
    out = None if a.output in (None, "-") else corpus.Output(a.output, layers, resume=a.resume)
    resumed = out.done if out else 0
    items = corpus.skip_records(corpus.read_jobs(a.inputs, a.text_field, a.id_field, lines=a.lines, progress=progress), resumed)
    errors_out = open(a.errors, "w", encoding="utf-8") if a.errors else None
    meter = Meter(progress, enabled=sys.stderr.isatty() and not a.quiet)
    threads = a.threads

    def run(job: corpus.Block | list[Record]) -> tuple[bytes, int, list[str], int]:
        """Output lines, records, error lines and text bytes of one job (GIL released in the core)."""
        if isinstance(job, corpus.Block):
            return _core.annotate_jsonl(
                job.data, job.first_line, job.source, a.text_field, a.id_field, threads=threads, head=job.head, end=job.end, **flags
            )
        texts = [r.text for r in job if r.text is not None]
        bodies = iter(_core.annotate_json(texts, threads=threads, surrogates="replace", **flags))
        lines, errors, size = [], [], 0
        for rec in job:
            if rec.error is not None:
                line = f'{{"id":{_json_id(rec.id)},"error":{json.dumps(rec.error, ensure_ascii=False)}}}\n'
                errors.append(line)
            else:
                body = next(bodies)
                size += len(rec.text or "")
                line = f'{{"id":{_json_id(rec.id)}{"," if body else ""}{body}}}\n'
            lines.append(line)
        return "".join(lines).encode(), len(job), errors, size

    def emit(result: tuple[bytes, int, list[str], int]) -> None:
        data, records, errors, size = result
        meter.docs += records
        meter.errors += len(errors)
        meter.text_bytes += size
        for line in errors:
            if errors_out is not None:
                errors_out.write(line)
            if not a.quiet and not meter.enabled:
                print(f"copydesk: {json.loads(line)['error']}", file=sys.stderr)
        if out is None:
            sys.stdout.buffer.write(data)
        elif out.parquet:
            out.write_records([json.loads(x) for x in data.split(b"\n") if x])
        else:
            out.write_lines([data])
        meter.update()

    # Jobs in flight: the core analyses two at once (GIL released, on every
    # core, so that the serial ends of one overlap the parallel middle of the
    # other) while this thread reads the next and writes finished ones in order.
    in_flight = 2 if (threads or 2) > 1 else 1
    with ThreadPoolExecutor(max_workers=in_flight, thread_name_prefix="copydesk-annotate") as pool:
        pending: deque[Future[tuple[bytes, int, list[str], int]]] = deque()
        try:
            for job in _jobs(items):
                pending.append(pool.submit(run, job))
                if len(pending) > in_flight:
                    emit(pending.popleft().result())
            while pending:
                emit(pending.popleft().result())
        except KeyboardInterrupt:
            meter.update(final=True)
            if out is not None:
                out.close()
                print(f"copydesk: interrupted; {out.partial} holds what was written (--resume continues it)", file=sys.stderr)
            return 130
    if out is not None:
        out.commit()
    if errors_out is not None:
        errors_out.close()
    meter.update(final=True)
    if not a.quiet:
        print(meter.summary(layers, resumed), file=sys.stderr)
    return 1 if meter.errors else 0


def sample_dir() -> Path:
    return Path(__file__).parent / "data" / "sample"


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _quantity_line(q: _api.Quantity) -> str:
    parts = [f"{q.text!r} {q.kind}"]
    if q.value is not None:
        parts.append(f"{q.value:g}" + (f"–{q.high:g}" if q.high is not None else ""))
    if q.unit:
        parts.append(q.unit)
    if q.si_value is not None and q.si_unit and q.si_unit != q.unit:
        parts.append(f"= {q.si_value:g} {q.si_unit}")
    if q.iso:
        parts.append(q.iso)
    if q.modifier:
        parts.append(f"({q.modifier})")
    return " ".join(parts)


def cmd_demo(a: argparse.Namespace) -> int:
    paths = sorted(sample_dir().glob("*.txt"))
    if not paths:
        print("copydesk: the bundled sample is missing from this install", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8") for p in paths]
    t0 = time.perf_counter()
    batch = _api.analyze_batch(texts, layers=_api.LAYERS)
    secs = time.perf_counter() - t0
    bold, dim, off = ("\033[1m", "\033[2m", "\033[0m") if sys.stdout.isatty() else ("", "", "")
    totals = {name: 0 for name in _api.LAYERS}
    width = 96
    for path, analysis in zip(paths, batch):
        assert analysis.tokens is not None and analysis.sentences is not None
        assert analysis.quotes is not None and analysis.quantities is not None
        for name in _api.LAYERS:
            totals[name] += len(getattr(analysis, name))
        headline = analysis.sentences[0].text if analysis.sentences else ""
        print(f"\n{bold}{_short(headline, width)}{off}  {dim}{path.name}{off}")
        print(
            f"  {len(analysis.sentences)} sentences, {len(analysis.tokens)} tokens, "
            f"{len(analysis.quotes)} quotations, {len(analysis.quantities)} numbers"
        )
        for q in analysis.quotes[: a.quotes]:
            who = f" — {q.speaker.text}" + (f" ({q.cue.text})" if q.cue else "") if q.speaker else ""
            print(f"  {q.kind:7} {_short(q.text, 70)}{who}")
        shown = analysis.quantities[: a.numbers]
        if shown:
            print("  numbers: " + "; ".join(_quantity_line(q) for q in shown))
    size = sum(len(t.encode()) for t in texts)
    print(
        f"\n{len(paths)} articles, {size / 1e3:.0f} kB in {secs * 1e3:.0f} ms: "
        + ", ".join(f"{n} {name}" for name, n in totals.items())
        + f" (copydesk {__version__})"
    )
    print(f"Articles: {sample_dir()} (Wikinews via the GUM corpus, CC BY; see ATTRIBUTION.md there)")
    from .html import demo_page

    print(f"Pages, every layer marked (open in a browser): {demo_page(paths, batch)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="copydesk", description=__doc__)
    ap.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    an = sub.add_parser("annotate", help="annotate a corpus: one output record per input record")
    an.add_argument(
        "inputs",
        nargs="+",
        help="JSON Lines (.jsonl, .jsonl.gz), Parquet (.parquet), text files (a document each) or directories of them; '-' reads JSON Lines from standard input",
    )
    an.add_argument("-o", "--output", help="output: .jsonl, .jsonl.gz or .parquet (default: JSON Lines on standard output)")
    an.add_argument(
        "--layers",
        default=",".join(_api.DEFAULT_LAYERS),
        help=f"comma-separated layers (default: {','.join(_api.DEFAULT_LAYERS)}; available: {','.join(_api.LAYERS)})",
    )
    an.add_argument("--text-field", default="text")
    an.add_argument("--id-field", default="id")
    an.add_argument("--threads", type=int, default=None, help="worker threads (default: $COPYDESK_NUM_THREADS, else every core)")
    an.add_argument("--lines", action="store_true", help="text files hold a document per line")
    an.add_argument("--errors", metavar="FILE", help="also write the failed records to FILE (JSON Lines)")
    an.add_argument("--resume", action="store_true", help="continue an interrupted run into the same output")
    an.add_argument("-q", "--quiet", action="store_true", help="no progress bar, per-record errors or summary")
    an.set_defaults(func=cmd_annotate)

    demo = sub.add_parser("demo", help="annotate the bundled sample articles and show what was found")
    demo.add_argument("--quotes", type=int, default=3, help="quotations to show per article")
    demo.add_argument("--numbers", type=int, default=6, help="numbers to show per article")
    demo.set_defaults(func=cmd_demo)

    from ._cli_view import add_subcommands

    add_subcommands(sub)

    a = ap.parse_args(argv)
    try:
        return int(a.func(a))
    except CopydeskError as e:
        print(f"copydesk: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

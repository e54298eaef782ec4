"""`copydesk show` and `copydesk report`: the commands that let people see what copydesk found.

`cli.main` calls `add_subcommands(subparsers)` to add them.

    copydesk show FILE|- [-o OUT.html|-] [--layers ...] [--title T] [--no-tokens] [--open]
    copydesk report OUT.jsonl|OUT.jsonl.gz|OUT.parquet [-o report.html] [--text-from IN.jsonl ...] [--json]

`show` writes one self-contained HTML page of the document with every layer
marked. Where it goes: `-o OUT.html`, or `-o -` for standard output; by
default, for FILE, `NAME.copydesk.html` next to FILE (the suffix keeps an
unrelated `NAME.html` safe), and for `-` (the text on standard input),
standard output. The path written is printed on standard error.

`report` prints a summary of an annotated corpus on standard output (or the
summary as JSON with `--json`) and, with `-o`, writes it as an HTML page with
bar charts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from . import _api


def _read_text(name: str) -> str:
    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise SystemExit(f"copydesk: {'<stdin>' if name == '-' else name}:{line}: invalid UTF-8 at byte {e.start}") from e


def default_output(name: str) -> str:
    """Where `copydesk show NAME` writes when no `-o` is given: '-' (standard output) for stdin."""
    if name == "-":
        return "-"
    path = Path(name)
    return str(path.with_name(path.stem + ".copydesk.html"))


def cmd_show(a: argparse.Namespace) -> int:
    from .html import _write_atomic, render_html

    if a.file != "-" and not Path(a.file).is_file():
        print(f"copydesk: {a.file}: no such file", file=sys.stderr)
        return 2
    text = _read_text(a.file)
    layers = _api.check_layers(a.layers)
    analysis = _api.analyze(text, layers=layers)
    page = render_html(analysis, title=a.title, tokens=not a.no_tokens)
    out = a.output if a.output is not None else default_output(a.file)
    if out == "-":
        sys.stdout.write(page)
        sys.stdout.flush()
        return 0
    target = Path(out)
    try:
        _write_atomic(target, page)
    except OSError as e:
        print(f"copydesk: cannot write {target}: {e.strerror or e} (choose another place with -o)", file=sys.stderr)
        return 2
    counts = ", ".join(
        f"{len(v)} {k}" for k in ("sentences", "quotes", "quantities") if (v := getattr(analysis, k, None)) is not None
    )
    print(f"copydesk: wrote {target} ({counts})", file=sys.stderr)
    if a.open:
        import webbrowser

        webbrowser.open(target.resolve().as_uri())
    return 0


def cmd_report(a: argparse.Namespace) -> int:
    from .html import _write_atomic
    from .report import format_text, render_report_html, report

    if not Path(a.annotated).is_file():
        print(f"copydesk: {a.annotated}: no such file", file=sys.stderr)
        return 2
    text_from = [p for group in (a.text_from or []) for p in group]
    rep = report(a.annotated, text_from or None, text_field=a.text_field, id_field=a.id_field, top=a.top)
    if a.json:
        print(json.dumps(rep, ensure_ascii=False, indent=2))
    else:
        print(format_text(rep))
    if a.output:
        _write_atomic(Path(a.output), render_report_html(rep))
        print(f"copydesk: wrote {a.output}", file=sys.stderr)
    return 0


def add_subcommands(sub: Any) -> None:
    """Add `show` and `report` to the `copydesk` command's subparsers."""
    show = sub.add_parser(
        "show",
        help="write an HTML page of a document with every layer marked",
        description="Analyse a text file and write one self-contained HTML page (no network) with quotations, "
        "speakers and cues, quantities, sentences and, on demand, tokens marked.",
    )
    show.add_argument("file", help="a text file holding one document, or '-' to read it from standard input")
    show.add_argument(
        "-o",
        "--output",
        help="the HTML file to write, or '-' for standard output (default: NAME.copydesk.html next to FILE; standard output for '-')",
    )
    show.add_argument(
        "--layers",
        default=",".join(_api.LAYERS),
        help=f"comma-separated layers to mark (default: all: {','.join(_api.LAYERS)})",
    )
    show.add_argument("--title", help="the page's title (default: the document's first line)")
    show.add_argument("--no-tokens", action="store_true", help="leave the token data out (a smaller page, no token switch)")
    show.add_argument("--open", action="store_true", help="open the page in the default web browser")
    show.set_defaults(func=cmd_show)

    rep = sub.add_parser(
        "report",
        help="summarise an annotated corpus: documents, layers, quotes, speakers, units, errors",
        description="Read the output of `copydesk annotate` as a stream and print a summary; -o writes it as an HTML page with charts.",
    )
    rep.add_argument("annotated", help="the annotated corpus: .jsonl, .jsonl.gz or .parquet as written by `copydesk annotate`")
    rep.add_argument("-o", "--output", help="also write the report as an HTML page here")
    rep.add_argument(
        "--text-from",
        nargs="+",
        action="append",
        metavar="IN",
        help="the input corpus the annotations came from, joined by id, to name the speakers (annotated files carry no text)",
    )
    rep.add_argument("--text-field", default="text", help="text field of --text-from records (default: text)")
    rep.add_argument("--id-field", default="id", help="id field (default: id)")
    rep.add_argument("--top", type=int, default=15, help="entries in each top list (default: 15)")
    rep.add_argument("--json", action="store_true", help="print the summary as JSON instead of text")
    rep.set_defaults(func=cmd_report)

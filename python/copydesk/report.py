"""A summary of an annotated corpus (the output of `copydesk annotate`), as text and as an HTML page.

    >>> from copydesk.report import report, format_text, render_report_html
    >>> rep = report("out.jsonl")                    # or .jsonl.gz, .parquet
    >>> print(format_text(rep))
    >>> open("report.html", "w").write(render_report_html(rep))

The file is read as a stream, one record (or one Parquet batch) at a time:
memory is bounded by the counters, never by the corpus. Speakers are named
by their text, which an annotated file does not carry unless its records have
a `text` field; `text_from=` names the input corpus (any input `copydesk
annotate` reads) and its records are joined to the annotated ones by id, in
order (the order `annotate` writes; records out of order are matched within a
window of `JOIN_WINDOW` records). Without text, speakers are counted by span only.
"""

from __future__ import annotations

import gzip
import html as _html
import json
import re
import zlib
from collections import Counter, deque
from pathlib import Path
from typing import Any, Iterator, Sequence

__all__ = ["report", "format_text", "render_report_html", "read_annotated"]

#: Annotated records read ahead of the text corpus (or the other way round) when ids come out of order.
JOIN_WINDOW = 10_000
#: Distinct speaker names or units kept exactly; beyond this the rarest are pruned (the report says so).
COUNTER_CAP = 200_000
#: Quotes per document: the histogram's last bucket holds this many and more.
HIST_MAX = 10
LAYER_NAMES = ("tokens", "sentences", "quotes", "quantities")
NOT_LAYERS = ("id", "error", "text")


class _Counter:
    """A Counter that stays bounded: when it holds more than `cap` keys, the
    least frequent are dropped (Misra–Gries style) and the counts become lower bounds."""

    def __init__(self, cap: int = COUNTER_CAP):
        self.c: Counter[str] = Counter()
        self.cap = cap
        self.approximate = False

    def add(self, key: str, n: int = 1) -> None:
        self.c[key] += n
        if len(self.c) > self.cap:
            counts = sorted(self.c.values())
            cut = counts[len(counts) // 2]
            for k in [k for k, v in self.c.items() if v <= cut]:
                del self.c[k]
            self.approximate = True

    def top(self, n: int) -> list[list[Any]]:
        return [[k, v] for k, v in self.c.most_common(n)]


def _open_lines(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        yield from f


def read_annotated(path: str | Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line or row, record, problem) for each record of an annotated file, streaming.

    A line that is not a JSON object gives `record=None` and a problem; so does a truncated gzip stream.
    """
    path = Path(path)
    name = str(path)
    if name.endswith((".parquet", ".pq")):
        try:
            import pyarrow.parquet as pq
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise SystemExit("copydesk: reading Parquet needs pyarrow: pip install 'copydesk[arrow]'") from e
        row = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            for rec in batch.to_pylist():
                row += 1
                yield row, {k: v for k, v in rec.items() if v is not None or k == "id"}, None
        return
    lineno = 0
    try:
        for lineno, raw in enumerate(_open_lines(path), 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                yield lineno, None, f"{name}:{lineno}: not JSON ({e})"
                continue
            if not isinstance(rec, dict):
                yield lineno, None, f"{name}:{lineno}: not a JSON object"
                continue
            yield lineno, rec, None
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield lineno + 1, None, f"{name}:{lineno + 1}: truncated or corrupt gzip stream ({e})"


def _key(doc_id: Any) -> str:
    return doc_id if isinstance(doc_id, str) else json.dumps(doc_id, ensure_ascii=False, sort_keys=True)


class _Texts:
    """The texts of an input corpus, matched to annotated records by id, streaming.

    In order (as `annotate` writes) nothing is held; out of order, records read
    ahead wait in a window of `JOIN_WINDOW`.
    """

    def __init__(self, paths: Sequence[str], text_field: str, id_field: str):
        from . import corpus

        self.it = corpus.read_inputs(list(paths), text_field, id_field)
        self.pending: dict[str, deque[str | None]] = {}
        self.size = 0
        self.missed = 0

    def get(self, doc_id: Any) -> str | None:
        key = _key(doc_id)
        if key in self.pending:
            return self._take(key)
        while self.size < JOIN_WINDOW:
            rec = next(self.it, None)
            if rec is None:
                break
            rkey = _key(rec.id)
            if rkey == key:
                return rec.text
            self.pending.setdefault(rkey, deque()).append(rec.text)
            self.size += 1
        self.missed += 1
        return None

    def _take(self, key: str) -> str | None:
        q = self.pending[key]
        text = q.popleft()
        self.size -= 1
        if not q:
            del self.pending[key]
        return text


def _speaker_name(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def report(
    path: str | Path,
    text_from: Sequence[str] | str | None = None,
    *,
    text_field: str = "text",
    id_field: str = "id",
    top: int = 15,
) -> dict[str, Any]:
    """Summarise an annotated corpus (`.jsonl`, `.jsonl.gz` or `.parquet`), streaming.

    Returns a JSON-serialisable dict: documents, layers present, errors, quotes
    per document, most quoted speakers (by name when the text is at hand: a
    `text` field in the records or `text_from=` the input corpus, else by span
    only), and, when a quantities layer exists, the most frequent units and currencies.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file")
    if isinstance(text_from, str):
        text_from = [text_from]
    texts = _Texts(text_from, text_field, id_field) if text_from else None

    docs = errors = unreadable = 0
    error_examples: list[str] = []
    layers: Counter[str] = Counter()
    spans: Counter[str] = Counter()
    per_doc: Counter[int] = Counter()
    most_quotes: list[Any] = [None, -1]
    q_kinds: Counter[str] = Counter()
    q_marks: Counter[str] = Counter()
    q_total = q_unclosed = q_nested = q_groups = q_multi = q_with_speaker = q_with_cue = 0
    docs_with_quotes = 0
    speakers = _Counter()
    speaker_docs_without_text = 0
    units = _Counter()
    currencies = _Counter()
    n_kinds: Counter[str] = Counter()
    dimensions: Counter[str] = Counter()
    n_total = 0
    has_quantities = False
    chars = 0

    for where, rec, problem in read_annotated(path):
        if rec is None:
            unreadable += 1
            errors += 1
            if len(error_examples) < 10:
                error_examples.append(problem or f"{path}:{where}: unreadable")
            continue
        docs += 1
        err = rec.get("error")
        if err:
            errors += 1
            if len(error_examples) < 10:
                error_examples.append(str(err))
        for name, value in rec.items():
            if name in NOT_LAYERS or value is None:
                continue
            layers[name] += 1
            if isinstance(value, list):
                spans[name] += len(value)
        text = rec.get("text") if isinstance(rec.get("text"), str) else None
        if text is None and texts is not None and not err:
            text = texts.get(rec.get(id_field, rec.get("id")))
        if isinstance(text, str):
            chars += len(text)

        quotes = rec.get("quotes")
        if isinstance(quotes, list):
            n = len(quotes)
            per_doc[min(n, HIST_MAX)] += 1
            if n > most_quotes[1]:
                most_quotes = [rec.get("id"), n]
            if n:
                docs_with_quotes += 1
            seen_groups: dict[Any, int] = {}
            for q in quotes:
                q_total += 1
                q_kinds[str(q.get("kind"))] += 1
                if q.get("marks"):
                    q_marks[str(q["marks"])] += 1
                if q.get("closed") is False:
                    q_unclosed += 1
                if (q.get("depth") or 0) > 0:
                    q_nested += 1
                g = q.get("group")
                seen_groups[g] = seen_groups.get(g, 0) + 1
                if seen_groups[g] > 1:
                    continue  # a quotation counts once, with its first piece's speaker
                sp = q.get("speaker")
                if q.get("cue"):
                    q_with_cue += 1
                if isinstance(sp, dict) and sp.get("start") is not None:
                    q_with_speaker += 1
                    if text is not None:
                        name = _speaker_name(text[sp["start"] : sp["end"]])
                        if name:
                            speakers.add(name)
                    else:
                        speaker_docs_without_text += 1
            q_groups += len(seen_groups)
            q_multi += sum(1 for v in seen_groups.values() if v > 1)

        quantities = rec.get("quantities")
        if isinstance(quantities, list):
            has_quantities = True
            for x in quantities:
                n_total += 1
                kind = str(x.get("kind"))
                n_kinds[kind] += 1
                if x.get("dimension"):
                    dimensions[str(x["dimension"])] += 1
                unit = x.get("unit")
                if unit:
                    if kind == "money" or x.get("dimension") == "currency":
                        currencies.add(str(unit))
                    else:
                        units.add(str(unit))

    hist = {str(k) if k < HIST_MAX else f"{HIST_MAX}+": per_doc.get(k, 0) for k in range(HIST_MAX + 1)}
    with_quotes_layer = sum(per_doc.values())
    out: dict[str, Any] = {
        "path": str(path),
        "documents": docs,
        "errors": {"count": errors, "unreadable_lines": unreadable, "examples": error_examples},
        "layers": dict(layers.most_common()),
        "spans": dict(spans.most_common()),
        "characters": chars if chars else None,
    }
    if with_quotes_layer:
        out["quotes"] = {
            "pieces": q_total,
            "quotations": q_groups,
            "documents_with_quotes": docs_with_quotes,
            "per_document": {
                "mean": round(q_total / with_quotes_layer, 3),
                "max": most_quotes[1],
                "max_id": most_quotes[0],
                "histogram": hist,
            },
            "kinds": dict(q_kinds.most_common()),
            "marks": dict(q_marks.most_common(top)),
            "unclosed_pieces": q_unclosed,
            "nested_pieces": q_nested,
            "multi_paragraph": q_multi,
            "with_speaker": q_with_speaker,
            "with_cue": q_with_cue,
        }
        out["speakers"] = {
            # "text": every speaker named; "span": none could be (no text); "mixed": some.
            "by": "text" if not speaker_docs_without_text else ("mixed" if speakers.c else "span"),
            "top": speakers.top(top),
            "distinct": len(speakers.c),
            "approximate": speakers.approximate,
            "without_text": speaker_docs_without_text,
        }
        if speaker_docs_without_text:
            out["speakers"]["note"] = (
                f"{speaker_docs_without_text} attributed quotations have no text at hand: they are counted by span only "
                "(pass --text-from IN.jsonl, the annotated corpus's input, to name their speakers)"
            )
        if texts is not None and texts.missed:
            out["speakers"]["unjoined"] = texts.missed
    if has_quantities:
        out["quantities"] = {
            "total": n_total,
            "kinds": dict(n_kinds.most_common()),
            "dimensions": dict(dimensions.most_common()),
            "units": units.top(top),
            "currencies": currencies.top(top),
            "approximate": units.approximate or currencies.approximate,
        }
    return out


# --------------------------------------------------------------------------- text


def _table(rows: Sequence[Sequence[Any]], indent: str = "  ") -> list[str]:
    if not rows:
        return [f"{indent}(none)"]
    width = max(len(str(r[0])) for r in rows)
    top = max((r[1] for r in rows), default=1) or 1
    out = []
    for label, n in rows:
        bar = "█" * max(1, round(20 * n / top)) if n else ""
        out.append(f"{indent}{str(label):<{width}}  {n:>8,}  {bar}")
    return out


def format_text(rep: dict[str, Any]) -> str:
    """The report as plain text for a terminal."""
    lines = [f"copydesk report: {rep['path']}", f"documents: {rep['documents']:,}"]
    e = rep["errors"]
    lines.append(f"errors: {e['count']:,}" + (f" ({e['unreadable_lines']} unreadable lines)" if e["unreadable_lines"] else ""))
    for ex in e["examples"]:
        lines.append(f"  {ex}")
    lines.append("layers (documents having each; spans):")
    lines += _table([(name, n) for name, n in rep["layers"].items()])
    for name, n in rep["spans"].items():
        lines.append(f"  {name}: {n:,} spans")
    q = rep.get("quotes")
    if q:
        pd = q["per_document"]
        lines.append(
            f"quotes: {q['quotations']:,} quotations in {q['pieces']:,} pieces; {q['documents_with_quotes']:,} documents quote; "
            f"{pd['mean']:.2f} pieces per document, at most {pd['max']:,}" + (f" ({pd['max_id']})" if pd["max_id"] is not None else "")
        )
        lines.append("  kinds: " + ", ".join(f"{k} {v:,}" for k, v in q["kinds"].items()))
        lines.append(
            f"  multi-paragraph: {q['multi_paragraph']:,}, nested pieces: {q['nested_pieces']:,}, unclosed pieces: {q['unclosed_pieces']:,}, "
            f"with a speaker: {q['with_speaker']:,}, with a cue: {q['with_cue']:,}"
        )
        lines.append("quote pieces per document:")
        lines += _table(list(pd["histogram"].items()))
        s = rep["speakers"]
        if s["top"]:
            lines.append(f"most quoted speakers ({s['distinct']:,} distinct{', approximate' if s['approximate'] else ''}):")
            lines += _table(s["top"])
        if s.get("note"):
            lines.append(f"speakers: {s['note']}")
        if s.get("unjoined"):
            lines.append(f"speakers: {s['unjoined']:,} records found no text with their id")
    n = rep.get("quantities")
    if n:
        lines.append(f"quantities: {n['total']:,}; " + ", ".join(f"{k} {v:,}" for k, v in n["kinds"].items()))
        lines.append("most frequent units:")
        lines += _table(n["units"])
        lines.append("most frequent currencies:")
        lines += _table(n["currencies"])
    return "\n".join(lines)


# --------------------------------------------------------------------------- HTML


def _esc(x: Any) -> str:
    return _html.escape(str(x), quote=True)


def _bars(title: str, rows: Sequence[Sequence[Any]], note: str = "") -> str:
    """A horizontal bar chart: labels and numbers as text (readable on a phone), bars as inline SVG."""
    rows = [(str(label), int(n)) for label, n in rows]
    if not rows:
        return f'<figure><figcaption>{_esc(title)}</figcaption><p class="none">none</p></figure>'
    top = max(n for _, n in rows) or 1
    parts = [f'<figure><figcaption>{_esc(title)}</figcaption><div class="chart">']
    for label, n in rows:
        pct = 100 * n / top
        parts.append(
            f'<span class="lbl" dir="auto" title="{_esc(label)}">{_esc(label)}</span>'
            f'<svg viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="14" aria-hidden="true">'
            f'<rect width="{max(pct, 0.5) if n else 0:.2f}" height="10" rx="1" class="bar"/></svg>'
            f'<span class="num">{n:,}</span>'
        )
    parts.append("</div>")
    if note:
        parts.append(f'<p class="note">{_esc(note)}</p>')
    parts.append("</figure>")
    return "".join(parts)


REPORT_CSS = """
:root{color-scheme:light dark;--bg:#fdfcf9;--fg:#1d1d1f;--muted:#5f6368;--bar:#3b6fb6;--line:#d8d4ca}
@media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e8e6e3;--muted:#a5a9b0;--bar:#8ab4f8;--line:#3a3d44}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:52rem;margin:auto;padding:1rem}h1{font-size:1.3rem;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:var(--muted)}dd{margin:0}
figure{margin:1.2rem 0;border-top:1px solid var(--line);padding-top:.6rem}figcaption{font-weight:600;margin-bottom:.3rem}
.chart{display:grid;grid-template-columns:minmax(3rem,max-content) 1fr max-content;gap:.15rem .6rem;align-items:center}
.chart .lbl{text-align:end;max-width:16rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.chart .num{color:var(--muted);font-variant-numeric:tabular-nums}.chart svg{display:block}.bar{fill:var(--bar)}
.note,.none{color:var(--muted)}.err{font-family:ui-monospace,monospace;font-size:13px;overflow-wrap:anywhere}
"""


def render_report_html(rep: dict[str, Any]) -> str:
    """The report as one self-contained HTML page with inline SVG bar charts."""
    e = rep["errors"]
    facts = [("documents", f"{rep['documents']:,}"), ("errors", f"{e['count']:,}")]
    if rep.get("characters"):
        facts.append(("characters of text", f"{rep['characters']:,}"))
    q = rep.get("quotes")
    if q:
        facts += [
            ("quotations", f"{q['quotations']:,} in {q['pieces']:,} pieces"),
            ("documents that quote", f"{q['documents_with_quotes']:,}"),
            ("pieces per document", f"{q['per_document']['mean']:.2f} on average, at most {q['per_document']['max']:,}"),
            ("multi-paragraph quotations", f"{q['multi_paragraph']:,}"),
            ("with a speaker / a cue", f"{q['with_speaker']:,} / {q['with_cue']:,}"),
        ]
    n = rep.get("quantities")
    if n:
        facts.append(("quantities", f"{n['total']:,}"))
    body = [
        f"<h1>copydesk report: {_esc(rep['path'])}</h1>",
        "<dl>" + "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in facts) + "</dl>",
        _bars("Layers: documents having each", list(rep["layers"].items())),
    ]
    if q:
        body.append(_bars("Quote pieces per document (documents)", list(q["per_document"]["histogram"].items())))
        body.append(_bars("Quote kinds", list(q["kinds"].items())))
        s = rep["speakers"]
        note = s.get("note", "") + (" Counts are lower bounds (the list was pruned)." if s["approximate"] else "")
        if s.get("unjoined"):
            note += f" {s['unjoined']:,} records found no text with their id."
        body.append(_bars("Most quoted speakers (quotations)", s["top"], note.strip()))
        body.append(_bars("Quotation marks", list(q["marks"].items())))
    if n:
        body.append(_bars("Quantity kinds", list(n["kinds"].items())))
        body.append(_bars("Most frequent units", n["units"]))
        body.append(_bars("Most frequent currencies", n["currencies"]))
    if e["examples"]:
        body.append("<figure><figcaption>Errors (first ones)</figcaption>" + "".join(f'<p class="err">{_esc(x)}</p>' for x in e["examples"]) + "</figure>")
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>copydesk report: {_esc(Path(rep['path']).name)}</title><style>{REPORT_CSS}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )

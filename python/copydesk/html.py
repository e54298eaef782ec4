"""See what copydesk found: one self-contained HTML page of an article with every layer marked.

    >>> import copydesk
    >>> page = copydesk.html.render_html(copydesk.analyze(text))      # a str: <!doctype html>…
    >>> page = render_html(record, text=text)     # a record of `copydesk annotate` and its text

The page has no external assets and makes no network request (a
Content-Security-Policy forbids it): its CSS and JavaScript are inline.

How it is built. Every span of every layer (quote pieces, speakers and cues,
quantities, sentences, and any other `{start, end}` layer the analysis has)
becomes an element; overlapping spans must nest, so the markup comes from one
sweep over the spans sorted by start: a stack of open elements, where a span
that would cross another is split into pieces (`class="… cont"`). When two
spans cross, the one of lower rank is split (quotes outrank sentences, which
outrank speakers and cues, then quantities), and a span that merely contains
another is never split. Lines are paragraphs (`<p dir="auto">`, so right-to-left
text is laid out right to left); a span running over a line break is split
there too. Each element carries `data-o`, the `str` offset of its first
character, so `text[o:o + len(element text)]` is the element's text.

Tokens are not elements: the page holds them as a compact string (three
characters a token) and wraps the tokens of the paragraphs on screen only when
the "tokens" switch is turned on. The page's script is linear in the size of
the article: one pass to index the marks, event delegation for hover and focus.
"""

from __future__ import annotations

import dataclasses
import heapq
import html as _html
import json
import re
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

__all__ = ["render_html", "analysis_repr_html", "demo_page"]

#: Span ranks: when two spans cross, the higher rank (smaller number) stays whole.
RANK = {"quotes": 1, "sentences": 2, "speaker": 3, "cue": 3, "quantities": 4}
RANK_OTHER = 5
#: Layers drawn by their own rules; any other list of `{start, end}` dicts is drawn generically.
KNOWN = ("tokens", "sentences", "quotes", "quantities")
#: Keys of an annotated record that are not layers.
NOT_LAYERS = ("id", "error", "text")
QUANTITY_FIELDS = ("text", "kind", "value", "high", "unit", "dimension", "si_value", "si_unit", "modifier", "iso")

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")
#: Token codes: one character per value below 63, `~` then the next entry of `big` otherwise.
_ALPHABET = np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/~", dtype=np.uint8)


# --------------------------------------------------------------------------- input


def _byte_to_char(text: str) -> Any:
    """A function mapping UTF-8 byte offsets of `text` to `str` offsets (for `offsets="bytes"`)."""
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    widths = 1 + (cps >= 0x80) + (cps >= 0x800) + (cps >= 0x10000)
    starts = np.concatenate([[0], np.cumsum(widths)])

    def conv(b: Any) -> Any:
        return np.searchsorted(starts, b)

    return conv


def _layers_of(obj: Any, text: str | None) -> tuple[str, dict[str, Any], Any]:
    """(text, layers other than tokens as dicts, tokens as (starts, ends, kind codes, kind names) or None)."""
    tokens = None
    if isinstance(obj, Mapping):
        layers = {k: v for k, v in obj.items() if k not in NOT_LAYERS}
        if text is None:
            text = obj.get("text")
        if text is None:
            raise ValueError("render_html needs the text: this record has none, pass text=...")
        toks = layers.pop("tokens", None)
        if toks:
            names: list[str] = []
            index: dict[str, int] = {}
            codes = []
            for t in toks:
                k = t.get("kind") or "token"
                if k not in index:
                    index[k] = len(names)
                    names.append(k)
                codes.append(index[k])
            tokens = (
                np.array([t["start"] for t in toks], dtype=np.int64),
                np.array([t["end"] for t in toks], dtype=np.int64),
                np.array(codes, dtype=np.int64),
                names,
            )
        return text, layers, tokens
    # An Analysis (or anything shaped like one): every layer but tokens through
    # to_dict(), tokens straight from their arrays (no object per token).
    text = obj.text if text is None else text
    tok = getattr(obj, "tokens", None)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        layers = dataclasses.replace(obj, tokens=None).to_dict()  # type: ignore[attr-defined]
    else:
        layers = {k: v for k, v in obj.to_dict().items() if k != "tokens"}
    if tok is not None:
        from ._api import TOKEN_KINDS

        tokens = (np.asarray(tok.starts, dtype=np.int64), np.asarray(tok.ends, dtype=np.int64), np.asarray(tok.kinds, dtype=np.int64), list(TOKEN_KINDS))
    if getattr(obj, "offsets", "chars") == "bytes":
        conv = _byte_to_char(text)
        if tokens is not None:
            tokens = (conv(tokens[0]), conv(tokens[1]), tokens[2], tokens[3])
        layers = _convert_offsets(layers, conv)
    return text, layers, tokens


def _convert_offsets(layers: dict[str, Any], conv: Any) -> dict[str, Any]:
    def fix(d: Any) -> Any:
        if isinstance(d, dict):
            out = dict(d)
            for k in ("start", "end"):
                if isinstance(out.get(k), int):
                    out[k] = int(conv(out[k]))
            for k in ("speaker", "cue"):
                if isinstance(out.get(k), dict):
                    out[k] = fix(out[k])
            return out
        return d

    return {k: [fix(x) for x in v] if isinstance(v, list) else v for k, v in layers.items()}


def _clean(text: str) -> str:
    """Offset-preserving: NUL and lone surrogates (which HTML cannot carry) become U+FFFD."""
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _BAD_CHARS.sub("\ufffd", text)
    return text


# --------------------------------------------------------------------------- spans


class _Spans:
    """Spans to draw: parallel lists, plus the opening tag of a first piece and of a continuation."""

    def __init__(self) -> None:
        self.start: list[int] = []
        self.end: list[int] = []
        self.rank: list[int] = []
        self.first: list[str] = []
        self.cont: list[str] = []

    def add(self, start: Any, end: Any, rank: int, cls: str, attrs: str = "", focus: bool = False) -> None:
        if not isinstance(start, (int, np.integer)) or not isinstance(end, (int, np.integer)):
            return
        self.start.append(int(start))
        self.end.append(int(end))
        self.rank.append(rank)
        tab = ' tabindex="0"' if focus else ""
        self.first.append(f'<span class="{cls}"{attrs}{tab} data-o="')
        self.cont.append(f'<span class="{cls} cont"{attrs} data-o="')


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _markup(text: str, spans: _Spans, paras: list[tuple[int, int]]) -> list[str]:
    """The article's markup: paragraphs, and every span as properly nested pieces.

    One sweep in start order with a stack of open elements and a heap of their
    ends; a span crossing another is closed and reopened (a continuation
    piece). O((n + pieces) log n) for n spans; pieces exceed n only where spans cross.
    """
    n = len(spans.start)
    start, end, rank = spans.start, spans.end, spans.rank
    first, cont = spans.first, spans.cont
    size = len(text)
    for i in range(n):
        s, e = max(0, start[i]), min(size, end[i])
        start[i], end[i] = s, e
    order = sorted(range(n), key=lambda i: (start[i], rank[i], -end[i], i))
    opened = [False] * n
    out: list[str] = []
    esc = _html.escape
    stack: list[int] = []  # spans open in the markup, outermost first
    where: list[int] = [0] * n  # index in `out` of each open piece's tag, to drop empty pieces
    k = 0

    def open_piece(i: int, at: int) -> None:
        where[i] = len(out)
        if opened[i]:
            out.append(f'{cont[i]}{at}">')
        else:
            opened[i] = True
            out.append(f'{first[i]}{at}">')
        stack.append(i)

    def close_top() -> int:
        i = stack.pop()
        if where[i] == len(out) - 1:  # nothing inside: drop the piece
            tag = out.pop()
            if tag.startswith(first[i]) and first[i] != cont[i]:
                opened[i] = False
        else:
            out.append("</span>")
        return i

    for pno, (ps, pe) in enumerate(paras):
        if pno:
            out.append("\n")
        out.append(f'<p dir="auto" data-o="{ps}">')
        carried = [i for i in stack if end[i] > ps]
        stack.clear()
        for i in carried:
            open_piece(i, ps)
        heap = [end[i] for i in carried]
        heapq.heapify(heap)
        pos = ps
        while True:
            nxt_open = max(start[order[k]], ps) if k < n else size + 1
            nxt_close = heap[0] if heap else size + 1
            p = min(nxt_open, nxt_close, pe)
            if p > pos:
                out.append(esc(text[pos:p], quote=False))
                pos = p
            if p == pe:  # closes at the paragraph's end happen below; opens there belong to the next
                break
            if nxt_close == p:
                pending = 0
                while heap and heap[0] == p:
                    heapq.heappop(heap)
                    pending += 1
                reopen = []
                while pending and stack:
                    j = close_top()
                    if end[j] == p:
                        pending -= 1
                    else:
                        reopen.append(j)
                for j in reversed(reopen):
                    open_piece(j, p)
                continue
            if nxt_open == p:
                i = order[k]
                k += 1
                if end[i] <= p:  # empty, or ended before its paragraph
                    continue
                popped = []
                while stack and end[stack[-1]] < end[i] and rank[stack[-1]] > rank[i]:
                    popped.append(close_top())
                open_piece(i, p)
                heapq.heappush(heap, end[i])
                for j in reversed(popped):
                    open_piece(j, p)
        # Close the paragraph: every open piece ends here; those that go on are carried.
        still = list(stack)
        while stack:
            close_top()
        stack.extend(still)
        out.append("</p>")
    return out


def _attr(v: Any) -> str:
    return _html.escape(str(v), quote=True)


def _layer_spans(text: str, layers: dict[str, Any]) -> tuple[_Spans, dict[str, Any], dict[str, int]]:
    """The spans of every layer, and the data the page's script reads (tooltips, groups)."""
    spans = _Spans()
    data: dict[str, Any] = {}
    counts: dict[str, int] = {}

    quotes = layers.get("quotes") or []
    if quotes:
        roles: dict[tuple[str, int, int], int] = {}
        role_list: list[dict[str, Any]] = []
        groups: dict[Any, list[int]] = {}
        place: list[int] = []  # each piece's place in its group, from 1
        for i, q in enumerate(quotes):
            members = groups.setdefault(q.get("group", i), [])
            members.append(i)
            place.append(len(members))
        qdata = []
        for i, q in enumerate(quotes):
            g = q.get("group", i)
            members = groups[g]
            refs: dict[str, int | None] = {}
            for role in ("speaker", "cue"):
                sp = q.get(role)
                if isinstance(sp, dict) and isinstance(sp.get("start"), int) and isinstance(sp.get("end"), int):
                    key = (role, sp["start"], sp["end"])
                    if key not in roles:
                        roles[key] = len(role_list)
                        role_list.append({"role": role, "start": sp["start"], "end": sp["end"], "text": text[sp["start"] : sp["end"]], "quotes": []})
                    refs[role] = roles[key]
                    role_list[roles[key]]["quotes"].append(i)
                else:
                    refs[role] = None
            kind = q.get("kind") or "direct"
            depth = q.get("depth") or 0
            closed = q.get("closed", True)
            cls = f"m q q-{_attr(kind)} qd{min(int(depth), 3)} qc{hash(g) % 6 if not isinstance(g, int) else g % 6}"
            if not closed:
                cls += " q-open"
            label = f' data-l="{place[i]}/{len(members)}"' if len(members) > 1 else ""
            spans.add(q.get("start"), q.get("end"), RANK["quotes"], cls, f' data-q="{i}" data-g="{_attr(g)}"{label}', focus=True)
            qdata.append(
                {
                    "kind": kind,
                    "closed": bool(closed),
                    "marks": q.get("marks"),
                    "depth": depth,
                    "parent": q.get("parent"),
                    "group": g,
                    "piece": place[i],
                    "pieces": len(members),
                    "speaker": refs["speaker"],
                    "cue": refs["cue"],
                }
            )
        for r, sp in enumerate(role_list):
            spans.add(sp["start"], sp["end"], RANK[sp["role"]], f"m {'spk' if sp['role'] == 'speaker' else 'cue'}", f' data-r="{r}"', focus=True)
        data["quotes"] = qdata
        data["roles"] = role_list
        counts["quotes"] = len(quotes)
        counts["groups"] = len(groups)
        counts["speakers"] = sum(1 for r in role_list if r["role"] == "speaker")

    quantities = layers.get("quantities") or []
    if quantities:
        qty = []
        for i, x in enumerate(quantities):
            kind = x.get("kind") or "quantity"
            spans.add(x.get("start"), x.get("end"), RANK["quantities"], f"m n n-{_attr(kind)}", f' data-n="{i}"', focus=True)
            qty.append({k: x.get(k) for k in QUANTITY_FIELDS if x.get(k) is not None})
        data["quantities"] = qty
        counts["quantities"] = len(quantities)

    sents = layers.get("sentences") or []
    if sents:
        for i, s in enumerate(sents):
            spans.add(s.get("start"), s.get("end"), RANK["sentences"], f"s s{i % 2}", f' data-s="{i}"')
        counts["sentences"] = len(sents)

    other: dict[str, list[dict[str, Any]]] = {}
    for name, layer in layers.items():
        if name in KNOWN or not isinstance(layer, list) or not layer or not isinstance(layer[0], dict):
            continue
        if "start" not in layer[0] or "end" not in layer[0]:
            continue
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", name)
        items = []
        for i, x in enumerate(layer):
            spans.add(x.get("start"), x.get("end"), RANK_OTHER, f"m x x-{safe}", f' data-x="{_attr(name)}" data-i="{i}"', focus=True)
            items.append({k: v for k, v in x.items() if isinstance(v, (str, int, float, bool)) or v is None})
        other[name] = items
        counts[name] = len(layer)
    if other:
        data["other"] = other
    return spans, data, counts


# --------------------------------------------------------------------------- tokens


def _token_codes(text: str, paras: list[tuple[int, int]], tokens: Any) -> dict[str, Any]:
    """Tokens as the page's script reads them: per token, gap from the previous
    token's end (or the paragraph's start), length, and kind, in UTF-16 units
    relative to the paragraph; `para[i]` is the first token of paragraph i."""
    starts, ends, kinds, names = tokens
    starts = np.asarray(starts, dtype=np.int64)
    ends = np.asarray(ends, dtype=np.int64)
    kinds = np.asarray(kinds, dtype=np.int64)
    if len(starts) and np.any(np.diff(starts) < 0):
        order = np.argsort(starts, kind="stable")
        starts, ends, kinds = starts[order], ends[order], kinds[order]
    pstarts = np.array([p[0] for p in paras], dtype=np.int64)
    pends = np.array([p[1] for p in paras], dtype=np.int64)
    # Each token belongs to the paragraph it starts in; clip to that paragraph.
    pidx = np.searchsorted(pstarts, starts, side="right") - 1
    pidx = np.clip(pidx, 0, len(paras) - 1)
    keep = (starts >= pstarts[pidx]) & (starts < pends[pidx]) & (ends > starts)
    starts, ends, kinds, pidx = starts[keep], np.minimum(ends[keep], pends[pidx[keep]]), kinds[keep], pidx[keep]
    astral = np.array([m.start() for m in _ASTRAL.finditer(text)], dtype=np.int64)

    def u16(x: Any) -> Any:
        return x + np.searchsorted(astral, x, side="left") if len(astral) else x

    s16, e16, p16 = u16(starts), u16(ends), u16(pstarts)
    prev = np.empty_like(e16)
    if len(prev):
        prev[0] = 0
        prev[1:] = e16[:-1]
    firsts = np.ones(len(starts), dtype=bool)
    if len(firsts):
        firsts[1:] = pidx[1:] != pidx[:-1]
    prev = np.where(firsts, p16[pidx], prev)
    gap = np.maximum(s16 - prev, 0)
    length = e16 - s16
    vals = np.stack([gap, length, kinds], axis=1).reshape(-1)
    big = vals[vals >= 63]
    codes = _ALPHABET[np.minimum(vals, 63)].tobytes().decode("ascii")
    para = np.searchsorted(pidx, np.arange(len(paras) + 1), side="left")
    return {"kinds": names, "codes": codes, "big": big.tolist(), "para": para.tolist()}


# --------------------------------------------------------------------------- page


def _json_script(obj: Any, id_: str) -> str:
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    s = s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{id_}">{s}</script>'


def _json_safe(x: Any) -> Any:
    if isinstance(x, float) and (x != x or x in (float("inf"), float("-inf"))):
        return None
    if isinstance(x, dict):
        return {k: _json_safe(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_json_safe(v) for v in x]
    return x


CSS = r"""
:root{color-scheme:light dark;--bg:#fdfcf9;--fg:#1d1d1f;--muted:#5f6368;--line:#d8d4ca;--panel:#f3f1ea;
--q0:#ffe08a;--q1:#bfe3ff;--q2:#ffc9d6;--q3:#c9f0c0;--q4:#e3d1ff;--q5:#ffd9b3;
--spk:#0b57d0;--cue:#b3261e;--num:#00695c;--numbg:#d8f3ee;--sent:#8a6d00;
--focus:#1a73e8;--hl:#111;--tok0:#e6eef9;--tok1:#f9ece0;--tokx:#dcf2dc}
@media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e8e6e3;--muted:#a5a9b0;--line:#3a3d44;--panel:#202227;
--q0:#5c4a10;--q1:#123f63;--q2:#5e2232;--q3:#23502a;--q4:#3f2c66;--q5:#5f3a12;
--spk:#8ab4f8;--cue:#f28b82;--num:#7fdbca;--numbg:#123c36;--sent:#e0c060;
--focus:#8ab4f8;--hl:#fff;--tok0:#243447;--tok1:#40301f;--tokx:#1f3d26}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:clamp(16px,1.2vw + 12px,19px)/1.7 Georgia,"Times New Roman",serif}
header{position:sticky;top:0;z-index:2;background:var(--panel);border-bottom:1px solid var(--line);padding:.4rem max(1rem,calc(50% - 22rem));font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
header h1{font-size:1rem;margin:0 0 .2rem;overflow-wrap:anywhere}
.stats{color:var(--muted)}
.controls,.legend{display:flex;flex-wrap:wrap;gap:.2rem .9rem;margin:.2rem 0;padding:0;list-style:none}
.controls label{white-space:nowrap;cursor:pointer}
.legend li{white-space:nowrap}
.legend .m,.legend .s,.legend .t{padding:0 .2em}
main{max-width:46rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}
main p{margin:0 0 .8em;white-space:pre-wrap;unicode-bidi:plaintext;content-visibility:auto;contain-intrinsic-size:auto 3.4em}
main p:empty{margin:0;height:.5em;content-visibility:visible}
.m{border-radius:3px}
.on-q .q,.legend .q{background:var(--qc)}
.on-q .q-partial,.legend .q-partial{background:transparent;border-bottom:2px dotted var(--qc2);box-decoration-break:clone;-webkit-box-decoration-break:clone}
.qc0{--qc:var(--q0);--qc2:#b8860b}.qc1{--qc:var(--q1);--qc2:#1565c0}.qc2{--qc:var(--q2);--qc2:#c2185b}
.qc3{--qc:var(--q3);--qc2:#2e7d32}.qc4{--qc:var(--q4);--qc2:#6a1b9a}.qc5{--qc:var(--q5);--qc2:#e65100}
@media (prefers-color-scheme:dark){.qc0{--qc2:#ffd54f}.qc1{--qc2:#90caf9}.qc2{--qc2:#f48fb1}.qc3{--qc2:#a5d6a7}.qc4{--qc2:#ce93d8}.qc5{--qc2:#ffb74d}}
.on-q .qd1,.on-q .qd2,.on-q .qd3,.legend .qd1{box-shadow:inset 0 0 0 1px var(--fg);padding:0 .1em}
.on-q .q-open:not(.cont)::after,.legend .q-open::after{content:"\2026";color:var(--muted)}
.on-q .q[data-l]:not(.cont)::before,.legend .q[data-l]::before{content:"\00b6" attr(data-l);font:600 .6em/1 system-ui,sans-serif;vertical-align:super;color:var(--muted);margin-right:.15em}
.on-a .spk,.legend .spk{text-decoration:underline solid var(--spk) 2px;text-underline-offset:.2em;color:var(--spk)}
.on-a .cue,.legend .cue{text-decoration:underline wavy var(--cue) 1.5px;text-underline-offset:.2em}
.on-n .n,.legend .n{background:var(--numbg);color:var(--num);outline:1px solid var(--num);outline-offset:-1px;font-variant-numeric:tabular-nums}
.on-s .s:not(.cont)::before,.legend .s::before{content:"";display:inline-block;width:2px;height:1em;margin:0 2px 0 0;vertical-align:-.12em;background:var(--sent)}
.m.hl{outline:2px solid var(--hl);outline-offset:1px}
.m.hl-parent{outline:2px dashed var(--muted);outline-offset:2px}
.m.hl-link{outline:2px solid var(--hl)}
[tabindex]:focus{outline:none}
[tabindex]:focus-visible,input:focus-visible{outline:3px solid var(--focus)!important;outline-offset:2px}
.on-t .t0,.legend .t0{background:var(--tok0);box-shadow:inset -1px 0 var(--muted)}
.on-t .t1,.legend .t1{background:var(--tok1);box-shadow:inset -1px 0 var(--muted)}
.on-t .tx,.legend .tx{background:var(--tokx)}
#cd-tip{position:absolute;z-index:3;max-width:min(22rem,92vw);background:var(--panel);color:var(--fg);border:1px solid var(--line);border-radius:6px;
padding:.4rem .6rem;font:13px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.25);pointer-events:none}
#cd-tip[hidden]{display:none}
#cd-tip b{font-weight:600}
#cd-tip table{border-collapse:collapse}#cd-tip td{padding:0 .5em 0 0;vertical-align:top}
.error{color:var(--cue);font-weight:600}
@media (max-width:40rem){header{position:static}main{padding:.7rem}}
@media print{header{position:static}#cd-tip{display:none}}
"""

JS = r"""
(function(){
"use strict";
var root=document.getElementById("cd-article"),body=document.body,tip=document.getElementById("cd-tip");
var data=JSON.parse(document.getElementById("cd-data").textContent);
var quotes=data.quotes||[],roles=data.roles||[],qty=data.quantities||[],other=data.other||{};
// One pass over the marks: pieces of each quote, of each group, of each speaker or cue.
var byQuote=[],byGroup={},byRole=[];
var marks=root.querySelectorAll(".m");
for(var i=0;i<marks.length;i++){var el=marks[i],d=el.dataset;
 if(d.q!==undefined){(byQuote[d.q]||(byQuote[d.q]=[])).push(el);(byGroup[d.g]||(byGroup[d.g]=[])).push(el);}
 else if(d.r!==undefined){(byRole[d.r]||(byRole[d.r]=[])).push(el);}}
var lit=[];
function light(list,cls){if(!list)return;for(var i=0;i<list.length;i++){list[i].classList.add(cls);lit.push([list[i],cls]);}}
function unlight(){for(var i=0;i<lit.length;i++)lit[i][0].classList.remove(lit[i][1]);lit=[];}
function esc(s){return String(s).replace(/[&<>"]/g,function(c){return {"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c];});}
function row(k,v){return v===undefined||v===null||v===""?"":"<tr><td>"+esc(k)+"</td><td>"+esc(v)+"</td></tr>";}
function num(v){return typeof v==="number"?v.toLocaleString(undefined,{maximumFractionDigits:6}):v;}
function quoteLinks(qi){var q=quotes[qi];light(byGroup[q.group],"hl");
 if(q.parent!==null&&q.parent!==undefined&&quotes[q.parent])light(byGroup[quotes[q.parent].group],"hl-parent");
 if(q.speaker!==null)light(byRole[q.speaker],"hl-link");if(q.cue!==null)light(byRole[q.cue],"hl-link");}
function describe(el){var d=el.dataset,h="";
 if(d.q!==undefined){var q=quotes[d.q];quoteLinks(d.q);
  h="<b>"+(q.kind==="partial"?"Partial quote":"Direct quote")+"</b>"+(q.depth?" (nested, depth "+q.depth+")":"")+"<table>"+
   row("marks",q.marks)+row("closed",q.closed?"yes":"no, continues")+
   (q.pieces>1?row("piece",q.piece+" of "+q.pieces+" (group "+q.group+")"):"")+
   row("speaker",q.speaker!==null?roles[q.speaker].text:"")+row("cue",q.cue!==null?roles[q.cue].text:"")+"</table>";}
 else if(d.r!==undefined){var r=roles[d.r];light(byRole[d.r],"hl");
  for(var i=0;i<r.quotes.length;i++)light(byGroup[quotes[r.quotes[i]].group],"hl-link");
  h="<b>"+(r.role==="speaker"?"Speaker":"Cue")+"</b>: "+esc(r.text)+"<br>"+r.quotes.length+" quote piece"+(r.quotes.length===1?"":"s");}
 else if(d.n!==undefined){var x=qty[d.n];light([el],"hl");
  h="<b>"+esc(x.kind||"quantity")+"</b>: "+esc(x.text||el.textContent)+"<table>"+
   row("value",x.high!==undefined?num(x.value)+" \u2013 "+num(x.high):num(x.value))+row("unit",x.unit)+row("dimension",x.dimension)+
   row("SI",x.si_value!==undefined?num(x.si_value)+(x.si_unit?" "+x.si_unit:""):"")+row("modifier",x.modifier)+row("ISO 8601",x.iso)+"</table>";}
 else if(d.x!==undefined){var o=(other[d.x]||[])[d.i]||{};light([el],"hl");h="<b>"+esc(d.x)+"</b><table>";
  for(var k in o)if(k!=="start"&&k!=="end")h+=row(k,o[k]);h+="</table>";}
 return h;}
var current=null;
function show(el){if(el===current)return;hide();current=el;var h=describe(el);if(!h)return;
 tip.innerHTML=h;tip.hidden=false;el.setAttribute("aria-describedby","cd-tip");
 var r=el.getBoundingClientRect(),t=tip.getBoundingClientRect(),x=window.scrollX+Math.max(4,Math.min(r.left,document.documentElement.clientWidth-t.width-4)),
 y=window.scrollY+r.bottom+6;if(r.bottom+t.height+10>window.innerHeight&&r.top>t.height+10)y=window.scrollY+r.top-t.height-6;
 tip.style.left=x+"px";tip.style.top=y+"px";}
function hide(){unlight();tip.hidden=true;if(current)current.removeAttribute("aria-describedby");current=null;}
function markOf(t){while(t&&t!==root){if(t.classList&&t.classList.contains("m")){
 // a continuation piece stands for its first piece
 return t;}t=t.parentNode;}return null;}
root.addEventListener("mouseover",function(e){var m=markOf(e.target);if(m)show(m);else hide();});
root.addEventListener("mouseleave",hide);
root.addEventListener("focusin",function(e){var m=markOf(e.target);if(m)show(m);});
root.addEventListener("focusout",function(){hide();});
document.addEventListener("keydown",function(e){if(e.key==="Escape")hide();});
// Switches: one class on <body> per layer.
var boxes=document.querySelectorAll("input[data-layer]");
for(var b=0;b<boxes.length;b++){(function(box){var cls="on-"+box.dataset.layer;
 function apply(){body.classList.toggle(cls,box.checked);if(box.dataset.layer==="t")tokens(box.checked);}
 box.addEventListener("change",apply);apply();})(boxes[b]);}
// Tokens, on demand: decoded once, wrapped paragraph by paragraph as they come on screen.
var tok=null,observer=null,paras=root.getElementsByTagName("p"),done=[];
var A="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",VAL={};for(var a=0;a<A.length;a++)VAL[A.charAt(a)]=a;
function decode(){var el=document.getElementById("cd-tokens");if(!el)return null;var t=JSON.parse(el.textContent),c=t.codes,big=t.big,bi=0,
 n=c.length,vals=new Int32Array(n);for(var i=0;i<n;i++){var ch=c.charAt(i);vals[i]=ch==="~"?big[bi++]:VAL[ch];}t.vals=vals;return t;}
function wrap(pi){if(done[pi])return;done[pi]=true;var p=paras[pi],from=tok.para[pi],to=tok.para[pi+1];if(from>=to)return;
 var texts=[],w=document.createTreeWalker(p,NodeFilter.SHOW_TEXT,null),nd;while((nd=w.nextNode()))texts.push(nd);
 var v=tok.vals,k=from,pos=0,s=0,e=0,kind=0;
 function load(){var base=(k===from)?0:e;s=base+v[3*k];e=s+v[3*k+1];kind=v[3*k+2];}
 if(k<to)load();
 for(var ti=0;ti<texts.length&&k<to;ti++){var node=texts[ti],str=node.data,a=pos,b=pos+str.length;pos=b;
  if(s>=b)continue;var frag=document.createDocumentFragment(),cur=a;
  while(k<to&&s<b){var ss=Math.max(s,a),ee=Math.min(e,b);
   if(ss>cur)frag.appendChild(document.createTextNode(str.slice(cur-a,ss-a)));
   if(ee>ss){var sp=document.createElement("span"),kn=tok.kinds[kind];
    sp.className="t "+(kn==="word"?("t"+(k%2)):("tx t"+(k%2)))+" tk-"+kn;sp.title=kn;sp.textContent=str.slice(ss-a,ee-a);frag.appendChild(sp);}
   cur=Math.max(cur,ee);if(e<=b){k++;if(k<to)load();}else break;}
  if(cur<b)frag.appendChild(document.createTextNode(str.slice(cur-a)));
  node.parentNode.replaceChild(frag,node);}}
function tokens(on){if(!on||observer)return;tok=decode();if(!tok)return;
 if(!("IntersectionObserver" in window)){for(var i=0;i<paras.length;i++)wrap(i);return;}
 var index=new Map();for(var j=0;j<paras.length;j++)index.set(paras[j],j);
 observer=new IntersectionObserver(function(es){for(var i=0;i<es.length;i++)if(es[i].isIntersecting){wrap(index.get(es[i].target));observer.unobserve(es[i].target);}},{rootMargin:"400px 0px"});
 for(var j2=0;j2<paras.length;j2++)observer.observe(paras[j2]);}
window.copydeskTokens=function(){if(!tok)tok=decode();if(tok)for(var i=0;i<paras.length;i++)wrap(i);};
})();
"""

_SWATCHES = [
    ("q", '<span class="m q q-direct qc0">‘direct quote’</span>'),
    ("q", '<span class="m q q-partial qc1">‘partial quote’</span>'),
    ("q", '<span class="m q q-direct qc2 qd1">nested</span>'),
    ("q", '<span class="m q q-direct qc3 q-open" data-l="1/3">‘continues in the next paragraph</span>'),
    ("a", '<span class="m spk">speaker</span>'),
    ("a", '<span class="m cue">cue</span>'),
    ("n", '<span class="m n">50 miles</span>'),
    ("s", '<span class="s s0">sentence</span><span class="s s1">boundaries</span>'),
    ("t", '<span class="t t0">to</span><span class="t t1">ken</span><span class="t tx t0">s</span>'),
]

_SWITCHES = [("q", "quotes", "Quotations"), ("a", "quotes", "Speakers &amp; cues"), ("n", "quantities", "Quantities"), ("s", "sentences", "Sentences"), ("t", "tokens", "Tokens")]


def _page(text: str, title: str, markup: list[str], data: dict[str, Any], counts: dict[str, int], tok: dict[str, Any] | None, error: str | None) -> str:
    present = {name for name, n in counts.items() if n} | ({"tokens"} if tok is not None else set())
    switches = []
    for key, layer, label in _SWITCHES:
        if layer not in present:
            continue
        checked = "" if key == "t" else " checked"
        switches.append(f'<label><input type="checkbox" data-layer="{key}"{checked}> {label}</label>')
    legend = "".join(f"<li>{html}</li>" for key, html in _SWATCHES if any(k == key and layer in present for k, layer, _ in _SWITCHES))
    bits = [f"{len(text):,} characters"]
    for name in ("sentences", "quotes", "groups", "speakers", "quantities"):
        if name in counts:
            bits.append(f"{counts[name]:,} {'quote pieces' if name == 'quotes' else 'quotations' if name == 'groups' else name}")
    for name, n in counts.items():
        if name not in ("sentences", "quotes", "groups", "speakers", "quantities"):
            bits.append(f"{n:,} {_attr(name)}")
    if tok is not None:
        bits.append(f"{len(tok['codes']) // 3:,} tokens")
    err = f'<p class="error" role="alert">{_attr(error)}</p>' if error else ""
    body_classes = " ".join(f"on-{k}" for k, layer, _ in _SWITCHES if layer in present and k != "t")
    parts = [
        "<!doctype html>\n",
        '<html lang="und"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        '<meta name="color-scheme" content="light dark">',
        f'<meta name="generator" content="copydesk">',
        f"<title>{_attr(title)}</title><style>{CSS}</style></head>",
        f'<body class="{body_classes}"><header><h1 dir="auto">{_attr(title)}</h1>',
        f'<div class="stats">{" · ".join(bits)}</div>{err}',
        f'<div class="controls" role="group" aria-label="Layers">{"".join(switches)}</div>',
        f'<ul class="legend" aria-label="Legend">{legend}</ul>',
        '<div class="stats">Tab moves through the marks; hover or focus one for details (Esc hides them).</div></header>',
        '<main><article id="cd-article">',
        *markup,
        "</article></main>",
        '<div id="cd-tip" role="tooltip" hidden></div>',
        _json_script(_json_safe(data), "cd-data"),
        _json_script(tok, "cd-tokens") if tok is not None else "",
        f"<script>{JS}</script></body></html>\n",
    ]
    return "".join(parts)


def _default_title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= 90 else line[:89] + "…"
    return "copydesk"


def render_html(analysis_or_dict: Any, text: str | None = None, title: str | None = None, *, tokens: bool = True) -> str:
    """One self-contained HTML page of the text with every layer of the analysis marked.

    `analysis_or_dict` is an `Analysis`, its `to_dict()`, or a record written
    by `copydesk annotate` (then pass its `text`, unless the record has one).
    Every layer present is drawn: quotes (with speakers and cues), quantities,
    sentences, tokens (on demand; `tokens=False` leaves them out of the page)
    and any other layer of `{start, end}` spans. Offsets are `str` indices.
    """
    text, layers, toks = _layers_of(analysis_or_dict, text)
    error = analysis_or_dict.get("error") if isinstance(analysis_or_dict, Mapping) else None
    if title is None:
        doc_id = analysis_or_dict.get("id") if isinstance(analysis_or_dict, Mapping) else None
        title = str(doc_id) if doc_id is not None else None
    return _render(text, layers, toks if tokens else None, title, error)


def _render(text: str, layers: dict[str, Any], toks: Any, title: str | None, error: str | None = None, note: str | None = None) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    text = _clean(text)
    paras = _paragraphs(text)
    spans, data, counts = _layer_spans(text, layers)
    markup = _markup(text, spans, paras)
    tok = _token_codes(text, paras, toks) if toks is not None else None
    if note:
        error = f"{error} ({note})" if error else note
    return _page(text, title if title is not None else _default_title(text), markup, data, counts, tok, error)


#: Characters shown by `_repr_html_` in a notebook; the rest is left to `render_html`.
REPR_LIMIT = 200_000


def _clip(layers: dict[str, Any], limit: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, layer in layers.items():
        if isinstance(layer, list):
            kept = []
            for x in layer:
                if isinstance(x, dict) and isinstance(x.get("start"), int) and x["start"] < limit:
                    x = dict(x)
                    for role in ("speaker", "cue"):
                        if isinstance(x.get(role), dict) and x[role].get("end", 0) > limit:
                            x[role] = None
                    kept.append(x)
            out[name] = kept
        else:
            out[name] = layer
    return out


def analysis_repr_html(analysis: Any, limit: int = REPR_LIMIT) -> str:
    """`Analysis._repr_html_`: the page in a sandboxed `<iframe srcdoc>`, so its
    styles and script cannot touch the notebook. Long texts are cut at `limit`
    characters (the note says so; `render_html` draws the whole text)."""
    text, layers, toks = _layers_of(analysis, None)
    note = ""
    if len(text) > limit:
        note = f"showing the first {limit:,} of {len(text):,} characters; copydesk.html.render_html(analysis) draws them all"
        layers = _clip(layers, limit)
        if toks is not None:
            keep = toks[0] < limit
            toks = (toks[0][keep], toks[1][keep], toks[2][keep], toks[3])
        text = text[:limit]
    page = _render(text, layers, toks, None)
    summary = ", ".join(f"{len(v)} {k}" for k, v in layers.items() if isinstance(v, list))
    srcdoc = _html.escape(page, quote=True)
    caption = _html.escape(f"copydesk Analysis: {len(text):,} characters" + (f", {summary}" if summary else "") + (f" ({note})" if note else ""))
    return (
        f'<div class="copydesk-analysis"><div style="font:12px sans-serif;opacity:.75">{caption}</div>'
        f'<iframe sandbox="allow-scripts" srcdoc="{srcdoc}" title="copydesk analysis" '
        'style="width:100%;height:480px;border:1px solid rgba(127,127,127,.4);border-radius:4px;resize:vertical"></iframe></div>'
    )


def demo_page(paths: Sequence[Path | str], analyses: Iterable[Any], out_dir: Path | str | None = None) -> Path:
    """Write a page per sample article and an index linking them; return the index's path.

    `copydesk demo` calls this with the sample's paths and analyses; the pages go
    to `out_dir` (default: `copydesk-demo` in the system's temporary directory,
    since the installed sample may not be writable).
    """
    import tempfile

    out = Path(out_dir) if out_dir is not None else Path(tempfile.gettempdir()) / "copydesk-demo"
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for path, analysis in zip(paths, analyses):
        path = Path(path)
        page = render_html(analysis, title=f"{path.stem} — {_default_title(analysis.text)}")
        target = out / f"{path.stem}.html"
        _write_atomic(target, page)
        nq = len(analysis.quotes or []) if getattr(analysis, "quotes", None) is not None else 0
        ns = len(analysis.sentences) if getattr(analysis, "sentences", None) is not None else 0
        rows.append(
            f'<li><a href="{_attr(target.name)}">{_attr(path.stem)}</a>: {_attr(_default_title(analysis.text))} '
            f'<span class="stats">({ns} sentences, {nq} quote pieces)</span></li>'
        )
    index = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        "<title>copydesk demo</title><style>:root{color-scheme:light dark}body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:auto;padding:1rem}"
        ".stats{opacity:.7}a:focus-visible{outline:3px solid #1a73e8}</style></head><body><h1>copydesk demo</h1>"
        "<p>The bundled Wikinews sample (GUM corpus, CC BY), one page per article with every layer marked.</p>"
        f"<ul>{''.join(rows)}</ul></body></html>\n"
    )
    path = out / "index.html"
    _write_atomic(path, index)
    return path


def _write_atomic(path: Path, content: str) -> None:
    tmp = path.with_name(path.name + ".partial")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)

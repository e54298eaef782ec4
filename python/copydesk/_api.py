"""The public Python API: thin, typed wrappers over the arrays `_core` returns.

Single-document calls give convenient objects (`Tokens`, `Sentence`,
`Analysis`); batch calls give a `Batch` of columnar arrays (CSR: one offsets
array per layer), so a million documents never mean a million Python objects.
Offsets are `str` indices (code points) unless `offsets="bytes"` is asked for.
"""

from __future__ import annotations

import itertools
import operator
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator, NamedTuple, Sequence, overload

if TYPE_CHECKING:  # numpy is imported by the arrays themselves; the corpus path never needs it
    import numpy as np

from . import _core

TOKEN_KINDS: tuple[str, ...] = tuple(_core.TOKEN_KINDS)
QUOTE_KINDS: tuple[str, ...] = tuple(_core.QUOTE_KINDS)
QUANTITY_KINDS: tuple[str, ...] = tuple(_core.QUANTITY_KINDS)

#: The layers, in output order.
LAYERS: tuple[str, ...] = ("tokens", "sentences", "quotes", "quantities")
#: What `analyze` and `copydesk annotate` produce when no layers are named.
DEFAULT_LAYERS: tuple[str, ...] = tuple(x for x in LAYERS if x != "tokens")


def check_layers(layers: Sequence[str] | str | None, default: Sequence[str] = LAYERS) -> tuple[str, ...]:
    """Validate layer names: an unknown one is a clear error."""
    if layers is None:
        return tuple(default)
    if isinstance(layers, str):
        layers = [x.strip() for x in layers.split(",") if x.strip()]
    out = []
    for name in layers:
        if name not in LAYERS:
            raise _core.CopydeskError(f"unknown layer {name!r}; available: {', '.join(LAYERS)}")
        if name not in out:
            out.append(name)
    return tuple(out)


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str


class Sentence(NamedTuple):
    text: str
    start: int
    end: int


class Span(NamedTuple):
    """A stretch of text: a quotation's speaker or cue, what a count counts."""

    text: str
    start: int
    end: int


class Quote(NamedTuple):
    """One quotation piece (see DESIGN.md, "Quote piece").

    `start:end` runs from the opening mark to the closing mark inclusive, or to
    the end of the paragraph when the quotation is left open (`closed` False).
    Pieces of one multi-paragraph quotation share `group`; `parent` is the
    index of the quotation this one is nested in, `depth` its nesting level.
    """

    text: str
    start: int
    end: int
    closed: bool
    kind: str
    group: int
    depth: int
    parent: int | None
    marks: str
    speaker: Span | None
    cue: Span | None

    def to_dict(self) -> dict[str, Any]:
        d = self._asdict()
        del d["text"]
        for name in ("speaker", "cue"):
            span = d[name]
            d[name] = None if span is None else {"start": span.start, "end": span.end}
        return d


def _slice(text: str, data: bytes | None, start: int, end: int) -> str:
    if data is None:
        return text[start:end]
    return data[start:end].decode("utf-8")


class Tokens(Sequence[Token]):
    """The tokens of one text, backed by arrays.

    `len`, indexing and iteration give `Token(text, start, end, kind)`;
    `.starts`, `.ends` (int64) and `.kinds` (uint8 codes into `TOKEN_KINDS`)
    give the arrays without one Python object per token.
    """

    __slots__ = ("text", "starts", "ends", "kinds", "offsets", "_data")

    def __init__(self, text: str, starts: np.ndarray, ends: np.ndarray, kinds: np.ndarray, offsets: str = "chars"):
        self.text = text
        self.starts = starts
        self.ends = ends
        self.kinds = kinds
        self.offsets = offsets
        self._data = text.encode("utf-8", "surrogatepass") if offsets == "bytes" else None

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> Tokens: ...
    def __getitem__(self, i: int | slice) -> Token | Tokens:
        if isinstance(i, slice):
            return Tokens(self.text, self.starts[i], self.ends[i], self.kinds[i], self.offsets)
        s, e = int(self.starts[i]), int(self.ends[i])
        return Token(_slice(self.text, self._data, s, e), s, e, TOKEN_KINDS[self.kinds[i]])

    def __iter__(self) -> Iterator[Token]:
        text, data = self.text, self._data
        for s, e, k in zip(self.starts.tolist(), self.ends.tolist(), self.kinds.tolist()):
            yield Token(_slice(text, data, s, e), s, e, TOKEN_KINDS[k])

    def __repr__(self) -> str:
        head = ", ".join(repr(t.text) for t in self[:8])
        return f"Tokens([{head}{', …' if len(self) > 8 else ''}], n={len(self)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tokens):
            return NotImplemented
        return (
            self.text == other.text
            and self.offsets == other.offsets
            and self.starts.tolist() == other.starts.tolist()
            and self.ends.tolist() == other.ends.tolist()
            and self.kinds.tolist() == other.kinds.tolist()
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (Tokens, (self.text, self.starts, self.ends, self.kinds, self.offsets))

    @property
    def texts(self) -> list[str]:
        """The token strings, in order."""
        return [t.text for t in self]

    @property
    def kind_names(self) -> list[str]:
        return [TOKEN_KINDS[k] for k in self.kinds.tolist()]

    def to_list(self) -> list[dict[str, Any]]:
        """Tokens in the output schema: `{start, end, kind}` each."""
        return [
            {"start": s, "end": e, "kind": TOKEN_KINDS[k]}
            for s, e, k in zip(self.starts.tolist(), self.ends.tolist(), self.kinds.tolist())
        ]


class Spans(Sequence[Sentence]):
    """Sentence spans of one text, backed by `.starts` and `.ends` arrays;
    indexing and iteration give `Sentence(text, start, end)`."""

    __slots__ = ("text", "starts", "ends", "offsets", "_data")

    def __init__(self, text: str, starts: np.ndarray, ends: np.ndarray, offsets: str = "chars"):
        self.text = text
        self.starts = starts
        self.ends = ends
        self.offsets = offsets
        self._data = text.encode("utf-8", "surrogatepass") if offsets == "bytes" else None

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Sentence: ...
    @overload
    def __getitem__(self, i: slice) -> Spans: ...
    def __getitem__(self, i: int | slice) -> Sentence | Spans:
        if isinstance(i, slice):
            return Spans(self.text, self.starts[i], self.ends[i], self.offsets)
        s, e = int(self.starts[i]), int(self.ends[i])
        return Sentence(_slice(self.text, self._data, s, e), s, e)

    def __iter__(self) -> Iterator[Sentence]:
        text, data = self.text, self._data
        for s, e in zip(self.starts.tolist(), self.ends.tolist()):
            yield Sentence(_slice(text, data, s, e), s, e)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Spans):
            return (
                self.text == other.text
                and self.offsets == other.offsets
                and self.starts.tolist() == other.starts.tolist()
                and self.ends.tolist() == other.ends.tolist()
            )
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Spans, (self.text, self.starts, self.ends, self.offsets))

    def to_list(self) -> list[dict[str, int]]:
        """Spans in the output schema: `{start, end}` each."""
        return [{"start": s, "end": e} for s, e in zip(self.starts.tolist(), self.ends.tolist())]


class Quantity(NamedTuple):
    """A number, quantity, sum of money, percentage, date or time (DESIGN.md, "Quantity").

    `value` is the number as written, scaled (`1.2 million` -> 1200000); None
    for dates and times, whose `iso` says what they are. `si_value`/`si_unit`
    give it in SI base units where the dimension has one.
    """

    text: str
    start: int
    end: int
    kind: str
    value: float | None
    high: float | None
    unit: str | None
    dimension: str | None
    si_value: float | None
    si_unit: str | None
    modifier: str | None
    iso: str | None
    #: What a plain count counts (`1.2m people` -> `people`), None otherwise.
    counted: Span | None = None
    #: `up` or `down` for the amount of a change (`rose 5%`, `a 19% drop`).
    change: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = self._asdict()
        if self.counted is not None:
            d["counted"] = {"start": self.counted.start, "end": self.counted.end}
        return d


def _finite(x: float) -> float | None:
    return None if x != x else x


def _quantities(text: str, cols: dict[str, Any], rows: slice, offsets: str) -> list[Quantity]:
    """Quantity objects for one document from the quantity columns of a batch."""
    data = text.encode("utf-8", "surrogatepass") if offsets == "bytes" else None
    c = {k: (v[rows].tolist() if hasattr(v, "tolist") else v[rows]) for k, v in cols.items() if k != "offsets"}

    def span(s: int, e: int) -> Span | None:
        return None if s < 0 else Span(_slice(text, data, s, e), s, e)

    return [
        Quantity(
            _slice(text, data, s, e),
            s,
            e,
            QUANTITY_KINDS[c["kinds"][i]],
            _finite(c["values"][i]),
            _finite(c["highs"][i]),
            c["units"][i],
            c["dimensions"][i],
            _finite(c["si_values"][i]),
            c["si_units"][i],
            c["modifiers"][i],
            c["isos"][i],
            span(c["counted_starts"][i], c["counted_ends"][i]),
            c["changes"][i],
        )
        for i, (s, e) in enumerate(zip(c["starts"], c["ends"]))
    ]


def _quotes(text: str, cols: dict[str, Any], rows: slice, offsets: str) -> list[Quote]:
    """Quote objects for one document from the quote columns of a batch."""
    data = text.encode("utf-8", "surrogatepass") if offsets == "bytes" else None

    def span(s: int, e: int) -> Span | None:
        return None if s < 0 else Span(_slice(text, data, s, e), s, e)

    lists = {k: (v[rows].tolist() if hasattr(v, "tolist") else v[rows]) for k, v in cols.items() if k != "offsets"}
    out = []
    for i, (s, e) in enumerate(zip(lists["starts"], lists["ends"])):
        parent = lists["parents"][i]
        out.append(
            Quote(
                _slice(text, data, s, e),
                s,
                e,
                bool(lists["closed"][i]),
                QUOTE_KINDS[lists["kinds"][i]],
                lists["groups"][i],
                lists["depths"][i],
                None if parent < 0 else parent,
                lists["marks"][i],
                span(lists["speaker_starts"][i], lists["speaker_ends"][i]),
                span(lists["cue_starts"][i], lists["cue_ends"][i]),
            )
        )
    return out


def tokenize(text: str, *, mode: str = "ud", offsets: str = "chars", surrogates: str = "error") -> Tokens:
    """Tokens of `text`.

    `mode="ud"` follows Universal Dependencies English (clitics and hyphenated
    compounds split, urls, emails, hashtags and emoji whole); `mode="uax29"`
    gives Unicode's default word boundaries. A lone surrogate raises
    `CopydeskError` naming its position, unless `surrogates="replace"`.
    """
    r = _core.tokenize(text, mode=mode, offsets=offsets, surrogates=surrogates)
    return Tokens(text, r["starts"], r["ends"], r["kinds"], offsets)


def sentences(text: str, *, offsets: str = "chars", surrogates: str = "error") -> Spans:
    """Sentences of `text`: a sequence of `Sentence(text, start, end)` backed by arrays."""
    r = _core.sentences(text, offsets=offsets, surrogates=surrogates)
    return Spans(text, r["starts"], r["ends"], offsets)


def quantities(text: str, *, offsets: str = "chars", surrogates: str = "error") -> list[Quantity]:
    """Numbers, quantities, money, percentages, dates and times in `text`, normalised."""
    a = analyze(text, layers=("quantities",), offsets=offsets, surrogates=surrogates)
    assert a.quantities is not None
    return a.quantities


def quotes(text: str, *, offsets: str = "chars", surrogates: str = "error") -> list[Quote]:
    """Quotations of `text`, in document order, with their speakers and cues."""
    a = analyze(text, layers=("quotes",), offsets=offsets, surrogates=surrogates)
    assert a.quotes is not None
    return a.quotes


class Rewrite(NamedTuple):
    """One mention `normalize` rewrote: `text` at `start:end` of the new text
    replaces `original` at `original_start:original_end` of the original."""

    text: str
    start: int
    end: int
    original: str
    original_start: int
    original_end: int
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


@dataclass(frozen=True)
class Normalized:
    """A text with its mentions in canonical written form, and the map back.

    `text` is the new text, `original` the text given; `rewrites` are the
    mentions whose written form changed, in order. Between rewrites the two
    texts are identical, so `to_original` and `to_new` map any offset (a
    binary search over the rewrites): an offset inside a rewrite maps to the
    start of what it replaced, its end to the end.
    """

    text: str
    original: str
    rewrites: tuple[Rewrite, ...] = ()
    _starts: list[int] = field(init=False, repr=False, compare=False)
    _original_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [r.start for r in self.rewrites])
        object.__setattr__(self, "_original_starts", [r.original_start for r in self.rewrites])

    def to_original(self, offset: int) -> int:
        """The offset in `original` of `offset` (0 to `len(text)`) in `text`; non-decreasing."""
        offset = operator.index(offset)
        r = self._rewrite_at(self._starts, offset, len(self.text))
        if r is None:
            return offset
        return r.original_start if offset < r.end else r.original_end + (offset - r.end)

    def to_new(self, offset: int) -> int:
        """The offset in `text` of `offset` (0 to `len(original)`) in `original`; non-decreasing."""
        offset = operator.index(offset)
        r = self._rewrite_at(self._original_starts, offset, len(self.original))
        if r is None:
            return offset
        return r.start if offset < r.original_end else r.end + (offset - r.original_end)

    def _rewrite_at(self, starts: list[int], offset: int, limit: int) -> Rewrite | None:
        """The last rewrite starting at or before `offset`."""
        if not 0 <= offset <= limit:
            raise IndexError(f"offset {offset} out of range 0..{limit}")
        i = bisect_right(starts, offset) - 1
        return self.rewrites[i] if i >= 0 else None

    def to_dict(self) -> dict[str, Any]:
        """The new text and the rewrites' offsets and kinds."""
        return {
            "text": self.text,
            "rewrites": [
                {
                    "start": r.start,
                    "end": r.end,
                    "original_start": r.original_start,
                    "original_end": r.original_end,
                    "kind": r.kind,
                }
                for r in self.rewrites
            ],
        }


def normalize(
    text: str,
    *,
    units: str = "canonical",
    kinds: Iterable[str] | str | None = None,
    surrogates: str = "error",
) -> Normalized:
    """`text` with every number, quantity, sum of money and percentage written
    in one canonical form, and a map from the new offsets to the old.

    Numbers in plain digits (`1.2 million` -> `1200000`, `twenty-five` -> `25`),
    ordinals as `21st`, units as their canonical symbols (`50 miles` -> `50 mi`;
    `units="si"`: `80467.2 m`), money as amount and ISO code (`£3bn` ->
    `3000000000 GBP`), `12%`, ranges with an en dash (`300–400 km`), dates and
    times as ISO 8601 when asked for. Modifiers (`around`) stay as written.
    The forms are listed in docs/DESIGN.md (under "Quantity").

    `kinds` names the quantity kinds to rewrite (see `QUANTITY_KINDS`; a
    comma-separated string works too); the default is every kind but `date`
    and `time`. With `surrogates="replace"` a lone surrogate is U+FFFD in
    `.text`.
    """
    if isinstance(kinds, str):
        kinds = [k.strip() for k in kinds.split(",") if k.strip()]
    r = _core.normalize(text, units=units, kinds=None if kinds is None else list(kinds), surrogates=surrogates)
    new = r["text"]
    rewrites = tuple(
        Rewrite(new[s:e], s, e, text[os:oe], os, oe, QUANTITY_KINDS[k])
        for s, e, os, oe, k in zip(
            r["starts"].tolist(),
            r["ends"].tolist(),
            r["original_starts"].tolist(),
            r["original_ends"].tolist(),
            r["kinds"].tolist(),
        )
    )
    return Normalized(new, text, rewrites)


@dataclass(frozen=True)
class Analysis:
    """Every requested layer of one text."""

    text: str
    tokens: Tokens | None = None
    sentences: Spans | None = None
    quotes: list[Quote] | None = None
    quantities: list[Quantity] | None = None
    offsets: str = "chars"
    layers: tuple[str, ...] = field(default=LAYERS)

    def _repr_html_(self) -> str:
        """A notebook shows the article with every layer marked."""
        from .html import analysis_repr_html

        return analysis_repr_html(self)

    def to_dict(self) -> dict[str, Any]:
        """The layers in the output schema of `copydesk annotate` (without `id`)."""
        out: dict[str, Any] = {}
        if self.tokens is not None:
            out["tokens"] = self.tokens.to_list()
        if self.sentences is not None:
            out["sentences"] = self.sentences.to_list()
        if self.quotes is not None:
            out["quotes"] = [q.to_dict() for q in self.quotes]
        if self.quantities is not None:
            out["quantities"] = [q.to_dict() for q in self.quantities]
        return out


@dataclass(frozen=True)
class SpanTable:
    """One layer of a batch, CSR: rows of document `i` are `offsets[i]:offsets[i+1]`."""

    offsets: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    kinds: np.ndarray | None = None

    def row(self, i: int) -> slice:
        return slice(int(self.offsets[i]), int(self.offsets[i + 1]))


class Batch(Sequence[Analysis]):
    """The analyses of a list of texts, as columnar arrays per layer.

    `batch.tokens` / `batch.sentences` are `SpanTable`s; `batch[i]` builds the
    `Analysis` of document `i` on demand.
    """

    def __init__(self, texts: Sequence[str], raw: dict[str, dict[str, np.ndarray]], layers: tuple[str, ...], offsets: str):
        self.texts = texts
        self.layers = layers
        self.offsets = offsets
        self.tokens = SpanTable(**raw["tokens"]) if "tokens" in raw else None
        self.sentences = SpanTable(**raw["sentences"]) if "sentences" in raw else None
        #: Quote columns (CSR): offsets, starts, ends, closed, kinds, groups,
        #: depths, parents, marks, speaker_starts/ends, cue_starts/ends (-1: none).
        self.quotes: dict[str, Any] | None = raw.get("quotes")
        #: Quantity columns (CSR): offsets, starts, ends, kinds, values, highs,
        #: si_values (NaN: unknown), units, dimensions, si_units, modifiers, isos.
        self.quantities: dict[str, Any] | None = raw.get("quantities")

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Analysis: ...
    @overload
    def __getitem__(self, i: slice) -> list[Analysis]: ...
    def __getitem__(self, i: int | slice) -> Analysis | list[Analysis]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        text = self.texts[i]
        tokens = sents = None
        if self.tokens is not None:
            r = self.tokens.row(i)
            assert self.tokens.kinds is not None
            tokens = Tokens(text, self.tokens.starts[r], self.tokens.ends[r], self.tokens.kinds[r], self.offsets)
        if self.sentences is not None:
            r = self.sentences.row(i)
            sents = Spans(text, self.sentences.starts[r], self.sentences.ends[r], self.offsets)
        quotes = None
        if self.quotes is not None:
            off = self.quotes["offsets"]
            quotes = _quotes(text, self.quotes, slice(int(off[i]), int(off[i + 1])), self.offsets)
        quantities = None
        if self.quantities is not None:
            off = self.quantities["offsets"]
            quantities = _quantities(text, self.quantities, slice(int(off[i]), int(off[i + 1])), self.offsets)
        return Analysis(text, tokens, sents, quotes, quantities, self.offsets, self.layers)


def analyze(
    text: str,
    *,
    layers: Sequence[str] | str | None = None,
    tokens: bool | None = None,
    sentences: bool | None = None,
    quotes: bool | None = None,
    quantities: bool | None = None,
    offsets: str = "chars",
    surrogates: str = "error",
) -> Analysis:
    """Every layer of `text` (or those named in `layers`); `tokens=False`
    and the like switch single layers off."""
    chosen = _choose(layers, tokens=tokens, sentences=sentences, quotes=quotes, quantities=quantities)
    return analyze_batch([text], layers=chosen, offsets=offsets, threads=1, surrogates=surrogates)[0]


def _choose(layers: Sequence[str] | str | None, **switches: bool | None) -> tuple[str, ...]:
    chosen = list(check_layers(layers))
    for name, on in switches.items():
        if on is False and name in chosen:
            chosen.remove(name)
        elif on is True and name not in chosen:
            chosen.append(name)
    return tuple(x for x in LAYERS if x in chosen)


def analyze_batch(
    texts: Sequence[str],
    *,
    layers: Sequence[str] | str | None = None,
    offsets: str = "chars",
    threads: int | None = None,
    surrogates: str = "error",
) -> Batch:
    """Analyse many texts with the GIL released, in parallel unless `threads=1`."""
    chosen = check_layers(layers)
    texts = texts if isinstance(texts, list) else list(texts)
    raw = _core.analyze_batch(
        texts,
        tokens="tokens" in chosen,
        sentences="sentences" in chosen,
        quotes="quotes" in chosen,
        quantities="quantities" in chosen,
        offsets=offsets,
        threads=threads,
        surrogates=surrogates,
    )
    return Batch(texts, raw, chosen, offsets)


def tokenize_batch(texts: Sequence[str], *, offsets: str = "chars", threads: int | None = None) -> Batch:
    """Tokens of many texts: `batch.tokens` is a `SpanTable`."""
    return analyze_batch(texts, layers=("tokens",), offsets=offsets, threads=threads)


def sentences_batch(texts: Sequence[str], *, offsets: str = "chars", threads: int | None = None) -> Batch:
    """Sentences of many texts: `batch.sentences` is a `SpanTable`."""
    return analyze_batch(texts, layers=("sentences",), offsets=offsets, threads=threads)


def analyze_many(
    texts: Iterable[str],
    *,
    layers: Sequence[str] | str | None = None,
    threads: int | None = None,
    window: int = 1024,
    offsets: str = "chars",
    surrogates: str = "error",
) -> Iterator[Analysis]:
    """Analyses a stream of texts, yielding one `Analysis` per text in input order.

    Texts are taken `window` at a time and analysed in parallel with the GIL
    released (`threads` workers; default `COPYDESK_NUM_THREADS`, else every
    core), so memory is bounded by the window, not by the corpus; an iterator
    of a million documents is never held whole.
    """
    if window < 1:
        raise ValueError("window must be at least 1")
    chosen = check_layers(layers)
    it = iter(texts)
    while chunk := list(itertools.islice(it, window)):
        yield from analyze_batch(chunk, layers=chosen, threads=threads, offsets=offsets, surrogates=surrogates)


@dataclass(frozen=True)
class Annotator:
    """A picklable configuration, for engines that ship work to other processes.

        annotate = copydesk.Annotator(layers=("sentences",), threads=1)
        annotate("One. Two.")          # an Analysis
        annotate.many(texts)           # an iterator of them
    """

    layers: tuple[str, ...] = LAYERS
    offsets: str = "chars"
    threads: int | None = None
    surrogates: str = "error"

    def __post_init__(self) -> None:
        object.__setattr__(self, "layers", check_layers(self.layers))

    def __call__(self, text: str) -> Analysis:
        return analyze(text, layers=self.layers, offsets=self.offsets, surrogates=self.surrogates)

    def many(self, texts: Iterable[str], window: int = 1024) -> Iterator[Analysis]:
        return analyze_many(
            texts, layers=self.layers, threads=self.threads, window=window, offsets=self.offsets, surrogates=self.surrogates
        )

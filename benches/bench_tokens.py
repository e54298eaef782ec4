"""Speed of tokens and sentences: copydesk and its anchors, same run, same input.

    COPYDESK_BENCH_CORPUS=/tmp/corpus.jsonl pytest benches/bench_tokens.py --benchmark-json=/tmp/bench.json
    python benches/report.py /tmp/bench.json

Every benchmark takes Python ``str`` documents from the corpus (see corpus.py),
makes one call per document on one thread, and gets offsets out. A round is one
pass over the benchmark's documents: the whole corpus, or for the slow anchors
(spaCy, pySBD) an evenly spread slice of about ``slice_mb`` MB.

The corpus repeats the gold text (0.63 MB) about 80 times. That is harmless
for tools that keep no state between calls, but spaCy's tokenizer caches the
tokenization of every whitespace-separated chunk it has seen, and on repeated
text it runs about twice as fast as on text it has not seen. The spaCy rows
therefore get a new pipeline each round and see each distinct document once
(``unique=True``: one pass over the gold); ``spacy_blank_tokenizer_warm``
keeps one tokenizer, warmed on the gold, to show the other end.

``extra_info`` records ``mb`` (10**6 bytes of UTF-8 text processed per round),
``docs``, ``items`` (tokens or sentences found per round) and
``mb_per_s`` (= mb / mean round time).

Each round gets fresh copies of the strings (made in the untimed setup): a
corpus job sees every string once, and CPython caches the UTF-8 form of a
non-ASCII ``str`` inside it the first time a Rust extension asks for it, so
reusing one set of strings would let later rounds skip that work.

Environment:
    COPYDESK_BENCH_CORPUS  corpus file; built there if it does not exist, in a
                           temporary directory if unset
    COPYDESK_BENCH_MB      size of a corpus built here (default 50)
    COPYDESK_BENCH_ROUNDS  rounds per benchmark (default 3)
    COPYDESK_GOLD_DIR      gold directory to build from (default: see corpus.py)

Select with markers: ``-m anchor`` (anchors only), ``-m copydesk``,
``-m tokens``, ``-m sentences``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import blingfire
import pysbd
from quantulum3 import parser as quantulum_parser
from text_to_num import alpha2digit
import pytest
import sentencex
import spacy
from tokenizers import pre_tokenizers

import copydesk
from copydesk import _core

import corpus as corpus_mod

ROUNDS = int(os.environ.get("COPYDESK_BENCH_ROUNDS", "3"))
DEFAULT_MB = float(os.environ.get("COPYDESK_BENCH_MB", "50"))

# Slices for the anchors too slow for the whole corpus in a sane time
# (spaCy ~1.5-3 MB/s, pySBD ~0.2 MB/s). The cold spaCy rows take distinct
# documents only, so they get one pass over the gold (0.63 MB) whatever the cap.
SPACY_SLICE_MB = 2.0
SPACY_WARM_SLICE_MB = 5.0
PYSBD_SLICE_MB = 1.0
SHORT_ROUNDS = max(ROUNDS, 5)  # for rounds well under a second


# --------------------------------------------------------------------------- corpus


@dataclass
class Corpus:
    path: str
    texts: List[str]
    sizes: List[int]  # UTF-8 bytes of each text
    _slices: Dict[Tuple[Optional[float], bool], List[int]] = field(default_factory=dict)

    @property
    def mb(self) -> float:
        return sum(self.sizes) / corpus_mod.MB

    def slice(self, slice_mb: Optional[float], unique: bool = False) -> List[int]:
        """Indices of the documents a benchmark processes.

        All of them when ``slice_mb`` is None or covers the corpus; else about
        ``slice_mb`` MB spread evenly over the corpus (every k-th document).
        With ``unique``, each distinct text at most once: the first
        occurrences, in order, up to ``slice_mb`` MB.
        """
        key = (slice_mb, unique)
        if key in self._slices:
            return self._slices[key]
        limit = None if slice_mb is None else slice_mb * corpus_mod.MB
        if unique:
            seen = set()
            idx: List[int] = []
            size = 0
            for i, text in enumerate(self.texts):
                if limit is not None and size >= limit:
                    break
                if text not in seen:
                    seen.add(text)
                    idx.append(i)
                    size += self.sizes[i]
        else:
            total = sum(self.sizes)
            if limit is None or limit >= total:
                idx = list(range(len(self.texts)))
            else:
                step = max(1, int(total // limit))
                idx = list(range(0, len(self.texts), step))
        self._slices[key] = idx
        return idx


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    path = os.environ.get("COPYDESK_BENCH_CORPUS")
    if path:
        if not Path(path).exists():
            info = corpus_mod.build_corpus(None, path, DEFAULT_MB)
            print(f"\nbuilt {path}: {info['docs']} documents, {info['mb']:.2f} MB")
    else:
        path = str(tmp_path_factory.mktemp("bench-corpus") / "corpus.jsonl")
        info = corpus_mod.build_corpus(None, path, DEFAULT_MB)
        print(f"\nbuilt {path}: {info['docs']} documents, {info['mb']:.2f} MB")
    texts = corpus_mod.load_texts(path)
    if not texts:
        raise ValueError(f"empty corpus: {path}")
    return Corpus(path, texts, [len(t.encode("utf-8")) for t in texts])


def _fresh(texts: List[str]) -> List[str]:
    """New str objects equal to ``texts``, without CPython's cached UTF-8 form."""
    return [t.encode("utf-8").decode("utf-8") for t in texts]


def run(
    benchmark,
    corpus: Corpus,
    fn: Callable[..., int],
    slice_mb: Optional[float] = None,
    unique: bool = False,
    state: Optional[Callable[[], Any]] = None,
    warmup: Optional[Callable[[List[str]], None]] = None,
    rounds: int = ROUNDS,
) -> int:
    """Time ``fn(texts)`` over the corpus (or a slice), one round = one pass.

    With ``state``, each round calls ``fn(texts, state())``, the state made in
    the untimed setup (a new spaCy pipeline). ``warmup(texts)`` runs once before
    timing; by default ``fn`` runs on a few documents (lazy initialisation).
    """
    idx = corpus.slice(slice_mb, unique)
    texts = [corpus.texts[i] for i in idx]
    mb = sum(corpus.sizes[i] for i in idx) / corpus_mod.MB
    if warmup is not None:
        warmup(texts)
    elif state is not None:
        fn(_fresh(texts[:20]), state())
    else:
        fn(_fresh(texts[:20]))

    def setup():
        if state is None:
            return (_fresh(texts),), {}
        return (_fresh(texts), state()), {}

    items = benchmark.pedantic(fn, setup=setup, rounds=rounds, iterations=1, warmup_rounds=0)
    benchmark.extra_info["mb"] = round(mb, 6)
    benchmark.extra_info["docs"] = len(texts)
    benchmark.extra_info["unique_docs"] = unique
    benchmark.extra_info["items"] = items
    benchmark.extra_info["corpus_mb"] = round(corpus.mb, 6)
    stats = getattr(benchmark, "stats", None)
    if stats is not None:  # None under --benchmark-disable
        benchmark.extra_info["mb_per_s"] = mb / stats.stats.mean
    assert items > 0
    return items


# --------------------------------------------------------------------------- copydesk, tokens


def copydesk_tokenize(texts: List[str]) -> int:
    n = m = 0
    for text in texts:
        toks = copydesk.tokenize(text)
        n += len(toks.starts)
        m += len(toks.ends)
    assert n == m
    return n


def copydesk_core_tokenize(texts: List[str]) -> int:
    n = m = 0
    for text in texts:
        r = _core.tokenize(text)
        n += len(r["starts"])
        m += len(r["ends"])
    assert n == m
    return n


@pytest.mark.copydesk
@pytest.mark.tokens
@pytest.mark.benchmark(group="tokens")
def test_copydesk_tokenize(benchmark, corpus):
    run(benchmark, corpus, copydesk_tokenize)


@pytest.mark.copydesk
@pytest.mark.tokens
@pytest.mark.benchmark(group="tokens")
def test_copydesk_core_tokenize(benchmark, corpus):
    run(benchmark, corpus, copydesk_core_tokenize)


# --------------------------------------------------------------------------- copydesk, sentences (tokens included)


def copydesk_sentences(texts: List[str]) -> int:
    n = 0
    for text in texts:
        n += len(copydesk.sentences(text))  # list of Sentence(text, start, end)
    return n


def copydesk_core_sentences(texts: List[str]) -> int:
    n = m = 0
    for text in texts:
        r = _core.sentences(text)
        n += len(r["starts"])
        m += len(r["ends"])
    assert n == m
    return n


@pytest.mark.copydesk
@pytest.mark.sentences
@pytest.mark.benchmark(group="sentences")
def test_copydesk_sentences(benchmark, corpus):
    run(benchmark, corpus, copydesk_sentences)


@pytest.mark.copydesk
@pytest.mark.sentences
@pytest.mark.benchmark(group="sentences")
def test_copydesk_core_sentences(benchmark, corpus):
    run(benchmark, corpus, copydesk_core_sentences)


#: Documents per call for the layer benchmarks: one thread, but a corpus
#: job's batch, so that handing a dozen column arrays back per call is not
#: what is measured.
BATCH = 256


def _batches(texts: List[str]) -> Any:
    for k in range(0, len(texts), BATCH):
        yield texts[k : k + BATCH]


def copydesk_tokens_quotes(texts: List[str]) -> int:
    """Tokens and quotations (quotes read sentences, so those are segmented
    too), columns out, one thread: the figure of the quotation issue."""
    n = 0
    for chunk in _batches(texts):
        r = _core.analyze_batch(chunk, tokens=True, sentences=False, quotes=True, quantities=False, threads=1)
        n += len(r["quotes"]["starts"])
    return n


@pytest.mark.copydesk
@pytest.mark.quotes
@pytest.mark.benchmark(group="quotes")
def test_copydesk_tokens_and_quotes(benchmark, corpus):
    run(benchmark, corpus, copydesk_tokens_quotes)


def copydesk_tokens_quantities(texts: List[str]) -> int:
    """Tokens and quantities, columns out: the figure of the quantities issue."""
    n = 0
    for chunk in _batches(texts):
        r = _core.analyze_batch(chunk, tokens=True, sentences=False, quotes=False, quantities=True, threads=1)
        n += len(r["quantities"]["starts"])
    return n


@pytest.mark.copydesk
@pytest.mark.quantities
@pytest.mark.benchmark(group="quantities")
def test_copydesk_tokens_and_quantities(benchmark, corpus):
    run(benchmark, corpus, copydesk_tokens_quantities)


def copydesk_all_layers(texts: List[str]) -> int:
    """Every layer (tokens, sentences, quotes, quantities), columns out."""
    n = 0
    for chunk in _batches(texts):
        r = _core.analyze_batch(chunk, threads=1)
        n += len(r["tokens"]["starts"])
    return n


@pytest.mark.copydesk
@pytest.mark.benchmark(group="all layers")
def test_copydesk_all_layers(benchmark, corpus):
    run(benchmark, corpus, copydesk_all_layers)


# --------------------------------------------------------------------------- anchors, tokens

def new_spacy_tokenizer():
    return spacy.blank("en").tokenizer


_WARM_TOKENIZER = new_spacy_tokenizer()
_BERT = pre_tokenizers.BertPreTokenizer()
_WHITESPACE = pre_tokenizers.Whitespace()
_WORD_RE = re.compile(r"\w+|[^\w\s]")


def spacy_tokenizer(texts: List[str], tokenizer=None) -> int:
    if tokenizer is None:
        tokenizer = _WARM_TOKENIZER
    n = 0
    for text in texts:
        offsets = [(t.idx, t.idx + len(t)) for t in tokenizer(text)]
        n += len(offsets)
    return n


def blingfire_words(texts: List[str]) -> int:
    words_with_offsets = blingfire.text_to_words_with_offsets
    n = 0
    for text in texts:
        _, offsets = words_with_offsets(text)
        n += len(offsets)
    return n


def hf_whitespace(texts: List[str]) -> int:
    pre = _WHITESPACE.pre_tokenize_str
    n = 0
    for text in texts:
        n += len(pre(text))  # [(piece, (start, end)), ...]
    return n


def hf_bert(texts: List[str]) -> int:
    pre = _BERT.pre_tokenize_str
    n = 0
    for text in texts:
        n += len(pre(text))
    return n


def regex_words(texts: List[str]) -> int:
    finditer = _WORD_RE.finditer
    n = 0
    for text in texts:
        offsets = [m.span() for m in finditer(text)]
        n += len(offsets)
    return n


@pytest.mark.anchor
@pytest.mark.tokens
@pytest.mark.benchmark(group="tokens")
def test_spacy_blank_tokenizer(benchmark, corpus):
    """A new tokenizer each round, each distinct document once: a cold cache."""
    run(benchmark, corpus, spacy_tokenizer, slice_mb=SPACY_SLICE_MB, unique=True,
        state=new_spacy_tokenizer, rounds=SHORT_ROUNDS)


@pytest.mark.anchor
@pytest.mark.tokens
@pytest.mark.benchmark(group="tokens")
def test_spacy_blank_tokenizer_warm(benchmark, corpus):
    """One tokenizer, warmed on every distinct document first: every chunk is a cache hit."""

    def warmup(texts):
        spacy_tokenizer([corpus.texts[i] for i in corpus.slice(None, unique=True)])

    run(benchmark, corpus, spacy_tokenizer, slice_mb=SPACY_WARM_SLICE_MB, warmup=warmup)


@pytest.mark.anchor
@pytest.mark.tokens
@pytest.mark.benchmark(group="tokens")
def test_blingfire_words(benchmark, corpus):
    run(benchmark, corpus, blingfire_words)


@pytest.mark.anchor
@pytest.mark.tokens
@pytest.mark.benchmark(group="tokens")
def test_hf_whitespace_pretokenizer(benchmark, corpus):
    run(benchmark, corpus, hf_whitespace)


@pytest.mark.anchor
@pytest.mark.tokens
@pytest.mark.benchmark(group="tokens")
def test_hf_bert_pretokenizer(benchmark, corpus):
    run(benchmark, corpus, hf_bert)


@pytest.mark.anchor
@pytest.mark.tokens
@pytest.mark.benchmark(group="tokens")
def test_regex_words(benchmark, corpus):
    run(benchmark, corpus, regex_words)


# --------------------------------------------------------------------------- anchors, sentences

_PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentencex_segment(texts: List[str]) -> int:
    """``sentencex.segment`` yields sentence strings; offsets found left to right."""
    segment = sentencex.segment
    n = 0
    for text in texts:
        offsets = []
        pos = 0
        for sent in segment("en", text):
            start = text.find(sent, pos)
            if start < 0:  # not a verbatim piece of the text: count it where we are
                start = pos
            pos = start + len(sent)
            offsets.append((start, pos))
        n += len(offsets)
    return n


def sentencex_boundaries(texts: List[str]) -> int:
    """``sentencex.get_sentence_boundaries``: offsets from the library itself."""
    boundaries = sentencex.get_sentence_boundaries
    n = 0
    for text in texts:
        offsets = [(b["start_index"], b["end_index"]) for b in boundaries("en", text)]
        n += len(offsets)
    return n


def pysbd_segment(texts: List[str]) -> int:
    segment = _PYSBD.segment
    n = 0
    for text in texts:
        offsets = [(s.start, s.end) for s in segment(text)]
        n += len(offsets)
    return n


def blingfire_sentences(texts: List[str]) -> int:
    sentences_and_offsets = blingfire.text_to_sentences_and_offsets
    n = 0
    for text in texts:
        _, offsets = sentences_and_offsets(text)
        n += len(offsets)
    return n


def new_spacy_sentencizer():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def spacy_sentencizer(texts: List[str], nlp) -> int:
    n = 0
    for text in texts:
        offsets = [(s.start_char, s.end_char) for s in nlp(text).sents]
        n += len(offsets)
    return n


@pytest.mark.anchor
@pytest.mark.sentences
@pytest.mark.benchmark(group="sentences")
def test_sentencex_segment(benchmark, corpus):
    run(benchmark, corpus, sentencex_segment)


@pytest.mark.anchor
@pytest.mark.sentences
@pytest.mark.benchmark(group="sentences")
def test_sentencex_boundaries(benchmark, corpus):
    run(benchmark, corpus, sentencex_boundaries)


@pytest.mark.anchor
@pytest.mark.sentences
@pytest.mark.benchmark(group="sentences")
def test_pysbd_segment(benchmark, corpus):
    run(benchmark, corpus, pysbd_segment, slice_mb=PYSBD_SLICE_MB)


@pytest.mark.anchor
@pytest.mark.sentences
@pytest.mark.benchmark(group="sentences")
@pytest.mark.skipif(
    not hasattr(blingfire, "text_to_sentences_and_offsets"),
    reason="this blingfire has no text_to_sentences_and_offsets",
)
def test_blingfire_sentences(benchmark, corpus):
    run(benchmark, corpus, blingfire_sentences)


@pytest.mark.anchor
@pytest.mark.sentences
@pytest.mark.benchmark(group="sentences")
def test_spacy_blank_sentencizer(benchmark, corpus):
    """A new pipeline each round, each distinct document once (see test_spacy_blank_tokenizer)."""
    run(benchmark, corpus, spacy_sentencizer, slice_mb=SPACY_SLICE_MB, unique=True,
        state=new_spacy_sentencizer, rounds=SHORT_ROUNDS)


# --------------------------------------------------------------------------- anchors, quantities

QUANTULUM_SLICE_MB = 0.05
ALPHA2DIGIT_SLICE_MB = 5.0


def quantulum3_parse(texts: List[str]) -> int:
    return sum(len(quantulum_parser.parse(t)) for t in texts)


def text2num_alpha2digit(texts: List[str]) -> int:
    """Number words to digits only (no units, money or dates): a lower bound on the work."""
    return sum(len(alpha2digit(t, "en")) for t in texts)


@pytest.mark.anchor
@pytest.mark.quantities
@pytest.mark.benchmark(group="quantities")
def test_quantulum3_parse(benchmark, corpus):
    run(benchmark, corpus, quantulum3_parse, slice_mb=QUANTULUM_SLICE_MB)


@pytest.mark.anchor
@pytest.mark.quantities
@pytest.mark.benchmark(group="quantities")
def test_text2num_alpha2digit(benchmark, corpus):
    run(benchmark, corpus, text2num_alpha2digit, slice_mb=ALPHA2DIGIT_SLICE_MB)

"""Invariants on arbitrary text (hypothesis): offsets in bounds and ordered,
spans that slice back to their text, every non-space character covered, no
panic on any string, batch equal to one by one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk
from copydesk import CopydeskError

# Text that exercises the tokenizer: news punctuation, apostrophes and quotes,
# combining marks, emoji pieces, right-to-left letters, NUL and controls.
pieces = st.sampled_from(
    list("abcXYZ019 .,;:!?'\"‘’“”«»()[]-–—/@#$£€%&*_\n\t\u00a0")
    + ["\u0301", "\u200d", "\ufe0f", "👍", "🏽", "🇺", "🇦", "ש", "م", "東", "\x00", "\u2028", "Mr.", "U.S.", "n't", "http://", "www.", "...", "e-mail"]
)
news_text = st.lists(pieces, max_size=60).map("".join)
any_text = st.one_of(news_text, st.text(max_size=80))


def check_tokens(text: str) -> None:
    toks = copydesk.tokenize(text)
    prev = 0
    for t in toks:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= prev
        assert text[prev : t.start].strip() == "" or text[prev : t.start].isspace()
        assert text[t.start : t.end] == t.text
        assert not t.text.isspace()
        prev = t.end
    assert text[prev:].strip() == "" or text[prev:].isspace()


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_token_invariants(text):
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    check_tokens(text)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_sentences_ordered_and_cover_every_token(text):
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    toks = copydesk.tokenize(text)
    spans = copydesk.sentences(text)
    prev = 0
    for s in spans:
        assert prev <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        prev = s.end
    covered = {i for s in spans for i in range(s.start, s.end)}
    assert all(i in covered for t in toks for i in range(t.start, t.end))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_no_panic_on_any_str_including_lone_surrogates(text):
    try:
        copydesk.analyze(text)
    except CopydeskError as e:
        assert "surrogate" in str(e)
        assert 0xD800 <= ord(text[e.position]) <= 0xDFFF
    copydesk.analyze(text, surrogates="replace")


@settings(max_examples=60, deadline=None)
@given(st.lists(news_text, max_size=12), st.sampled_from([1, 2, None]))
def test_batch_equals_one_by_one(docs, threads):
    batch = copydesk.analyze_batch(docs, threads=threads)
    assert [a.to_dict() for a in batch] == [copydesk.analyze(d).to_dict() for d in docs]


@settings(max_examples=100, deadline=None)
@given(news_text)
def test_byte_offsets_agree_with_char_offsets(text):
    chars = copydesk.tokenize(text)
    data = text.encode()
    for c, b in zip(chars, copydesk.tokenize(text, offsets="bytes")):
        assert data[b.start : b.end].decode() == c.text


@pytest.mark.parametrize("unit", ["“", "’", "1", "a-", "x@y.", "?)", ". "])
def test_long_adversarial_runs_complete(unit):
    text = unit * 200_000
    check_tokens(text)
    assert len(copydesk.sentences(text)) >= 1

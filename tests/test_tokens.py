"""The tokens API: Token objects, arrays, offsets, kinds, modes, errors, pickling."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import copydesk
from copydesk import CopydeskError, Token


def texts(text: str, **kw) -> list[str]:
    return copydesk.tokenize(text, **kw).texts


def test_ud_conventions_news():
    assert texts("Russia’s military didn’t say.") == ["Russia", "’s", "military", "did", "n’t", "say", "."]
    assert texts("around 50 miles (70km) from the U.S. border") == [
        "around", "50", "miles", "(", "70", "km", ")", "from", "the", "U.S.", "border",
    ]
    assert texts("a well-known pro-Beijing e-mail") == ["a", "well", "-", "known", "pro-Beijing", "e-mail"]


def test_token_objects_and_arrays_agree():
    text = "Putin’s £3bn plan: see https://bbc.co.uk/news #war @bbc 👍🏽"
    toks = copydesk.tokenize(text)
    assert isinstance(toks[0], Token)
    assert toks.starts.dtype == np.int64 and toks.ends.dtype == np.int64 and toks.kinds.dtype == np.uint8
    assert len(toks) == len(toks.starts) == len(list(toks))
    for t, s, e, k in zip(toks, toks.starts, toks.ends, toks.kinds):
        assert (t.start, t.end) == (s, e)
        assert t.text == text[t.start : t.end]
        assert t.kind == copydesk.TOKEN_KINDS[k]
    kinds = dict((t.text, t.kind) for t in toks)
    assert kinds["https://bbc.co.uk/news"] == "url"
    assert kinds["#war"] == "hashtag" and kinds["@bbc"] == "mention" and kinds["👍🏽"] == "emoji"
    assert kinds["’s"] == "word" and kinds["£"] == "symbol" and kinds["3"] == "number"
    assert toks[-1] == toks[len(toks) - 1]
    assert toks[1:3].texts == [t.text for t in list(toks)[1:3]]


def test_offsets_are_str_indices_or_bytes_on_request():
    text = "«Ça va», dit-il — 😀 fin."
    chars = copydesk.tokenize(text)
    as_bytes = copydesk.tokenize(text, offsets="bytes")
    data = text.encode()
    assert [t.text for t in chars] == [t.text for t in as_bytes]
    for c, b in zip(chars, as_bytes):
        assert text[c.start : c.end] == c.text
        assert data[b.start : b.end].decode() == c.text
    with pytest.raises(ValueError):
        copydesk.tokenize(text, offsets="words")


def test_uax29_mode():
    assert texts("can't stop", mode="uax29") == ["can't", "stop"]
    assert texts("東京タワー", mode="uax29") == ["東", "京", "タワー"]
    with pytest.raises(ValueError):
        copydesk.tokenize("x", mode="spacy")


def test_lone_surrogate_is_a_clear_error_naming_its_position():
    with pytest.raises(CopydeskError, match=r"position 3") as info:
        copydesk.tokenize("abc\ud800def")
    assert info.value.position == 3
    assert isinstance(info.value, ValueError)
    toks = copydesk.tokenize("abc\ud800def", surrogates="replace")
    assert [(t.start, t.end) for t in toks] == [(0, 3), (3, 4), (4, 7)]


def test_empty_and_whitespace():
    assert len(copydesk.tokenize("")) == 0
    assert len(copydesk.tokenize(" \n\t\u00a0 ")) == 0
    assert list(copydesk.sentences("")) == []


def test_pickle_round_trips():
    import cloudpickle  # in the [test] extra
    toks = copydesk.tokenize("Mr. Smith’s €5m deal.")
    for dumps, loads in ((pickle.dumps, pickle.loads), (cloudpickle.dumps, cloudpickle.loads)):
        assert loads(dumps(toks)) == toks
        analysis = copydesk.analyze("One. Two.")
        again = loads(dumps(analysis))
        assert again.to_dict() == analysis.to_dict()


def test_batch_equals_one_by_one():
    docs = ["First one. Second.", "", "Ünïcödé “quotes” here!", "Mr. X\n\nNew para"] * 20
    for threads in (1, 2, None):
        batch = copydesk.analyze_batch(docs, threads=threads)
        assert len(batch) == len(docs)
        for text, analysis in zip(docs, batch):
            single = copydesk.analyze(text)
            assert analysis.to_dict() == single.to_dict()
    tb = copydesk.tokenize_batch(docs)
    assert tb.tokens is not None and tb.sentences is None
    assert tb.tokens.offsets[-1] == len(tb.tokens.starts)
    r = tb.tokens.row(2)
    assert list(tb.tokens.starts[r]) == list(copydesk.tokenize(docs[2]).starts)


def test_batch_rejects_non_strings_clearly():
    with pytest.raises(CopydeskError, match=r"texts\[1\]"):
        copydesk.analyze_batch(["ok", 5])  # type: ignore[list-item]


def test_layers():
    a = copydesk.analyze("One. Two.")
    assert set(a.to_dict()) == {"tokens", "sentences", "quotes", "quantities"}
    assert set(copydesk.analyze("One.", tokens=False).to_dict()) == {"sentences", "quotes", "quantities"}
    assert set(copydesk.analyze("One.", layers="tokens").to_dict()) == {"tokens"}
    with pytest.raises(CopydeskError, match="unknown layer"):
        copydesk.analyze("x", layers=["nouns"])

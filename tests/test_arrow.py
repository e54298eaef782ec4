"""copydesk.arrow.annotate: the Arrow path gives the records of the dict path
(`copydesk.analyze(text).to_dict()`), row for row, and bad rows keep their place."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk
import copydesk.arrow
from copydesk import CopydeskError

SAMPLE = Path(copydesk.__file__).parent / "data" / "sample"

TEXTS: list[str | None] = [
    "Russia’s army didn’t move. ‘It will only grow,’ she said.",
    "Hé said: “Oui.” Then he left… 東京は晴れ。 Emoji 👍🏽 and 🇺🇦 too!",
    "",
    None,
    "   \n\t ",
    "Prices rose 3.5% to US$1,200 on 12-Jan-22. See https://example.com or mail a@b.org #news @ap",
    "שלום עולם. مرحبا بالعالم.",
    "e\u0301 combining, NUL \x00 and \u2028 line separator.",
    None,
    "One more sentence without an end",
]
TEXTS += [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("GUM_news_*.txt"))[:4]]

BOTH = ("tokens", "sentences")


def expected(text: str | None, layers=BOTH, offsets: str = "chars") -> dict:
    if text is None:
        return {name: [] for name in layers}
    return copydesk.analyze(text, layers=layers, offsets=offsets).to_dict()


def records(data, layers=BOTH) -> list[dict]:
    return data.select([*layers, "error"]).to_pylist()


def want(texts, layers=BOTH, offsets="chars") -> list[dict]:
    return [{**expected(t, layers, offsets), "error": None if t is not None else "text is null"} for t in texts]


@pytest.mark.parametrize("offsets", ["chars", "bytes"])
@pytest.mark.parametrize("kind_type", ["dictionary", "string"])
def test_record_batch_equals_dict_path(offsets, kind_type):
    rb = pa.RecordBatch.from_pydict({"id": pa.array(range(len(TEXTS))), "text": pa.array(TEXTS, pa.string())})
    out = copydesk.arrow.annotate(rb, layers=BOTH, offsets=offsets, kind_type=kind_type)
    assert isinstance(out, pa.RecordBatch)
    assert out.num_rows == rb.num_rows
    assert out.column_names == ["id", "text", "tokens", "sentences", "error"]
    assert out.column(0).equals(rb.column(0)) and out.column(1).equals(rb.column(1))
    assert records(out) == want(TEXTS, BOTH, offsets)


def test_schema():
    rb = pa.RecordBatch.from_pydict({"text": pa.array(["A b."])})
    out = copydesk.arrow.annotate(rb, layers=BOTH)
    span = [pa.field("start", pa.int64()), pa.field("end", pa.int64())]
    kind = pa.field("kind", pa.dictionary(pa.int8(), pa.string()))
    assert out.schema.field("tokens").type == pa.list_(pa.struct([*span, kind]))
    assert out.schema.field("sentences").type == pa.list_(pa.struct(span))
    assert out.schema.field("error").type == pa.string()
    kinds = out.column("tokens").values.field("kind")
    assert kinds.dictionary.to_pylist() == list(copydesk.TOKEN_KINDS)
    out = copydesk.arrow.annotate(rb, layers="tokens", kind_type="string")
    assert out.schema.field("tokens").type == pa.list_(pa.struct([*span, pa.field("kind", pa.string())]))
    assert out.schema == copydesk.arrow.output_schema(rb.schema, layers="tokens", kind_type="string")
    assert copydesk.arrow.spark_ddl(BOTH) == (
        "tokens array<struct<start:bigint,end:bigint,kind:string>>, "
        "sentences array<struct<start:bigint,end:bigint>>, error string"
    )
    # spark_schema takes a pyspark StructType; only .fields[i].name and .dataType.simpleString() are used
    from types import SimpleNamespace as NS

    spark_df_schema = NS(fields=[NS(name=n, dataType=NS(simpleString=lambda t=t: t)) for n, t in [("id", "bigint"), ("text", "string")]])
    assert copydesk.arrow.spark_schema(spark_df_schema, layers="sentences") == (
        "`id` bigint, `text` string, sentences array<struct<start:bigint,end:bigint>>, error string"
    )


def test_default_layers_are_those_of_annotate():
    rb = pa.RecordBatch.from_pydict({"text": pa.array(TEXTS)})
    out = copydesk.arrow.annotate(rb)
    assert out.column_names == ["text", *copydesk.DEFAULT_LAYERS, "error"]
    assert records(out, copydesk.DEFAULT_LAYERS) == want(TEXTS, copydesk.DEFAULT_LAYERS)


@pytest.mark.parametrize("offsets", ["chars", "bytes"])
def test_table_with_chunks(offsets, monkeypatch):
    rb = pa.RecordBatch.from_pydict({"id": pa.array(range(len(TEXTS))), "text": pa.array(TEXTS)})
    # Uneven chunks, an empty one among them; small groups so several core calls are made.
    table = pa.Table.from_batches([rb.slice(0, 3), rb.slice(3, 0), rb.slice(3, 4), rb.slice(7)])
    for group_bytes in (copydesk.arrow.GROUP_BYTES, 1):
        monkeypatch.setattr(copydesk.arrow, "GROUP_BYTES", group_bytes)
        out = copydesk.arrow.annotate(table, layers=BOTH, offsets=offsets)
        assert isinstance(out, pa.Table)
        assert out.num_rows == table.num_rows
        assert [len(c) for c in out.column("tokens").chunks] == [len(c) for c in table.column("text").chunks]
        assert records(out) == want(TEXTS, BOTH, offsets)
        out.validate(full=True)


def test_empty_inputs():
    empty = pa.table({"text": pa.chunked_array([], pa.string())})
    out = copydesk.arrow.annotate(empty, layers=BOTH)
    assert out.num_rows == 0 and out.column_names == ["text", "tokens", "sentences", "error"]
    rb = pa.RecordBatch.from_pydict({"text": pa.array([], pa.string())})
    assert copydesk.arrow.annotate(rb).num_rows == 0
    out = copydesk.arrow.annotate(pa.RecordBatch.from_pydict({"text": pa.array([None, None], pa.string())}), layers=BOTH)
    assert records(out) == want([None, None])


@pytest.mark.parametrize(
    "array",
    [
        pa.array(TEXTS, pa.large_string()),
        pa.array(TEXTS, pa.string()).dictionary_encode(),
        pa.array([t.encode() if t is not None else None for t in TEXTS], pa.binary()),
        pa.array([t.encode() if t is not None else None for t in TEXTS], pa.large_binary()),
    ],
    ids=["large_string", "dictionary", "binary", "large_binary"],
)
def test_other_text_types(array):
    out = copydesk.arrow.annotate(pa.RecordBatch.from_pydict({"text": array}), layers=BOTH)
    assert records(out) == want(TEXTS)


def test_string_view():
    # The [arrow] extra requires a pyarrow with string_view (16 or later).
    array = pa.array(TEXTS, pa.string()).cast(pa.string_view())
    assert records(copydesk.arrow.annotate(pa.RecordBatch.from_pydict({"text": array}), layers=BOTH)) == want(TEXTS)


def test_invalid_utf8_is_an_error_on_its_row():
    good = ["A sentence. Another one.", "Näive café."]
    data = b"".join(t.encode() for t in good[:1]) + b"bad \xff\xfe here" + good[1].encode()
    offs = np.array([0, len(good[0].encode()), len(good[0].encode()) + 11, len(data)], dtype=np.int32)
    for t in (pa.string(), pa.binary()):
        arr = pa.Array.from_buffers(t, 3, [None, pa.py_buffer(offs.tobytes()), pa.py_buffer(data)])
        out = records(copydesk.arrow.annotate(pa.RecordBatch.from_pydict({"text": arr}), layers=BOTH))
        assert out[0] == {**expected(good[0]), "error": None}
        assert out[2] == {**expected(good[1]), "error": None}
        assert out[1]["tokens"] == [] and out[1]["sentences"] == []
        assert out[1]["error"].startswith("text is not valid UTF-8") and "byte 4" in out[1]["error"]


def test_text_the_core_rejects_does_not_fail_the_batch(monkeypatch):
    real = copydesk._api._core.analyze_batch

    def picky(texts, **kw):
        for i, t in enumerate(texts):
            if "REJECT" in t:
                raise CopydeskError(f"texts[{i}]: cannot take this text at position {t.index('REJECT')}")
        return real(texts, **kw)

    monkeypatch.setattr(copydesk._api._core, "analyze_batch", picky)
    texts = ["Fine. Really.", "xx REJECT me", None, "Also fine!"]
    out = records(copydesk.arrow.annotate(pa.RecordBatch.from_pydict({"text": pa.array(texts)}), layers=BOTH))
    assert out[0] == {**expected(texts[0]), "error": None}
    assert out[1] == {"tokens": [], "sentences": [], "error": "cannot take this text at position 3"}
    assert out[2] == {"tokens": [], "sentences": [], "error": "text is null"}
    assert out[3] == {**expected(texts[3]), "error": None}


def test_bad_arguments_are_clear():
    rb = pa.RecordBatch.from_pydict({"body": pa.array(["x"]), "n": pa.array([1])})
    with pytest.raises(CopydeskError, match="no column 'text'.*body, n"):
        copydesk.arrow.annotate(rb)
    with pytest.raises(TypeError, match="column 'n' has type int64"):
        copydesk.arrow.annotate(rb, column="n")
    with pytest.raises(TypeError, match="column 'n' has type int64"):
        copydesk.arrow.annotate(pa.Table.from_batches([rb]), column="n")
    with pytest.raises(CopydeskError, match="unknown layer 'nouns'"):
        copydesk.arrow.annotate(rb, column="body", layers=["nouns"])
    with pytest.raises(CopydeskError, match="unknown layer 'quantity'"):
        copydesk.arrow.annotate(rb, column="body", layers="quantity")
    with pytest.raises(CopydeskError, match="already has column.*'sentences'"):
        copydesk.arrow.annotate(copydesk.arrow.annotate(rb, column="body"), column="body")
    with pytest.raises(ValueError, match="offsets"):
        copydesk.arrow.annotate(rb, column="body", offsets="words")
    with pytest.raises(ValueError, match="kind_type"):
        copydesk.arrow.annotate(rb, column="body", kind_type="enum")
    with pytest.raises(TypeError, match="RecordBatch or pyarrow.Table"):
        copydesk.arrow.annotate({"text": ["x"]})  # type: ignore[arg-type]


def test_metadata_and_other_columns_kept():
    schema = pa.schema([pa.field("text", pa.string()), pa.field("n", pa.int32())], metadata={b"source": b"wire"})
    rb = pa.RecordBatch.from_arrays([pa.array(["A. B."]), pa.array([7], pa.int32())], schema=schema)
    out = copydesk.arrow.annotate(rb)
    assert out.schema.metadata == {b"source": b"wire"}
    assert out.column("n").to_pylist() == [7]


def test_function_pickles():
    import cloudpickle

    for dumps in (pickle.dumps, cloudpickle.dumps):
        fn = pickle.loads(dumps(copydesk.arrow.annotate))
        assert fn is copydesk.arrow.annotate


# Text that exercises the tokenizer and sentence splitter; no lone surrogates
# (an Arrow string is UTF-8, so it cannot hold one).
pieces = st.sampled_from(
    list("abcXYZ019 .,;:!?'\"‘’“”«»()[]-–—/@#$£€%&*_\n\t\u00a0")
    + ["\u0301", "\u200d", "👍", "🏽", "ש", "東", "\x00", "Mr.", "U.S.", "n't", "http://", "...", "é"]
)
texts_st = st.one_of(
    st.lists(pieces, max_size=40).map("".join),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.none(), texts_st), max_size=12),
    st.sampled_from(["chars", "bytes"]),
    st.lists(st.integers(0, 12), max_size=3),
)
def test_arrow_path_equals_dict_path(texts, offsets, cuts):
    rb = pa.RecordBatch.from_pydict({"text": pa.array(texts, pa.string())})
    assert records(copydesk.arrow.annotate(rb, layers=BOTH, offsets=offsets)) == want(texts, BOTH, offsets)
    bounds = sorted({0, len(texts), *(min(c, len(texts)) for c in cuts)})
    table = pa.Table.from_batches([rb.slice(a, b - a) for a, b in zip(bounds, bounds[1:])], schema=rb.schema)
    out = copydesk.arrow.annotate(table, layers=BOTH, offsets=offsets, kind_type="string")
    assert records(out) == want(texts, BOTH, offsets)


def test_a_layer_without_an_arrow_form_is_a_clear_error(monkeypatch):
    # a layer the core builds (in some later version) but this module cannot yet
    monkeypatch.setattr(copydesk._api, "LAYERS", (*copydesk._api.LAYERS, "nouns"))
    rb = pa.RecordBatch.from_pydict({"text": pa.array(["x"])})
    with pytest.raises(CopydeskError, match="'nouns' has no Arrow form.*tokens, sentences"):
        copydesk.arrow.annotate(rb, layers=["sentences", "nouns"])
    assert set(copydesk.arrow.ARROW_LAYERS) >= set(copydesk.LAYERS)

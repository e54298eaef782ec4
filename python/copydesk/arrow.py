"""Annotate Arrow data: the one batch function that every engine calls.

`annotate(batch, column="text")` takes a `pyarrow.RecordBatch` or
`pyarrow.Table` and returns the same type with one column per layer plus
`error`:

=============  ====================================================================
column         type
=============  ====================================================================
``tokens``     ``list<struct<start: int64, end: int64, kind: dictionary<int8, string>>>``
               (``kind: string`` with ``kind_type="string"``)
``sentences``  ``list<struct<start: int64, end: int64>>``
``error``      ``string``: null when the row is fine
=============  ====================================================================

Each row holds exactly the records of `copydesk.analyze(text, layers=...).to_dict()`
(`table.to_pylist()` gives them back). The layers are those of
`copydesk annotate`: `layers=None` means `copydesk.DEFAULT_LAYERS`, and layers
that later versions add appear here too. The lists are built directly from the
core's columnar (CSR) arrays: no Python object per span is ever made.

Every input row gives exactly one output row. A row that cannot be analysed (a
null text, a binary text that is not valid UTF-8, a text the core rejects)
gets empty lists and a message in `error`; the other rows are unaffected.

Text columns may be ``string``, ``large_string``, ``string_view``, a
dictionary of strings, or ``binary``/``large_binary`` holding UTF-8 (checked
per row). Any other type is a `TypeError` naming the column.

How the text is read: the core takes Python `str`, so the column is converted
with `Array.to_numpy(zero_copy_only=False)`, one C++ pass that makes one `str`
per document (never per span). The `str` objects live only for the call; the
UTF-8 copy CPython caches inside a non-ASCII `str` dies with them. A `Table`
is processed in groups of its chunks of at most `GROUP_BYTES` of text, so the
temporary `str` objects stay bounded however large the table is. (Handing
the Arrow offsets and data buffers to the core would skip the `str` step
altogether; `_core` has no such entry point yet.)

Engines
-------

Every engine below runs `annotate` on batches of its own; install
``copydesk[arrow]`` on the workers.

Dask (partitions are pandas DataFrames, so each is converted with
`pa.Table.from_pandas` and the new columns come back as Arrow-backed pandas
columns; `copydesk.dask.annotate(ddf)` is exactly this, with the `meta`)::

    import pandas as pd, pyarrow as pa, copydesk.arrow, copydesk.dask
    def part(pdf):
        t = copydesk.arrow.annotate(pa.Table.from_pandas(pdf[["text"]], preserve_index=False))
        return pdf.assign(**{c: pd.Series(pd.arrays.ArrowExtensionArray(t[c]), index=pdf.index)
                             for c in ("sentences", "error")})
    out = ddf.map_partitions(part, meta=copydesk.dask.PartitionAnnotator().meta(ddf._meta))
    out = copydesk.dask.annotate(ddf)             # the same, and handles non-str values

Ray Data (verified with ray 2.60)::

    ds = ds.map_batches(copydesk.arrow.annotate, batch_format="pyarrow")
    ds = ds.map_batches(copydesk.arrow.annotate, batch_format="pyarrow",
                        fn_kwargs={"column": "body", "layers": ["tokens", "sentences"]})

Spark `mapInArrow` (verified with pyspark 4.3; needs pyspark >= 3.3). Spark
cannot read an Arrow dictionary ("Cannot call the method getUTF8String"), so
pass ``kind_type="string"``; `spark_schema(df.schema)` is the output schema as
DDL (`spark_ddl()` just the added columns)::

    import copydesk.arrow
    def fn(batches):
        for b in batches:
            yield copydesk.arrow.annotate(b, kind_type="string")
    out = df.mapInArrow(fn, copydesk.arrow.spark_schema(df.schema))
    # the same schema written out, for df = "id bigint, text string" and the default layers:
    out = df.mapInArrow(fn, "id bigint, text string, sentences array<struct<start:bigint,end:bigint>>, error string")

HuggingFace datasets (verified with datasets 5.2, which stores the dictionary
`kind` as a string column itself; ``kind_type="string"`` does that up front)::

    import copydesk.arrow
    ds = ds.with_format("arrow").map(copydesk.arrow.annotate, batched=True)
    ds = ds.with_format("arrow").map(copydesk.arrow.annotate, batched=True,
                                     fn_kwargs={"layers": ["tokens", "sentences"], "kind_type": "string"})
    ds = ds.with_format(None)                     # back to Python rows, if wanted
"""

from __future__ import annotations

import re
from typing import Any, Sequence, TypeVar

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]

from . import _api, _core

__all__ = ["annotate", "ARROW_LAYERS", "fields", "output_schema", "spark_ddl", "spark_schema", "GROUP_BYTES"]

#: A `Table` is analysed in groups of consecutive chunks holding at most about
#: this many bytes of text (a single larger chunk is one group).
GROUP_BYTES = 64 << 20

#: The layers `annotate` can build as Arrow columns (a layer `copydesk.LAYERS`
#: has and this lacks is a clear `CopydeskError`, never a silently missing column).
ARROW_LAYERS: tuple[str, ...] = ("tokens", "sentences", "quotes", "quantities")

_KIND_TYPES = ("dictionary", "string")
_INT32_MAX = 2**31 - 1

ArrowData = TypeVar("ArrowData", pa.RecordBatch, pa.Table)


# --------------------------------------------------------------------------- schema


def _span_fields(kind_type: str | None = None) -> list[pa.Field]:
    out = [pa.field("start", pa.int64()), pa.field("end", pa.int64())]
    if kind_type == "dictionary":
        out.append(pa.field("kind", pa.dictionary(pa.int8(), pa.string())))
    elif kind_type == "string":
        out.append(pa.field("kind", pa.string()))
    return out


def _layer_type(layer: str, kind_type: str) -> pa.DataType:
    if layer == "tokens":
        return pa.list_(pa.struct(_span_fields(kind_type)))
    if layer == "sentences":
        return pa.list_(pa.struct(_span_fields()))
    if layer == "quotes":
        kind = pa.dictionary(pa.int8(), pa.string()) if kind_type == "dictionary" else pa.string()
        return pa.list_(
            pa.struct(
                [
                    *_span_fields(),
                    pa.field("closed", pa.bool_()),
                    pa.field("kind", kind),
                    pa.field("group", pa.int64()),
                    pa.field("depth", pa.int64()),
                    pa.field("parent", pa.int64()),
                    pa.field("marks", pa.string()),
                    pa.field("speaker", pa.struct(_span_fields())),
                    pa.field("cue", pa.struct(_span_fields())),
                ]
            )
        )
    if layer == "quantities":
        kind = pa.dictionary(pa.int8(), pa.string()) if kind_type == "dictionary" else pa.string()
        return pa.list_(
            pa.struct(
                [
                    *_span_fields(),
                    pa.field("text", pa.string()),
                    pa.field("kind", kind),
                    *[pa.field(n, pa.float64()) for n in ("value", "high")],
                    *[pa.field(n, pa.string()) for n in ("unit", "dimension")],
                    pa.field("si_value", pa.float64()),
                    *[pa.field(n, pa.string()) for n in ("si_unit", "modifier", "iso")],
                    pa.field("counted", pa.struct(_span_fields())),
                    pa.field("change", pa.string()),
                ]
            )
        )
    raise _core.CopydeskError(
        f"layer {layer!r} has no Arrow form in copydesk.arrow {_core.__version__} yet; "
        f"the Arrow layers are {', '.join(ARROW_LAYERS)}: name those in layers=[...]"
    )


def _check_kind_type(kind_type: str) -> None:
    if kind_type not in _KIND_TYPES:
        raise ValueError(f"kind_type must be 'dictionary' or 'string', not {kind_type!r}")


def fields(layers: Sequence[str] | str | None = None, kind_type: str = "dictionary") -> list[pa.Field]:
    """The columns `annotate` adds, in order: one per layer, then `error`."""
    _check_kind_type(kind_type)
    chosen = _api.check_layers(layers, default=_api.DEFAULT_LAYERS)
    return [pa.field(name, _layer_type(name, kind_type)) for name in chosen] + [pa.field("error", pa.string())]


def output_schema(
    schema: pa.Schema, column: str = "text", layers: Sequence[str] | str | None = None, kind_type: str = "dictionary"
) -> pa.Schema:
    """The schema `annotate` returns for input of `schema` (checks the text column)."""
    added = fields(layers, kind_type)
    _check_input(schema, column, added)
    for f in added:
        schema = schema.append(f)
    return schema


def spark_ddl(layers: Sequence[str] | str | None = None) -> str:
    """The added columns as a Spark DDL fragment, for `mapInArrow` with
    ``kind_type="string"``: ``"sentences array<struct<start:bigint,end:bigint>>, error string"``."""

    def ddl(t: pa.DataType) -> str:
        if pa.types.is_list(t):
            return f"array<{ddl(t.value_type)}>"
        if pa.types.is_struct(t):
            return "struct<" + ",".join(f"{t.field(i).name}:{ddl(t.field(i).type)}" for i in range(t.num_fields)) + ">"
        if pa.types.is_int64(t):
            return "bigint"
        if pa.types.is_boolean(t):
            return "boolean"
        if pa.types.is_string(t):
            return "string"
        raise TypeError(f"no Spark type for {t}")  # pragma: no cover

    return ", ".join(f"{f.name} {ddl(f.type)}" for f in fields(layers, "string"))


def spark_schema(schema: Any, layers: Sequence[str] | str | None = None) -> str:
    """The DDL schema `mapInArrow` needs: the columns of `schema` (a
    `pyspark.sql.types.StructType`, e.g. `df.schema`) followed by those
    `annotate(..., layers=layers, kind_type="string")` adds."""
    cols = [f"`{f.name.replace('`', '``')}` {f.dataType.simpleString()}" for f in schema.fields]
    return ", ".join([*cols, spark_ddl(layers)])


def _check_input(schema: pa.Schema, column: str, added: list[pa.Field]) -> pa.DataType:
    if column not in schema.names:
        raise _core.CopydeskError(f"no column {column!r} to annotate; the columns are: {', '.join(schema.names) or '(none)'}")
    if schema.names.count(column) > 1:
        raise _core.CopydeskError(f"column name {column!r} is not unique")
    clash = [f.name for f in added if f.name in schema.names]
    if clash:
        raise _core.CopydeskError(
            f"the input already has column(s) {', '.join(map(repr, clash))} that annotate would add; drop or rename them first"
        )
    t = schema.field(column).type
    if not _is_texty(t):
        raise TypeError(
            f"column {column!r} has type {t}; copydesk.arrow.annotate needs string, large_string, "
            "string_view, dictionary<string> or UTF-8 binary"
        )
    return t


def _is_string(t: pa.DataType) -> bool:
    return pa.types.is_string(t) or pa.types.is_large_string(t) or _is(t, "is_string_view")


def _is_binary(t: pa.DataType) -> bool:
    return pa.types.is_binary(t) or pa.types.is_large_binary(t) or _is(t, "is_binary_view")


def _is_texty(t: pa.DataType) -> bool:
    if pa.types.is_dictionary(t):
        return _is_string(t.value_type) or _is_binary(t.value_type)
    return _is_string(t) or _is_binary(t)


def _is(t: pa.DataType, test: str) -> bool:
    f = getattr(pa.types, test, None)  # string_view/binary_view: pyarrow >= 16
    return bool(f is not None and f(t))


# --------------------------------------------------------------------------- reading text


def _texts(arr: pa.Array) -> tuple[list[str], dict[int, str]]:
    """The texts of one array as `str` ("" for a bad row) and the errors by row."""
    if pa.types.is_dictionary(arr.type):
        arr = arr.dictionary_decode()
    errors: dict[int, str] = {}
    n = len(arr)
    texts: list[Any] | None = None
    if _is_string(arr.type):
        try:
            texts = arr.to_numpy(zero_copy_only=False).tolist()
        except (pa.ArrowException, UnicodeDecodeError):
            texts = None  # invalid UTF-8 somewhere: find it row by row below
    if texts is None:
        texts = _decode_rows(arr, errors)
    if arr.null_count:
        for i in np.flatnonzero(arr.is_null().to_numpy(zero_copy_only=False)).tolist():
            texts[i] = ""
            errors[i] = "text is null"
    assert len(texts) == n
    return texts, errors


def _decode_rows(arr: pa.Array, errors: dict[int, str]) -> list[Any]:
    if _is_string(arr.type):
        binary = {"string": pa.binary(), "large_string": pa.large_binary()}.get(str(arr.type))
        arr = arr.view(binary if binary is not None else pa.binary_view())
    raw = arr.to_numpy(zero_copy_only=False).tolist()
    out: list[Any] = []
    for i, b in enumerate(raw):
        if b is None:
            out.append("")
            continue
        try:
            out.append(bytes(b).decode("utf-8"))
        except UnicodeDecodeError as e:
            out.append("")
            errors[i] = f"text is not valid UTF-8: {e.reason} at byte {e.start}"
    return out


# --------------------------------------------------------------------------- building columns


def _list_array(offsets: np.ndarray, children: dict[str, pa.Array], type: pa.DataType) -> pa.Array:
    if len(offsets) and int(offsets[-1]) > _INT32_MAX:
        raise _core.CopydeskError(
            f"{int(offsets[-1])} spans in one Arrow list column exceed 2**31-1; annotate smaller batches"
        )
    values = pa.StructArray.from_arrays(list(children.values()), fields=list(type.value_type))
    return pa.ListArray.from_arrays(pa.array(offsets.astype(np.int32, copy=False)), values, type=type)


_KIND_NAMES: pa.Array | None = None


def _kinds(codes: np.ndarray, kind_type: str, names: Sequence[str] | None = None) -> pa.Array:
    global _KIND_NAMES
    if names is not None:
        dictionary = pa.array(list(names), pa.string())
    else:
        if _KIND_NAMES is None:
            _KIND_NAMES = pa.array(list(_api.TOKEN_KINDS), pa.string())
        dictionary = _KIND_NAMES
    if kind_type == "dictionary":
        return pa.DictionaryArray.from_arrays(pa.array(codes.view(np.int8)), dictionary)
    return dictionary.take(pa.array(codes))


def _optional_span(starts: np.ndarray, ends: np.ndarray) -> pa.Array:
    """A struct<start, end> column, null where the core wrote -1 (no span)."""
    missing = pa.array(starts < 0)
    return pa.StructArray.from_arrays([pa.array(starts), pa.array(ends)], fields=_span_fields(), mask=missing)


def _quantity_texts(texts: list[str], q: dict[str, Any], offsets: str) -> pa.Array:
    """The text of every quantity, sliced from its document."""
    out: list[str] = []
    starts, ends, rows = q["starts"].tolist(), q["ends"].tolist(), q["offsets"].tolist()
    for d, text in enumerate(texts):
        data = text.encode() if offsets == "bytes" else None
        for k in range(rows[d], rows[d + 1]):
            out.append(text[starts[k] : ends[k]] if data is None else data[starts[k] : ends[k]].decode())
    return pa.array(out, pa.string())


def _layer_array(
    layer: str, table: Any, kind_type: str, type: pa.DataType, texts: Sequence[str] = (), offsets: str = "chars"
) -> pa.Array:
    if layer == "quantities":
        q = table
        nan = {n: np.isnan(q[n]) for n in ("values", "highs", "si_values")}
        children = {
            "start": pa.array(q["starts"]),
            "end": pa.array(q["ends"]),
            "text": _quantity_texts(list(texts), q, offsets),
            "kind": _kinds(q["kinds"], kind_type, _api.QUANTITY_KINDS),
            "value": pa.array(q["values"], mask=nan["values"]),
            "high": pa.array(q["highs"], mask=nan["highs"]),
            "unit": pa.array(q["units"], pa.string()),
            "dimension": pa.array(q["dimensions"], pa.string()),
            "si_value": pa.array(q["si_values"], mask=nan["si_values"]),
            "si_unit": pa.array(q["si_units"], pa.string()),
            "modifier": pa.array(q["modifiers"], pa.string()),
            "iso": pa.array(q["isos"], pa.string()),
            "counted": _optional_span(q["counted_starts"], q["counted_ends"]),
            "change": pa.array(q["changes"], pa.string()),
        }
        return _list_array(q["offsets"], children, type)
    if layer == "quotes":
        q = table
        parents = q["parents"]
        children = {
            "start": pa.array(q["starts"]),
            "end": pa.array(q["ends"]),
            "closed": pa.array(q["closed"]),
            "kind": _kinds(q["kinds"], kind_type, _api.QUOTE_KINDS),
            "group": pa.array(q["groups"]),
            "depth": pa.array(q["depths"]),
            "parent": pa.array(parents, mask=parents < 0),
            "marks": pa.array(q["marks"], pa.string()),
            "speaker": _optional_span(q["speaker_starts"], q["speaker_ends"]),
            "cue": _optional_span(q["cue_starts"], q["cue_ends"]),
        }
        return _list_array(q["offsets"], children, type)
    children = {"start": pa.array(table.starts), "end": pa.array(table.ends)}
    if layer == "tokens":
        children["kind"] = _kinds(table.kinds, kind_type)
    return _list_array(table.offsets, children, type)


def _run(texts: list[str], layers: tuple[str, ...], offsets: str, threads: int | None, errors: dict[int, str]) -> Any:
    """The core's batch for `texts`; a text it rejects gets an error and is analysed as ""."""
    try:
        return _api.analyze_batch(texts, layers=layers, offsets=offsets, threads=threads)
    except _core.CopydeskError:
        pass
    # Rare: find the rejected texts one by one, then run the batch without them.
    for i, text in enumerate(texts):
        if not text:
            continue
        try:
            _api.analyze_batch([text], layers=layers, offsets=offsets, threads=1)
        except _core.CopydeskError as e:
            errors[i] = re.sub(r"^texts\[0\]: ", "", str(e))
            texts[i] = ""
    return _api.analyze_batch(texts, layers=layers, offsets=offsets, threads=threads)


def _annotate_texts(
    texts: list[str], errors: dict[int, str], added: list[pa.Field], offsets: str, threads: int | None, kind_type: str
) -> list[pa.Array]:
    layers = tuple(f.name for f in added[:-1])
    out: list[pa.Array] = []
    if layers:
        batch = _run(texts, layers, offsets, threads, errors)
        for f in added[:-1]:
            out.append(_layer_array(f.name, getattr(batch, f.name), kind_type, f.type, texts, offsets))
    err: list[str | None] = [None] * len(texts)
    for i, msg in errors.items():
        err[i] = msg
    out.append(pa.array(err, pa.string()))
    return out


def annotate(
    batch: ArrowData,
    column: str = "text",
    layers: Sequence[str] | str | None = None,
    threads: int | None = None,
    offsets: str = "chars",
    kind_type: str = "dictionary",
) -> ArrowData:
    """`batch` (a `pyarrow.RecordBatch` or `Table`) with one list-of-struct
    column per layer and an `error` column added; see the module docstring.

    `layers`: names or a comma-separated string (default
    `copydesk.DEFAULT_LAYERS`); `threads`: as for `copydesk.analyze_batch`;
    `offsets`: ``"chars"`` (str indices) or ``"bytes"`` (UTF-8 offsets);
    `kind_type`: ``"dictionary"`` or ``"string"`` for the token `kind` field.
    """
    added = fields(layers, kind_type)
    if offsets not in ("chars", "bytes"):
        raise ValueError(f"offsets must be 'chars' or 'bytes', not {offsets!r}")
    if isinstance(batch, pa.RecordBatch):
        _check_input(batch.schema, column, added)
        rb_texts, rb_errors = _texts(batch.column(batch.schema.get_field_index(column)))
        new = _annotate_texts(rb_texts, rb_errors, added, offsets, threads, kind_type)
        schema = batch.schema
        for f in added:
            schema = schema.append(f)
        return pa.RecordBatch.from_arrays(list(batch.columns) + new, schema=schema)
    if isinstance(batch, pa.Table):
        _check_input(batch.schema, column, added)
        chunks = batch.column(column).chunks
        pieces: list[list[pa.Array]] = [[] for _ in added]
        for group in _groups(chunks):
            texts: list[str] = []
            errors: dict[int, str] = {}
            for chunk in group:
                t, e = _texts(chunk)
                errors.update((len(texts) + i, msg) for i, msg in e.items())
                texts.extend(t)
            arrays = _annotate_texts(texts, errors, added, offsets, threads, kind_type)
            start = 0
            for chunk in group:
                for k, a in enumerate(arrays):
                    pieces[k].append(a.slice(start, len(chunk)))
                start += len(chunk)
        for f, p in zip(added, pieces):
            batch = batch.append_column(f, pa.chunked_array(p, type=f.type))
        return batch
    raise TypeError(f"copydesk.arrow.annotate takes a pyarrow.RecordBatch or pyarrow.Table, not {type(batch).__name__}")


def _groups(chunks: list[pa.Array]) -> list[list[pa.Array]]:
    groups: list[list[pa.Array]] = []
    size = 0
    for chunk in chunks:
        nbytes = chunk.nbytes
        if not groups or size + nbytes > GROUP_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(chunk)
        size += nbytes
    return groups

"""Annotate a Dask DataFrame: `copydesk.arrow.annotate` on every partition.

    import dask.dataframe as dd, copydesk.dask
    ddf = dd.read_parquet("corpus/")                  # a "text" column
    out = copydesk.dask.annotate(ddf, layers=["tokens", "sentences"])
    out.to_parquet("annotated/")                      # or out.compute()

The result keeps every input column and index and adds one column per layer
plus `error`, like `copydesk.arrow.annotate`. The layer columns are
Arrow-backed pandas columns (`pd.ArrowDtype(list<struct<...>>)`), so no Python
object per span is made on the workers, partitions ship between processes as
Arrow buffers, and `to_parquet` writes them as they are. Reading a row back
gives plain Python records: `out.compute().to_dict("records")[i]["sentences"]`
(or `series.tolist()`) is a list of dicts equal to
`copydesk.analyze(text, layers=...).to_dict()["sentences"]`; `error` is None
for a good row, else the message.

Parquet written by `out.to_parquet(path)` is read back with
``dd.read_parquet(path, dtype_backend="pyarrow")`` (or
``pd.read_parquet(path, dtype_backend="pyarrow")``): pandas cannot parse the
nested Arrow dtypes it records in the file's pandas metadata, so a plain
`read_parquet` fails with "data type 'list<item: struct<...>>[pyarrow]' not
understood". Engines that read Arrow directly (pyarrow, Spark, DuckDB, Polars)
need nothing.

A text that is not a `str` (a number in an object column), null or missing
gets empty lists and an `error`; every input row gives one output row.

The function shipped to the workers is a small picklable object
(`PartitionAnnotator`) holding the configuration; workers need
``copydesk[arrow]`` installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import pandas as pd  # type: ignore[import-untyped]
import pyarrow as pa  # type: ignore[import-untyped]

from . import _api, _core, arrow

__all__ = ["annotate", "PartitionAnnotator"]


@dataclass(frozen=True)
class PartitionAnnotator:
    """Annotates one pandas partition; what `annotate` passes to `map_partitions`."""

    column: str = "text"
    layers: tuple[str, ...] = _api.DEFAULT_LAYERS
    threads: int | None = None
    offsets: str = "chars"
    kind_type: str = "dictionary"

    def fields(self) -> list[pa.Field]:
        return arrow.fields(self.layers, self.kind_type)

    def meta(self, meta: pd.DataFrame) -> pd.DataFrame:
        """The empty frame the output looks like, given the input's."""
        self._check(meta)
        return meta.assign(**{f.name: pd.Series([], dtype=pd.ArrowDtype(f.type), index=meta.index) for f in self.fields()})

    def _check(self, pdf: pd.DataFrame) -> None:
        if self.column not in pdf.columns:
            raise _core.CopydeskError(
                f"no column {self.column!r} to annotate; the columns are: {', '.join(map(str, pdf.columns)) or '(none)'}"
            )
        clash = [f.name for f in self.fields() if f.name in pdf.columns]
        if clash:
            raise _core.CopydeskError(
                f"the input already has column(s) {', '.join(map(repr, clash))} that annotate would add; drop or rename them first"
            )
        dtype = pdf[self.column].dtype
        if not (pd.api.types.is_string_dtype(dtype) or pd.api.types.is_object_dtype(dtype) or _arrow_texty(dtype)):
            raise TypeError(f"column {self.column!r} has dtype {dtype}; copydesk.dask.annotate needs strings")

    def __call__(self, pdf: pd.DataFrame) -> pd.DataFrame:
        self._check(pdf)
        values, errors = _text_array(pdf[self.column])
        table = pa.table({"text": values})
        out = arrow.annotate(
            table, "text", layers=self.layers, threads=self.threads, offsets=self.offsets, kind_type=self.kind_type
        )
        new: dict[str, Any] = {}
        for f in self.fields():
            col = out.column(f.name)
            if f.name == "error" and errors:
                col = pa.chunked_array([_merge_errors(col.combine_chunks(), errors)], type=pa.string())
            new[f.name] = pd.Series(pd.arrays.ArrowExtensionArray(col), index=pdf.index, name=f.name)
        return pdf.assign(**new)


def _arrow_texty(dtype: Any) -> bool:
    return isinstance(dtype, pd.ArrowDtype) and arrow._is_texty(dtype.pyarrow_dtype)


def _text_array(s: pd.Series) -> tuple[pa.Array, dict[int, str]]:
    """The column as an Arrow string array; non-`str` values become null with an error."""
    try:
        arr = pa.array(s, from_pandas=True)
        if arrow._is_texty(arr.type) or pa.types.is_null(arr.type):
            return (arr.cast(pa.string()) if pa.types.is_null(arr.type) else arr), {}
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        pass
    errors: dict[int, str] = {}
    values: list[str | None] = []
    for i, v in enumerate(s.tolist()):
        if isinstance(v, str):
            values.append(v)
        else:
            values.append(None)
            if not (v is None or v is pd.NA or (isinstance(v, float) and v != v)):
                errors[i] = f"text is not a str but {type(v).__name__}"
    return pa.array(values, pa.string()), errors


def _merge_errors(col: pa.Array, errors: dict[int, str]) -> pa.Array:
    merged = col.to_pylist()
    for i, msg in errors.items():
        merged[i] = msg
    return pa.array(merged, pa.string())


def annotate(
    ddf: Any,
    column: str = "text",
    layers: Sequence[str] | str | None = None,
    threads: int | None = None,
    offsets: str = "chars",
    kind_type: str = "dictionary",
) -> Any:
    """`ddf` (a `dask.dataframe.DataFrame` with a text column) with one
    Arrow-backed list-of-struct column per layer and `error` added, computed
    lazily partition by partition; see the module docstring.

    `threads` is per worker process (default: every core it sees, or
    `COPYDESK_NUM_THREADS`); with several worker processes per machine, pass
    ``threads=1`` or set ``COPYDESK_NUM_THREADS`` on the workers.
    """
    from dask.dataframe.utils import make_meta

    fn = PartitionAnnotator(
        column=column,
        layers=_api.check_layers(layers, default=_api.DEFAULT_LAYERS),
        threads=threads,
        offsets=offsets,
        kind_type=kind_type,
    )
    arrow.fields(fn.layers, kind_type)  # layers without an Arrow form fail here, not on the workers
    if offsets not in ("chars", "bytes"):
        raise ValueError(f"offsets must be 'chars' or 'bytes', not {offsets!r}")
    return ddf.map_partitions(fn, meta=fn.meta(make_meta(ddf)))

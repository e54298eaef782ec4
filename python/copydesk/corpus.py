"""Corpus I/O for `copydesk annotate`: records in, lines out, nothing lost.

Readers turn files into `Record`s: JSON Lines (plain or gzip), Parquet, text
files (a document per file, or per line with `lines=True`) and directories of
them. A record that cannot be read (bad JSON, invalid UTF-8, a missing or
non-string text, a truncated gzip stream) is still a record, carrying an
`error` that names file, line and cause, so every input record gives exactly
one output record.

Writers write to `NAME.partial` and rename to `NAME` only when the run is
complete: an interrupted run never leaves a file that looks finished, and
`resume` continues it from the records already written.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator, Sequence, cast

from . import _core

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass
class Record:
    """One input record: where it came from, its id, and its text or why there is none."""

    source: str
    line: int
    id: Any
    text: str | None
    error: str | None = None
    size: int = 0


def _is_jsonl(name: str) -> bool:
    name = name[:-3] if name.endswith(".gz") else name
    return name.endswith(JSONL_SUFFIXES)


def _is_parquet(name: str) -> bool:
    return name.endswith(PARQUET_SUFFIXES)


class Progress:
    """Bytes of input read so far, for the progress bar's MB and ETA."""

    def __init__(self, total: int):
        self.total = total
        self.done = 0


@dataclass
class Block:
    """Complete JSON Lines of one input, annotated by the core in one call:
    `head` (the unfinished last line of the previous read) followed by
    `data[:end]`. Kept apart so that no block is copied to join them."""

    source: str
    first_line: int
    data: bytes
    end: int = -1
    head: bytes = b""

    def __post_init__(self) -> None:
        if self.end < 0:
            self.end = len(self.data)

    def lines(self) -> bytes:
        """The block's text, joined (a copy)."""
        return self.head + self.data[: self.end]


#: Bytes of JSON Lines read per block: small enough that the buffers of a
#: few blocks in flight are reused by the allocator rather than taken fresh
#: from the system (a page fault per 4 KiB) and stay in cache.
BLOCK_BYTES = 1 << 20


def _jsonl_blocks(stream: IO[bytes], name: str, progress: Progress | None) -> Iterator[Block | Record]:
    """Blocks of whole lines; a truncated gzip stream ends with an error record."""
    line = 1
    # The unfinished last line so far, in pieces (a line longer than a block
    # is joined once, when it ends, not once per read).
    rest: list[bytes] = []
    try:
        while True:
            chunk = stream.read(BLOCK_BYTES)
            if progress is not None:
                progress.done += len(chunk)
            if not chunk:
                break
            # In the core: the end of the last whole line, and the lines up to it.
            cut, lines = _core.line_block(chunk)
            if cut == 0:
                rest.append(chunk)
                continue
            yield Block(name, line, chunk, cut, b"".join(rest))
            line += lines
            rest = [chunk[cut:]]
        tail = b"".join(rest)
        if tail:
            yield Block(name, line, tail)
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        tail = b"".join(rest)
        if tail:
            yield Block(name, line, tail)
            line += tail.count(b"\n") + 1
        yield Record(name, line, line, None, f"{name}:{line}: truncated or corrupt gzip stream ({e}); the file ends here")


def read_jobs(
    paths: Sequence[str],
    text_field: str = "text",
    id_field: str = "id",
    lines: bool = False,
    progress: Progress | None = None,
) -> Iterator[Block | Record]:
    """The inputs as JSON Lines blocks (for the core to parse) and single records (the rest), in order."""
    for p in paths:
        if p == "-":
            yield from _jsonl_blocks(sys.stdin.buffer, "<stdin>", progress)
            continue
        path = Path(p)
        files = _dir_files(path) if path.is_dir() else [path]
        for f in files:
            name = str(f)
            if not f.exists():
                yield Record(p, 0, p, None, f"{p}: no such file or directory")
            elif _is_jsonl(name) and not _is_parquet(name):
                try:
                    with gzip.open(f, "rb") if name.endswith(".gz") else open(f, "rb") as stream:
                        yield from _jsonl_blocks(cast(IO[bytes], stream), name, progress)
                except OSError as e:
                    yield Record(name, 0, name, None, f"{name}: cannot read: {e.strerror or e}")
            else:
                yield from _read_file(f, text_field, id_field, lines, progress, id_base=path if path.is_dir() else None)


def skip_records(jobs: Iterator[Block | Record], n: int) -> Iterator[Block | Record]:
    """Drops the first `n` records (non-blank lines of blocks count one each)."""
    for job in jobs:
        if n <= 0:
            yield job
        elif isinstance(job, Record):
            n -= 1
        else:
            lines = job.lines().split(b"\n")
            k = 0
            while k < len(lines) and n > 0:
                if lines[k].strip():
                    n -= 1
                k += 1
            if k < len(lines):
                rest = b"\n".join(lines[k:])
                if rest.strip():
                    yield Block(job.source, job.first_line + k, rest)


def input_size(paths: Sequence[str]) -> int:
    total = 0
    for p in paths:
        if p == "-":
            continue
        path = Path(p)
        if path.is_dir():
            total += sum(f.stat().st_size for f in _dir_files(path))
        elif path.exists():
            total += path.stat().st_size
    return total


def _dir_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def read_inputs(
    paths: Sequence[str],
    text_field: str = "text",
    id_field: str = "id",
    lines: bool = False,
    progress: Progress | None = None,
) -> Iterator[Record]:
    """Every record of every input, in order."""
    for p in paths:
        if p == "-":
            yield from _jsonl(sys.stdin.buffer, "<stdin>", text_field, id_field, progress)
            continue
        path = Path(p)
        if path.is_dir():
            for f in _dir_files(path):
                yield from _read_file(f, text_field, id_field, lines, progress, id_base=path)
        elif not path.exists():
            yield Record(p, 0, p, None, f"{p}: no such file or directory")
        else:
            yield from _read_file(path, text_field, id_field, lines, progress)


def _read_file(
    path: Path, text_field: str, id_field: str, lines: bool, progress: Progress | None, id_base: Path | None = None
) -> Iterator[Record]:
    name = str(path)
    try:
        if _is_parquet(name):
            yield from _parquet(path, text_field, id_field, progress)
        elif _is_jsonl(name):
            raw = cast(IO[bytes], gzip.open(path, "rb") if name.endswith(".gz") else open(path, "rb"))
            with raw:
                yield from _jsonl(raw, name, text_field, id_field, progress)
        else:
            yield from _text(path, lines, progress, id_base)
    except OSError as e:
        yield Record(name, 0, name, None, f"{name}: cannot read: {e.strerror or e}")


def _jsonl(stream: IO[bytes], name: str, text_field: str, id_field: str, progress: Progress | None) -> Iterator[Record]:
    lineno = 0
    try:
        for lineno, raw in enumerate(stream, 1):
            if progress is not None:
                progress.done += len(raw)
            if not raw.strip():
                continue
            yield _json_record(raw, name, lineno, text_field, id_field)
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield Record(name, lineno + 1, None, None, f"{name}:{lineno + 1}: truncated or corrupt gzip stream ({e}); the file ends here")


def _json_record(raw: bytes, name: str, lineno: int, text_field: str, id_field: str) -> Record:
    where = f"{name}:{lineno}"
    size = len(raw)
    try:
        rec = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        return Record(name, lineno, lineno, None, f"{where}: invalid UTF-8 at byte {e.start}", size)
    except json.JSONDecodeError as e:
        return Record(name, lineno, lineno, None, f"{where}: bad JSON: {e.msg} at column {e.colno}", size)
    if not isinstance(rec, dict):
        return Record(name, lineno, lineno, None, f"{where}: a record must be a JSON object", size)
    doc_id = rec.get(id_field, lineno)
    text = rec.get(text_field)
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return Record(name, lineno, doc_id, None, f"{where}: field {text_field!r} is {what}", size)
    return Record(name, lineno, doc_id, text, None, size)


def _text(path: Path, lines: bool, progress: Progress | None, id_base: Path | None) -> Iterator[Record]:
    name = str(path)
    doc_id = str(path.relative_to(id_base)) if id_base else name
    data = path.read_bytes()
    if progress is not None:
        progress.done += len(data)
    if not lines:
        try:
            yield Record(name, 1, doc_id, data.decode("utf-8"), None, len(data))
        except UnicodeDecodeError as e:
            line = data[: e.start].count(b"\n") + 1
            yield Record(name, line, doc_id, None, f"{name}:{line}: invalid UTF-8 at byte {e.start}", len(data))
        return
    for lineno, raw in enumerate(io.BytesIO(data), 1):
        if not raw.strip():
            continue
        try:
            yield Record(name, lineno, f"{doc_id}:{lineno}", raw.decode("utf-8").rstrip("\r\n"), None, len(raw))
        except UnicodeDecodeError as e:
            yield Record(name, lineno, f"{doc_id}:{lineno}", None, f"{name}:{lineno}: invalid UTF-8 at byte {e.start}", len(raw))


def _parquet(path: Path, text_field: str, id_field: str, progress: Progress | None) -> Iterator[Record]:
    pq = _require_pyarrow("reading Parquet")
    name = str(path)
    f = pq.ParquetFile(path)
    names = f.schema_arrow.names
    if text_field not in names:
        yield Record(name, 0, name, None, f"{name}: no column {text_field!r} (columns: {', '.join(names)})")
        return
    columns = [text_field] + ([id_field] if id_field in names and id_field != text_field else [])
    row = 0
    per_row = path.stat().st_size / max(1, f.metadata.num_rows)
    for batch in f.iter_batches(columns=columns, batch_size=4096):
        texts = batch.column(text_field).to_pylist()
        ids = batch.column(id_field).to_pylist() if id_field in columns else None
        for k, text in enumerate(texts):
            row += 1
            doc_id = ids[k] if ids is not None else row
            if progress is not None:
                progress.done += int(per_row)
            if not isinstance(text, str):
                what = "null" if text is None else f"not a string ({type(text).__name__})"
                yield Record(name, row, doc_id, None, f"{name}: row {row}: {text_field!r} is {what}")
            else:
                yield Record(name, row, doc_id, text, None, len(text))


def _require_pyarrow(what: str) -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError as e:
        raise SystemExit(f"copydesk: {what} needs pyarrow: pip install 'copydesk[arrow]'") from e
    return pq


def parquet_schema(layers: Sequence[str]) -> Any:
    """The Parquet columns of an annotated corpus: id, error, then the Arrow
    column of each layer (as `copydesk.arrow` builds them, kinds as strings)."""
    import pyarrow as pa

    from .arrow import fields

    *layer_fields, error = fields(list(layers), kind_type="string") if layers else [pa.field("error", pa.string())]
    return pa.schema([pa.field("id", pa.string()), error, *layer_fields])


class Output:
    """An output file written under `NAME.partial`, renamed to `NAME` by `commit()`.

    JSON Lines (plain, or gzip for `.gz`) takes serialised lines; Parquet
    (`.parquet`) takes records as dicts, a row group per window.
    """

    def __init__(self, path: str, layers: Sequence[str] = (), resume: bool = False):
        self.path = path
        self.layers = tuple(layers)
        self.partial = path + ".partial"
        self.parquet = _is_parquet(path)
        self.gzip = path.endswith(".gz")
        self.done = 0
        self._writer: Any = None
        if resume and self.parquet:
            raise SystemExit("copydesk: --resume is supported for JSON Lines output, not Parquet")
        if resume and os.path.exists(self.partial):
            kept = self._complete_lines()
            self.done = len(kept)
            self._open("w")
            self.write_lines(kept)
        else:
            self._open("w")

    def _complete_lines(self) -> list[bytes]:
        """The whole lines of an interrupted run (a torn last line is dropped)."""
        out: list[bytes] = []
        opener = gzip.open if self.gzip else open
        try:
            with opener(self.partial, "rb") as f:
                for line in f:
                    if line.endswith(b"\n"):
                        out.append(line)
        except (EOFError, gzip.BadGzipFile, zlib.error):
            pass
        return out

    def _open(self, mode: str) -> None:
        if self.parquet:
            self._stream = None
            return
        raw = open(self.partial, mode + "b")
        self._stream = gzip.GzipFile(fileobj=raw, mode=mode + "b", compresslevel=6) if self.gzip else raw
        self._raw = raw

    def write_lines(self, lines: Sequence[bytes]) -> None:
        assert self._stream is not None, "JSON Lines output"
        self._stream.writelines(lines)

    def write_records(self, records: Sequence[dict[str, Any]]) -> None:
        import pyarrow as pa

        pq = _require_pyarrow("writing Parquet")
        if self._writer is None:
            self._schema = parquet_schema(self.layers)
            self._writer = pq.ParquetWriter(self.partial, self._schema)
        rows = [{**r, "id": None if r.get("id") is None else str(r["id"])} for r in records]
        self._writer.write_table(pa.Table.from_pylist(rows, schema=self._schema))

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        elif self.parquet:
            # No record at all: still write a valid, empty file.
            import pyarrow as pa

            pq = _require_pyarrow("writing Parquet")
            pq.write_table(parquet_schema(self.layers).empty_table(), self.partial)
        if self._stream is not None:
            self._stream.close()
            if self.gzip:
                self._raw.close()
            self._stream = None

    def commit(self) -> None:
        self.close()
        os.replace(self.partial, self.path)

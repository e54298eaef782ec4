"""Type stubs for the compiled `copydesk._core` extension (checked with mypy.stubtest)."""

from typing import Any, Final

import numpy as np
import numpy.typing as npt

__version__: Final[str]
TOKEN_KINDS: Final[list[str]]
QUOTE_KINDS: Final[list[str]]
QUANTITY_KINDS: Final[list[str]]

class CopydeskError(ValueError):
    """Input copydesk cannot process; `position` (a str index) where known."""

    position: int

def tokenize(
    text: str, mode: str = "ud", offsets: str = "chars", surrogates: str = "error"
) -> dict[str, npt.NDArray[np.int64] | npt.NDArray[np.uint8]]: ...
def sentences(text: str, offsets: str = "chars", surrogates: str = "error") -> dict[str, npt.NDArray[np.int64]]: ...
def normalize(
    text: str, units: str = "canonical", kinds: list[str] | None = None, surrogates: str = "error"
) -> dict[str, Any]: ...
def analyze_batch(
    texts: list[str],
    tokens: bool = True,
    sentences: bool = True,
    quotes: bool = True,
    quantities: bool = True,
    offsets: str = "chars",
    threads: int | None = None,
    surrogates: str = "error",
) -> dict[str, dict[str, Any]]: ...
def annotate_json(
    texts: list[str],
    tokens: bool = False,
    sentences: bool = True,
    quotes: bool = True,
    quantities: bool = True,
    offsets: str = "chars",
    threads: int | None = None,
    surrogates: str = "replace",
) -> list[str]: ...
def annotate_jsonl(
    data: bytes,
    first_line: int,
    source: str,
    text_field: str = "text",
    id_field: str = "id",
    tokens: bool = False,
    sentences: bool = True,
    quotes: bool = True,
    quantities: bool = True,
    offsets: str = "chars",
    threads: int | None = None,
    head: bytes | None = None,
    end: int | None = None,
) -> tuple[bytes, int, list[str], int]: ...
def line_block(data: bytes) -> tuple[int, int]: ...

"""copydesk: tokens, sentences, quotations and quantities in news text.

    >>> import copydesk
    >>> [t.text for t in copydesk.tokenize("Russia’s army didn’t move.")]
    ['Russia', '’s', 'army', 'did', 'n’t', 'move', '.']

Offsets are `str` indices, end exclusive: `text[t.start:t.end] == t.text`.
"""

from ._api import (
    DEFAULT_LAYERS,
    LAYERS,
    QUANTITY_KINDS,
    QUOTE_KINDS,
    TOKEN_KINDS,
    Analysis,
    Annotator,
    Batch,
    Normalized,
    Quantity,
    Quote,
    Rewrite,
    Sentence,
    Span,
    Spans,
    SpanTable,
    Token,
    Tokens,
    analyze,
    analyze_batch,
    analyze_many,
    normalize,
    quantities,
    quotes,
    sentences,
    sentences_batch,
    tokenize,
    tokenize_batch,
)
from ._core import CopydeskError, __version__


def __getattr__(name: str) -> object:
    # The HTML view (and numpy with it) loads on first use: the corpus
    # command never needs numpy, whose BLAS threads would idle on its cores.
    if name == "render_html":
        from .html import render_html

        return render_html
    raise AttributeError(f"module 'copydesk' has no attribute {name!r}")

__all__ = [
    "DEFAULT_LAYERS",
    "LAYERS",
    "QUANTITY_KINDS",
    "QUOTE_KINDS",
    "TOKEN_KINDS",
    "Analysis",
    "Annotator",
    "Batch",
    "CopydeskError",
    "Normalized",
    "Quantity",
    "Quote",
    "Rewrite",
    "Sentence",
    "Span",
    "Spans",
    "SpanTable",
    "Token",
    "Tokens",
    "__version__",
    "analyze",
    "analyze_batch",
    "analyze_many",
    "normalize",
    "quantities",
    "quotes",
    "render_html",
    "sentences",
    "sentences_batch",
    "tokenize",
    "tokenize_batch",
]

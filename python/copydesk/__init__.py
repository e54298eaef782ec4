"""copydesk: tokens, sentences, quotations and quantities in news text.

    >>> import copydesk
    >>> [t.text for t in copydesk.tokenize("Russia’s army didn’t move.")]
    ['Russia', '’s', 'army', 'did', 'n’t', 'move', '.']

Offsets are `str` indices, end exclusive: `text[t.start:t.end] == t.text`.
"""

from ._api import (
    DEFAULT_LAYERS,
    LAYERS,
    QUOTE_KINDS,
    TOKEN_KINDS,
    Analysis,
    Annotator,
    Batch,
    Quote,
    Sentence,
    Span,
    Spans,
    SpanTable,
    Token,
    Tokens,
    analyze,
    analyze_batch,
    analyze_many,
    quotes,
    sentences,
    sentences_batch,
    tokenize,
    tokenize_batch,
)
from ._core import CopydeskError, __version__

__all__ = [
    "DEFAULT_LAYERS",
    "LAYERS",
    "QUOTE_KINDS",
    "TOKEN_KINDS",
    "Analysis",
    "Annotator",
    "Batch",
    "CopydeskError",
    "Quote",
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
    "quotes",
    "sentences",
    "sentences_batch",
    "tokenize",
    "tokenize_batch",
]

"""Token edges for span boundaries: snap a selection to whole tokens, move an edge by one token.

Tokens come from spaCy's rule-based English tokenizer (``spacy.blank("en")``), which needs no
model. Whitespace and punctuation tokens are never left at either end of a snapped span.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc

    Tokenizer = Callable[[str], Doc]  # spacy.tokenizer is compiled and has no stub

_lock = threading.Lock()
_tokenizer: Tokenizer | None = None


def tokenizer() -> Tokenizer:
    """The shared blank English tokenizer (spaCy is imported on first use)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import spacy

            _tokenizer = spacy.blank("en").tokenizer
    return _tokenizer


@dataclass(frozen=True)
class Tokens:
    """Word tokens of a text (no whitespace, no punctuation) as code-point ranges."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.starts)


def tokenize(text: str) -> Tokens:
    """The word tokens of ``text``: spaCy tokens that are neither space nor punctuation."""
    starts, ends = [], []
    for token in tokenizer()(text):
        if token.is_space or token.is_punct or not token.text.strip():
            continue
        starts.append(token.idx)
        ends.append(token.idx + len(token.text))
    return Tokens(tuple(starts), tuple(ends))


def snap(tokens: Tokens, start: int, end: int) -> tuple[int, int] | None:
    """The word tokens that ``[start, end)`` touches, as one span; None when it touches none.

    A partly selected word is taken whole; spaces and punctuation at either end drop out.
    """
    if end <= start:
        return None
    first = bisect_right(tokens.ends, start)  # first token ending after start
    last = bisect_left(tokens.starts, end) - 1  # last token starting before end
    if first > last:
        return None
    return tokens.starts[first], tokens.ends[last]


POSSESSIVES = frozenset({"'s", "’s"})


def without_possessive(tokens: Tokens, text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without a possessive ending it ("Trump's" -> "Trump": names are
    labelled without it), unless nothing else would be left."""
    last = bisect_left(tokens.starts, end) - 1
    if last < 1 or tokens.ends[last] != end or tokens.starts[last] <= start:
        return start, end
    if text[tokens.starts[last] : end].lower() not in POSSESSIVES:
        return start, end
    return start, tokens.ends[last - 1]


def token_at(tokens: Tokens, position: int) -> tuple[int, int] | None:
    """The word token containing ``position`` (or ending right at it), for double-clicks."""
    i = bisect_right(tokens.starts, position) - 1
    if i >= 0 and position <= tokens.ends[i]:
        return tokens.starts[i], tokens.ends[i]
    return None


def move_edge(tokens: Tokens, start: int, end: int, edge: str, step: int) -> tuple[int, int] | None:
    """``[start, end)`` with its ``edge`` ("start" or "end") moved one word token left (step -1)
    or right (+1); None when it cannot move (text edge, or the span would become empty)."""
    if edge == "start":
        if step < 0:
            i = bisect_left(tokens.starts, start) - 1
        else:
            i = bisect_right(tokens.starts, start)
        if 0 <= i < len(tokens) and tokens.starts[i] < end:
            return tokens.starts[i], end
        return None
    if edge != "end":
        raise ValueError(f"edge must be 'start' or 'end', not {edge!r}")
    if step > 0:
        i = bisect_right(tokens.ends, end)
    else:
        i = bisect_left(tokens.ends, end) - 1
    if 0 <= i < len(tokens) and tokens.ends[i] > start:
        return start, tokens.ends[i]
    return None

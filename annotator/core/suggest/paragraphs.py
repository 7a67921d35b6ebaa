"""Paragraphs of a parsed text: a paragraph ends at a line break (news attributes a quote
inside its own paragraph, or the one before it)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def paragraph_bounds(doc: Doc, span: Span) -> tuple[int, int]:
    """Token range of the paragraphs ``span`` lies in (paragraphs end at a newline)."""
    low, high = span.start, span.end
    while low > 0 and not line_break(doc[low - 1]):
        low -= 1
    while high < len(doc) and not line_break(doc[high]):
        high += 1
    return low, high


def same_paragraph(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens ``i`` and ``j`` lie in one paragraph."""
    low, high = min(i, j), max(i, j)
    return not any(line_break(t) for t in doc[low:high])


def line_break(token: Token) -> bool:
    """Whether ``token`` is whitespace holding a newline (where a line, a paragraph, ends)."""
    return token.is_space and "\n" in token.text


def ends_line(token: Token) -> bool:
    """Whether a line ends at ``token`` or in the whitespace right after it."""
    return line_break(token) or "\n" in token.whitespace_

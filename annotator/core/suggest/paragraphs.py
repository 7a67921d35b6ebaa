"""Paragraphs of a parsed text: a paragraph ends at a line break (news attributes a quote
inside its own paragraph, or the one before it)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

PARAGRAPH_SENTENCES = "paragraph_sentences"


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


@Language.component(PARAGRAPH_SENTENCES)
def paragraph_sentences(doc: Doc) -> Doc:
    """Before the parser: a blank line ends a sentence. A caption or credit line without a full
    stop ("Photo Credit: NASA/Robert Markowitz") is otherwise parsed into the next paragraph's
    sentence, whose subject then hangs from the caption and is lost to the quote's "she said"."""
    for token in doc[1:-1]:
        # a line that ends in a colon introduces the next paragraph ("… implications:⏎⏎…")
        if token.is_space and token.text.count("\n") >= 2 and doc[token.i - 1].text != ":":
            doc[token.i + 1].is_sent_start = True
    return doc

"""Fitting spans to tokens, with the one snapping rule every token-based export uses.

Rule: ``Doc.char_span(start, end, alignment_mode="expand")`` widens a span to the edges of
the tokens it touches; whitespace tokens at either edge are then trimmed. A span that is
outside the text, or empty or whitespace-only after this, is dropped. Every span that moved
or was dropped is counted and listed in the :class:`AlignmentReport`; with ``strict`` it is
an :class:`ExportError` instead.

Character-based formats (doccano, labelstudio, brat) take spans exactly as stored: no
tokenizer, no snapping; only empty, whitespace-only and out-of-range spans are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.export.report import AlignmentReport, Case, ExportError
from annotator.core.export.selection import Version
from annotator.core.model import Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as TokenSpan


@dataclass
class OutSpan:
    """A span as exported: character offsets (after snapping) and, for token formats, tokens."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)
    origin: str = "human"
    key: int | None = None  # the span's row id, for links
    token_start: int | None = None
    token_end: int | None = None  # inclusive, as Prodigy counts

    @property
    def token_range(self) -> tuple[int, int]:
        """``(first, end)`` token indexes (end exclusive, as spaCy slices) of a snapped span."""
        assert self.token_start is not None and self.token_end is not None, "token formats snap every span"
        return self.token_start, self.token_end + 1


@dataclass
class OutRelation:
    """A link between two exported spans."""

    head: OutSpan
    child: OutSpan
    label: str


@dataclass
class Task:
    """One version of one article, ready for a writer."""

    version: Version
    spans: list[OutSpan]
    relations: list[OutRelation]
    doc: Doc | None = None  # a spaCy Doc for token formats

    @property
    def text(self) -> str:
        """The article text."""
        return self.version.article.text

    @property
    def tokens(self) -> Doc:
        """The spaCy Doc of a token format's task."""
        assert self.doc is not None, "token formats tokenize every task"
        return self.doc


@lru_cache(maxsize=4)
def load_tokenizer(model: str | None = None) -> Language:
    """The project's model (tokenizer only) when ``model`` names an installed pipeline,
    else ``spacy.blank("en")`` (the same English tokenizer rules)."""
    import spacy

    if model and (spacy.util.is_package(model) or Path(model).is_dir()):
        return spacy.load(
            model,
            exclude=[
                "tok2vec",
                "tagger",
                "parser",
                "senter",
                "ner",
                "attribute_ruler",
                "lemmatizer",
                "transformer",
            ],
        )
    return spacy.blank("en")


def snap(doc: Doc, start: int, end: int) -> TokenSpan | None:
    """The token span a character span snaps to, or None when nothing but whitespace is left."""
    # the text's length from the last token: ``doc.text`` would rebuild the whole text per span
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if not 0 <= start < end <= length:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    first, last = span.start, span.end
    while first < last and doc[first].is_space:
        first += 1
    while last > first and doc[last - 1].is_space:
        last -= 1
    return doc[first:last] if first < last else None


class Aligner:
    """Turns versions into tasks, counting into ``report``."""

    def __init__(self, report: AlignmentReport, nlp: Language | None = None, strict: bool = False) -> None:
        self.report, self.nlp, self.strict = report, nlp, strict

    def task(self, version: Version) -> Task:
        """Snap (or check) every span of ``version``; duplicates after snapping are dropped."""
        text = version.article.text
        doc = self.nlp.make_doc(text) if self.nlp is not None else None
        placed: dict[int, OutSpan] = {}  # span row id -> what it became (duplicates share one)
        unique: dict[tuple[int, int, str], OutSpan] = {}
        for span in version.spans:
            out = self._place(version, span, doc)
            if out is None:
                continue
            key = (out.start, out.end, out.label)
            if key in unique:  # links to the duplicate still reach the kept span
                self._drop(version, span, "same label on the same tokens twice")
            else:
                unique[key] = out
                self.report.kept += 1
            placed[span.stored_id] = unique[key]
        ordered = [unique[key] for key in sorted(unique)]  # snapping can change the order
        return Task(version, ordered, self._links(version, placed), doc)

    def _place(self, version: Version, span: Span, doc: Doc | None) -> OutSpan | None:
        self.report.spans += 1
        text = version.article.text
        if not 0 <= span.start < span.end <= len(text):
            self._drop(version, span, "empty or outside the text")
            return None
        if not text[span.start : span.end].strip():
            self._drop(version, span, "whitespace only")
            return None
        out = OutSpan(span.start, span.end, span.label, dict(span.attrs), span.origin, span.id)
        if doc is None:
            return out
        tokens = snap(doc, span.start, span.end)
        if tokens is None:
            self._drop(version, span, "no token left after snapping")
            return None
        out.start, out.end = tokens.start_char, tokens.end_char
        out.token_start, out.token_end = tokens.start, tokens.end - 1
        if (out.start, out.end) != (span.start, span.end):
            self.report.snapped += 1
            self._case(version, span, f"snapped to {out.start}..{out.end} {text[out.start : out.end]!r}")
        return out

    def _links(self, version: Version, placed: dict[int, OutSpan]) -> list[OutRelation]:
        links: list[OutRelation] = []
        seen: set[tuple[int, int, str]] = set()
        for rel in version.relations:
            self.report.relations += 1
            if rel.head_id not in placed or rel.child_id not in placed:
                self.report.relations_dropped[f"{rel.label}: one end was dropped"] += 1
                continue
            head, child = placed[rel.head_id], placed[rel.child_id]
            if (id(head), id(child), rel.label) in seen:
                self.report.relations_dropped[f"{rel.label}: same link twice"] += 1
                continue
            seen.add((id(head), id(child), rel.label))
            links.append(OutRelation(head, child, rel.label))
            self.report.relations_kept += 1
        return links

    def _drop(self, version: Version, span: Span, reason: str) -> None:
        self.report.dropped[reason] += 1
        self._case(version, span, f"dropped: {reason}")

    def _case(self, version: Version, span: Span, what: str) -> None:
        case = Case(version.article.id, version.annotator, span.label, span.start, span.end, what)
        if self.strict:
            raise ExportError(f"{case.line()} (--strict: no span may move or be left out)")
        self.report.note(case)

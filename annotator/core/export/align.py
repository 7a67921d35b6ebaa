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

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.entity_conflicts import label_conflicts
from annotator.core.export.report import AlignmentReport, Case, ExportError
from annotator.core.export.selection import Version
from annotator.core.model import Span

TOKENIZE_BATCH = 256  # articles tokenised together (the export's reading batch is larger)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


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
    score: float | None = None  # a suggestion's score

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
    edges: TokenEdges | None = None  # the Doc's token offsets, for token formats

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


@dataclass
class TokenEdges:
    """A Doc's tokens as plain lists, read once from its arrays (no Token objects are made)."""

    starts: list[int]
    ends: list[int]  # exclusive, trailing whitespace not included
    ws: list[int]  # 1 when whitespace follows the token
    space: list[int]  # 1 for a whitespace-only token

    @classmethod
    def of(cls, doc: Doc) -> TokenEdges:
        """The edges of ``doc``'s tokens."""
        if not len(doc):
            return cls([], [], [], [])
        rows = doc.to_array(["IDX", "LENGTH", "SPACY", "IS_SPACE"])
        starts = rows[:, 0]
        return cls(starts.tolist(), (starts + rows[:, 1]).tolist(), rows[:, 2].tolist(), rows[:, 3].tolist())

    @property
    def length(self) -> int:
        """The length of the text the tokens cover (with the last token's whitespace)."""
        return self.ends[-1] + self.ws[-1] if self.ends else 0


def snap(edges: TokenEdges, start: int, end: int) -> tuple[int, int] | None:
    """The tokens ``first..last`` (last exclusive) a character span snaps to, or None when
    nothing but whitespace is left.

    The same rule as ``Doc.char_span(start, end, alignment_mode="expand")`` followed by
    trimming whitespace tokens at either edge: every token that overlaps the span is taken.
    """
    if not 0 <= start < end <= edges.length:
        return None
    first = bisect_right(edges.ends, start)  # the first token ending after start
    last = bisect_left(edges.starts, end)  # one past the last token starting before end
    while first < last and edges.space[first]:
        first += 1
    while last > first and edges.space[last - 1]:
        last -= 1
    return (first, last) if first < last else None


class Aligner:
    """Turns versions into tasks, counting into ``report``."""

    def __init__(
        self,
        report: AlignmentReport,
        nlp: Language | None = None,
        strict: bool = False,
        entities: Iterable[str] = (),
    ) -> None:
        self.report, self.nlp, self.strict = report, nlp, strict
        self._last: tuple[Doc, TokenEdges] | None = None  # the last Doc and its edges
        self.entities = set(entities)  # labels of doc.ents: two of them on one token conflict

    def docs(self, texts: list[str]) -> list[Doc | None]:
        """One Doc per text, tokenised in one batch by the tokenizer alone (Nones without one)."""
        if self.nlp is None:
            return [None] * len(texts)
        tokenizer: Any = self.nlp.tokenizer  # spaCy's Tokenizer (compiled, no stubs: has .pipe)
        docs: list[Doc | None] = list(tokenizer.pipe(texts, batch_size=TOKENIZE_BATCH))
        return docs

    def task(self, version: Version, doc: Doc | None = None) -> Task:
        """Snap (or check) every span of ``version``; duplicates after snapping are dropped.

        ``doc``: the article's tokens when already made (shared by its versions); else the
        tokenizer runs here.
        """
        if doc is None and self.nlp is not None:
            doc = self.nlp.tokenizer(version.article.text)
        edges = self._edges(doc)
        placed: dict[int, OutSpan] = {}  # span row id -> what it became (duplicates share one)
        unique: dict[tuple[int, int, str], OutSpan] = {}
        for span in version.spans:
            out = self._place(version, span, edges)
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
        self._conflicts(version, ordered)
        return Task(version, ordered, self._links(version, placed), doc, edges)

    def _edges(self, doc: Doc | None) -> TokenEdges | None:
        """The token edges of ``doc``, read once however many versions share it."""
        if doc is None:
            return None
        if self._last is None or self._last[0] is not doc:
            self._last = (doc, TokenEdges.of(doc))
        return self._last[1]

    def _conflicts(self, version: Version, spans: list[OutSpan]) -> None:
        """Count (``--strict``: refuse) two entity labels on the same token(s)."""
        for a, b in label_conflicts(spans, self.entities):
            where = version.article.text[min(a.start, b.start) : max(a.end, b.end)]
            case = Case(
                version.article.id,
                version.annotator,
                f"{a.label}+{b.label}",
                min(a.start, b.start),
                max(a.end, b.end),
                f"{where!r}: {a.label} {a.start}..{a.end} and {b.label} {b.start}..{b.end} on the same token(s)",
            )
            if self.strict:
                raise ExportError(f"{case.line()} (--strict: no token may carry two entity labels)")
            self.report.note_conflict(case)

    def _place(self, version: Version, span: Span, edges: TokenEdges | None) -> OutSpan | None:
        self.report.spans += 1
        text = version.article.text
        if not 0 <= span.start < span.end <= len(text):
            self._drop(version, span, "empty or outside the text")
            return None
        if not text[span.start : span.end].strip():
            self._drop(version, span, "whitespace only")
            return None
        out = OutSpan(
            span.start, span.end, span.label, dict(span.attrs), span.origin, span.id, score=span.score
        )
        if edges is None:
            return out
        tokens = snap(edges, span.start, span.end)
        if tokens is None:
            self._drop(version, span, "no token left after snapping")
            return None
        first, last = tokens
        out.start, out.end = edges.starts[first], edges.ends[last - 1]
        out.token_start, out.token_end = first, last - 1
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

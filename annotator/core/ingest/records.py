"""What every reader yields: one article with the labels that came with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import Span

Where = tuple[object, "int | None"]
"""The file and line a problem is reported at: ``InputError(*where, problem)``."""


@dataclass
class SpanIn:
    """A span as read from a file, before it is checked against the text and the scheme."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)
    key: object = None  # the file's own id for the span, for relations
    text: str | None = None  # the text the file says is at the offsets, when it says so
    origin: str | None = None  # a suggestion's origin (e.g. Label Studio's model_version)
    score: float | None = None  # a suggestion's score

    def as_span(self, article_id: int, **fields: Any) -> Span:
        """This span as a row of ``article_id`` (``fields``: origin, status, annotator, score)."""
        return Span(article_id, self.start, self.end, self.label, attrs=self.attrs, **fields)


@dataclass
class RelationIn:
    """A relation between two spans of the same record, by their index in ``spans``."""

    head: int
    child: int
    label: str


@dataclass
class Record:
    """One article read from ``path`` at ``line`` (1-based)."""

    text: str
    path: str
    line: int
    title: str = ""
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[SpanIn] = field(default_factory=list)
    relations: list[RelationIn] = field(default_factory=list)
    answer: str | None = None  # Prodigy's accept / reject / ignore, when given
    suggestions: list[SpanIn] = field(default_factory=list)  # pre-annotations, not labels
    suggested_relations: list[RelationIn] = field(default_factory=list)  # by index in suggestions
    skipped: dict[str, int] = field(default_factory=dict)  # lines/items left out, per kind
    notes: list[str] = field(default_factory=list)  # "FILE:LINE: what was left out and why"
    rejected_spans: int = 0  # spans of a Prodigy task answered ``reject``, left out
    annotator: str | None = None  # who made the spans, when the file names them (else --annotator)
    repeat: bool = False  # another annotator's version of the previous record's article


def annotator_name(value: object, where: Where) -> str | None:
    """The annotator a file names (a non-empty string, or a number as Label Studio's user ids
    are); ``None`` when it names nobody. A name with control characters is refused."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(*where, f"an annotator must be named by a string, got {value!r}")
    name = value.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise InputError(*where, f"annotator name {name!r} has control characters")
    return name or None

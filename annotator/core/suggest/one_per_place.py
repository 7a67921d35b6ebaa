"""One suggestion per place, against what an article already holds: a new entity suggestion
is not stored inside a longer entity there (a suggested or accepted name it is part of), and
one over the words of a pending entity suggestion with another label either takes its place
(annotation memory over the model's guess, or over what memory said before) or is kept as
that suggestion's alternative."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.model import Span
from annotator.core.suggest.memory import ENTITY_LABELS
from annotator.core.suggest.suggestion import Suggestion

if TYPE_CHECKING:
    from annotator.core.store import Project


@dataclass
class Placement:
    """What to do with one new suggestion: ``store`` it (after deleting the pending rows of
    ``replaces``), and which ``(span id, label, origin)`` alternatives to record."""

    store: bool
    replaces: list[int] = field(default_factory=list)
    alternatives: list[tuple[int, str, str]] = field(default_factory=list)


def entity_rows(project: Project, article_id: int) -> list[Span]:
    """The article's entity rows that are not rejected: pending suggestions and accepted spans."""
    rows = project.spans_in([article_id], ("suggested", "accepted"))
    return [r for r in rows if r.label in ENTITY_LABELS]


def place(s: Suggestion, rows: list[Span]) -> Placement:
    """Where ``s`` stands among the article's entity ``rows`` (see the module)."""
    if s.label not in ENTITY_LABELS:
        return Placement(True)
    if any(_within(s, r) for r in rows):
        return Placement(False)
    shared = [r for r in rows if r.annotator is None and r.status == "suggested"]
    pending = [r for r in shared if r.label != s.label]
    here = [r for r in pending if (r.start, r.end) == (s.start, s.end)]
    if s.origin == "memory":  # over other labels, and over shorter names inside it
        beaten = [
            r for r in shared if r.start < s.end and s.start < r.end and (r.label != s.label or _within(r, s))
        ]
        return Placement(True, [r.stored_id for r in beaten])
    if here:
        return Placement(False, alternatives=[(here[0].stored_id, s.label, s.origin)])
    return Placement(True)


def _within(inner: Suggestion | Span, outer: Suggestion | Span) -> bool:
    """Whether ``inner`` lies within the longer ``outer``."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and outer.end - outer.start > inner.end - inner.start
    )

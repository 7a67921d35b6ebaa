"""Small frozen records the core passes around: articles, spans, relations."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

ORIGINS = ("human", "model", "pattern", "memory")
STATUSES = ("suggested", "accepted", "rejected")
ARTICLE_STATES = ("new", "in_progress", "done", "skipped", "flagged", "reviewed")


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def content_hash(text: str) -> str:
    """The dedupe key of an article: SHA-256 of its exact text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article."""

    id: int
    text: str
    title: str = ""
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    content_hash: str = ""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Article:
        return cls(
            id=row["id"],
            text=row["text"],
            title=row["title"] or "",
            source=row["source"] or "",
            meta=json.loads(row["meta"] or "{}"),
            content_hash=row["content_hash"],
        )


@dataclass(frozen=True)
class Span:
    """A labelled character range ``[start, end)`` in code points.

    ``annotator`` is None for a pending suggestion shared by everyone; a person's
    decision about a suggestion is their own row pointing at it by ``suggestion_id``.
    """

    article_id: int
    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)
    origin: str = "human"
    status: str = "accepted"
    annotator: str | None = None
    score: float | None = None
    suggestion_id: int | None = None
    id: int | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def is_suggestion(self) -> bool:
        return self.status == "suggested"

    @property
    def stored_id(self) -> int:
        """The id of a span read from (or allocated in) the project; one without an id is a bug."""
        assert self.id is not None, "a span that is not in the project yet has no id"
        return self.id

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def evolve(self, **changes: Any) -> Span:
        return replace(self, **changes)

    def to_row(self) -> dict[str, Any]:
        row = {k: getattr(self, k) for k in _SPAN_COLUMNS}
        row["attrs"] = json.dumps(self.attrs, ensure_ascii=False, sort_keys=True)
        if self.id is None:
            del row["id"]
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Span:
        values = {k: row[k] for k in _SPAN_COLUMNS}
        values["attrs"] = json.loads(row["attrs"] or "{}")
        return cls(**values)


_SPAN_COLUMNS = (
    "id",
    "article_id",
    "start",
    "end",
    "label",
    "attrs",
    "origin",
    "status",
    "annotator",
    "score",
    "suggestion_id",
    "created_at",
    "updated_at",
)

# origin of a suggested SPEAKER link that no reporting tag gives: someone named near the quote
SPEAKER_GUESS = "guess"


@dataclass(frozen=True)
class Relation:
    """A directed link between two spans, e.g. SPEAKER from a QUOTE (head) to an ACTOR (child);
    a suggested SPEAKER link of origin :data:`SPEAKER_GUESS` only names someone near the quote."""

    article_id: int
    head_id: int
    child_id: int
    label: str = "SPEAKER"
    origin: str = "human"
    status: str = "accepted"
    annotator: str | None = None
    id: int | None = None
    created_at: str = ""
    updated_at: str = ""

    def evolve(self, **changes: Any) -> Relation:
        return replace(self, **changes)

    def to_row(self) -> dict[str, Any]:
        row = {k: getattr(self, k) for k in _RELATION_COLUMNS}
        if self.id is None:
            del row["id"]
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Relation:
        return cls(**{k: row[k] for k in _RELATION_COLUMNS})


_RELATION_COLUMNS = (
    "id",
    "article_id",
    "head_id",
    "child_id",
    "label",
    "origin",
    "status",
    "annotator",
    "created_at",
    "updated_at",
)


@dataclass
class Change:
    """One row of ``table`` going from ``before`` to ``after`` (None: absent)."""

    table: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def reversed(self) -> Change:
        """The change that takes this one back (``after`` to ``before``)."""
        return Change(self.table, self.after, self.before)


@dataclass(frozen=True)
class Cause:
    """Who changed rows and why, as the history records it: an action (``add ACTOR``,
    ``undo add ACTOR``) in an article, as part of the edit-log entry ``edit_id``."""

    annotator: str | None
    action: str
    article_id: int | None
    edit_id: int | None = None


EDIT_KINDS = ("do", "undo", "redo")


@dataclass(frozen=True)
class EditRecord:
    """One entry of the edit log: an edit a person made (``do``), or an undo or redo of one
    (``undoes``: the id of the ``do`` entry it takes back or makes again)."""

    id: int
    article_id: int
    annotator: str
    name: str
    kind: str = "do"
    undoes: int | None = None
    focus_span_id: int | None = None
    at: str = ""

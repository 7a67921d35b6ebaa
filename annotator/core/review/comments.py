"""Reviewers' notes on an article or one of its spans: an edit (saved, logged, undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.store import Project

from annotator.core.edits import Change, Edit
from annotator.core.errors import EditError
from annotator.core.model import now_iso


def add_comment(
    project: Project, article_id: int, text: str, annotator: str, span_id: int | None = None
) -> Edit:
    """Attach ``text`` to the article (or to ``span_id`` in it). Build it with ``project.perform``."""
    text = text.strip()
    if not text:
        raise EditError("an empty note is not saved")
    if span_id is not None and project.span(span_id).article_id != article_id:
        raise EditError(f"span {span_id} is not in article {article_id}")
    row = {
        "id": project.new_id("comments"),
        "article_id": article_id,
        "span_id": span_id,
        "annotator": annotator,
        "text": text,
        "created_at": now_iso(),
    }
    edit = Edit(name="comment", article_id=article_id, annotator=annotator)
    edit.changes.append(Change("comments", None, row))
    return edit


def comments_of(project: Project, article_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """article id -> its notes (``span_id``, ``annotator``, ``text``, ``created_at``), oldest first."""
    return project.review.comments(list(article_ids))

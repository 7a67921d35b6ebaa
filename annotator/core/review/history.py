"""The audit: every change from the append-only history, with a one-line summary of each."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from annotator.core.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.core.store import Project


def iso_date(value: str | None) -> str | None:
    """``--since``: an ISO date or date-time, as the history's UTC timestamp text compares."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise AnnotatorError(
            f"--since {value!r}: not an ISO date such as 2026-11-28 or 2026-11-28T09:30"
        ) from None
    if moment.tzinfo is not None:
        from datetime import UTC

        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="milliseconds")


def history_entries(
    project: Project,
    article_id: int | None = None,
    annotator: str | None = None,
    since: str | None = None,
    span_id: int | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """History rows, oldest first, each with a ``summary``; undo and redo are rows of their own.

    With ``span_id``: the story of that span (its rows, the suggestion it came from, its notes).
    """
    row_ids = None
    ids: set[int] = set()
    if span_id is not None:
        span = project.span(span_id)
        ids = {span_id} | ({span.suggestion_id} if span.suggestion_id else set())
        row_ids = {"spans": ids}
        article_id = span.article_id if article_id is None else article_id
    rows = project.review.history_rows(article_id, annotator, since, row_ids, limit)
    if span_id is not None:
        notes = project.review.history_rows(article_id, None, since, None, limit)
        rows += [
            r
            for r in notes
            if r["table_name"] == "comments" and (r["after"] or r["before"] or {}).get("span_id") in ids
        ]
        rows.sort(key=lambda r: r["id"])
    return [{**row, "summary": summarize(row)} for row in rows]


def _span_text(row: dict[str, Any] | None) -> str:
    if not row:
        return "none"
    return f"{row.get('label')} {row.get('start')}..{row.get('end')} {row.get('status')}"


def summarize(row: dict[str, Any]) -> str:
    """One line saying what changed, before -> after."""
    table, before, after = row["table_name"], row["before"], row["after"]
    if table == "spans":
        return f"span {_span_text(before)} -> {_span_text(after)}"
    if table == "relations":
        rel = after or before
        return f"{rel.get('label')} link {rel.get('head_id')}->{rel.get('child_id')} {(before or {}).get('status', 'none')} -> {(after or {}).get('status', 'none')}"
    if table == "article_states":
        return f"state {(before or {}).get('state', 'new')} -> {(after or {}).get('state', 'new')}"
    if table == "comments":
        note = after or before
        verb = "note" if after else "note removed"
        return (
            f"{verb}{' on span ' + str(note['span_id']) if note.get('span_id') else ''}: {note.get('text')}"
        )
    if table == "decisions":
        return f"{(before or {}).get('spans', 0)} -> {(after or {}).get('spans', 0)} span(s) from {(after or {}).get('from')}"
    return ", ".join(f"{k}={v}" for k, v in (after or {}).items())

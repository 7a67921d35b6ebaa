"""Writing one row change of an edit (or of its undo) exactly as recorded, with its history;
reading a changed row as it is now (undo checks nothing else changed it since)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from annotator.core.model import Cause, Change
from annotator.core.store import articles, history


def write(db: Database, change: Change, cause: Cause) -> None:
    """Make the row of ``change.table`` go from ``change.before`` to ``change.after`` (None:
    absent) and log it in the history with its ``cause``."""
    table, before, after = change.table, change.before, change.after
    row = after or before
    assert row is not None, "a change has a before or an after image"
    if table == "article_states":
        articles.write_state(db, row["article_id"], row["annotator"], after["state"] if after else None)
    elif after is None:
        db.table(table).delete(row["id"])
    else:
        db.table(table).upsert(after, pk="id")
    history.record(
        db,
        annotator=cause.annotator,
        action=cause.action,
        table=table,
        row_id=row.get("id"),
        article_id=cause.article_id,
        before=before,
        after=after,
        edit_id=cause.edit_id,
    )


def current(db: Database, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
    """The row of ``table`` that ``row`` (a before or after image) is about, as it is now."""
    if table == "article_states":
        where, params = "article_id = ? AND annotator = ?", [row["article_id"], row["annotator"]]
    else:
        where, params = "id = ?", [row["id"]]
    found = list(db.table(table).rows_where(where, params))
    return found[0] if found else None

"""Writing one row change of an edit (or of its undo) exactly as recorded, with its history;
reading a changed row as it is now (undo checks nothing else changed it since)."""

from __future__ import annotations

from sqlite_utils import Database

from annotator.core.store import articles, history


def write(
    db: Database,
    table: str,
    before: dict | None,
    after: dict | None,
    *,
    annotator: str | None,
    action: str,
    article_id: int | None,
    edit_id: int | None = None,
) -> None:
    """Make the row of ``table`` go from ``before`` to ``after`` (None: absent) and log it
    (as part of the edit-log entry ``edit_id``)."""
    if table == "article_states":
        row = after or before
        articles.write_state(db, row["article_id"], row["annotator"], after and after["state"])
    elif after is None:
        db[table].delete(before["id"])
    else:
        db[table].upsert(after, pk="id")
    history.record(
        db,
        annotator=annotator,
        action=action,
        table=table,
        row_id=(after or before).get("id"),
        article_id=article_id,
        before=before,
        after=after,
        edit_id=edit_id,
    )


def current(db: Database, table: str, row: dict) -> dict | None:
    """The row of ``table`` that ``row`` (a before or after image) is about, as it is now."""
    if table == "article_states":
        where, params = "article_id = ? AND annotator = ?", [row["article_id"], row["annotator"]]
    else:
        where, params = "id = ?", [row["id"]]
    found = list(db[table].rows_where(where, params))
    return found[0] if found else None

"""Writing one row change of an edit (or of its undo) exactly as recorded, with its history."""

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
) -> None:
    """Make the row of ``table`` go from ``before`` to ``after`` (None: absent) and log it."""
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
    )

"""Which articles a suggester has finished (``suggest_done``) and with which model, so a
suggestion run resumes and a new model replaces the pending suggestions of another."""

from __future__ import annotations

from sqlite_utils import Database


def done_ids(db: Database, suggester: str) -> set[int]:
    """Ids of the articles ``suggester`` has finished."""
    sql = "SELECT article_id FROM suggest_done WHERE suggester = ?"
    return {r[0] for r in db.execute(sql, [suggester])}


def done_models(db: Database, suggester: str) -> dict[int, str | None]:
    """``{article_id: model}`` of the articles ``suggester`` finished (model None: from before
    models were recorded)."""
    sql = "SELECT article_id, model FROM suggest_done WHERE suggester = ?"
    return dict(db.execute(sql, [suggester]).fetchall())


def mark_done(
    db: Database, article_ids: list[int], suggester: str, stamp: str, model: str | None = None
) -> None:
    """Record that ``suggester`` finished these articles at ``stamp`` with ``model``."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO suggest_done (article_id, suggester, done_at, model) VALUES (?, ?, ?, ?)",
        [(article_id, suggester, stamp, model) for article_id in article_ids],
    )


_PENDING = (
    "SELECT id FROM spans s WHERE article_id = ? AND annotator IS NULL AND status = 'suggested' "
    "AND origin != 'memory' AND NOT EXISTS (SELECT 1 FROM spans d WHERE d.suggestion_id = s.id)"
)


def drop_pending_suggestions(db: Database, article_id: int) -> int:
    """Delete the model's undecided suggestions of an article and their suggested links.

    Kept: every person's row, suggestions a person decided on (a row points at them by
    ``suggestion_id``), and annotation-memory suggestions. Returns how many were deleted.
    """
    ids = [r[0] for r in db.execute(_PENDING, [article_id])]
    if not ids:
        return 0
    marks = ",".join("?" * len(ids))
    db.execute(
        f"DELETE FROM relations WHERE article_id = ? AND annotator IS NULL AND status = 'suggested' "
        f"AND (head_id IN ({marks}) OR child_id IN ({marks}))",
        [article_id, *ids, *ids],
    )
    db.execute(f"DELETE FROM spans WHERE id IN ({marks})", ids)
    return len(ids)

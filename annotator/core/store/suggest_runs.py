"""Which articles a suggester has finished (``suggest_done``), so a suggestion run resumes."""

from __future__ import annotations

from sqlite_utils import Database


def done_ids(db: Database, suggester: str) -> set[int]:
    """Ids of the articles ``suggester`` has finished."""
    sql = "SELECT article_id FROM suggest_done WHERE suggester = ?"
    return {r[0] for r in db.execute(sql, [suggester])}


def mark_done(db: Database, article_ids: list[int], suggester: str, stamp: str) -> None:
    """Record that ``suggester`` finished these articles at ``stamp``."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO suggest_done (article_id, suggester, done_at) VALUES (?, ?, ?)",
        [(article_id, suggester, stamp) for article_id in article_ids],
    )

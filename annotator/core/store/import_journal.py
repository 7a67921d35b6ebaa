"""The import journal: what an unfinished import has committed, so it can be taken back.

An import commits in short transactions (other writers get the file in between). Each one
also notes its new rows here under the import's job name; the import's last transaction
writes its history row and clears its notes. An import that stops takes its rows back; one
that was killed is taken back by the next process that opens the project for writing.
"""

from __future__ import annotations

from sqlite_utils import Database

from annotator.core.store import articles

_ADD = "INSERT INTO import_rows (job, kind, row_id, annotator, before) VALUES (?, ?, ?, ?, ?)"


def note(db: Database, job: str, kind: str, ids: list[int]) -> None:
    """Remember new rows of ``kind`` (articles, spans, relations) written by ``job``."""
    db.conn.executemany(_ADD, [(job, kind, i, None, None) for i in ids])


def note_state(db: Database, job: str, article_id: int, annotator: str, before: str | None) -> None:
    """Remember an article state ``job`` set, and what it was before (None: no row)."""
    db.execute(_ADD, [job, "state", article_id, annotator, before])


def finish(db: Database, job: str) -> None:
    """The import is complete: its rows are no longer provisional."""
    db.execute("DELETE FROM import_rows WHERE job = ?", [job])


def jobs(db: Database) -> list[str]:
    """Imports with provisional rows (running, stopped or killed)."""
    return [r[0] for r in db.execute("SELECT DISTINCT job FROM import_rows")]


def take_back(db: Database, job: str) -> int:
    """Delete what ``job`` wrote (call inside a transaction); returns how many of its new
    articles stay because someone else already worked on them."""
    rows = db.execute(
        "SELECT kind, row_id, annotator, before FROM import_rows WHERE job = ? ORDER BY rowid DESC", [job]
    ).fetchall()
    by_kind: dict[str, list[int]] = {"relations": [], "spans": [], "articles": []}
    for kind, row_id, annotator, before in rows:
        if kind == "state":
            articles.write_state(db, row_id, annotator, before)
        else:
            by_kind[kind].append(row_id)
    _delete(db, "relations", by_kind["relations"])
    _delete(db, "spans", by_kind["spans"])
    kept = 0
    for article_id in by_kind["articles"]:
        if _touched_by_others(db, article_id):
            kept += 1
            continue
        db.execute("DELETE FROM relations WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM spans WHERE article_id = ? AND annotator IS NULL", [article_id])
        db.execute("DELETE FROM suggest_done WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    finish(db, job)
    return kept


def _touched_by_others(db: Database, article_id: int) -> bool:
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM spans WHERE article_id = ? AND annotator IS NOT NULL) "
        "OR EXISTS (SELECT 1 FROM article_states WHERE article_id = ?) "
        "OR EXISTS (SELECT 1 FROM edits WHERE article_id = ?)",  # edited, even if undone since
        [article_id, article_id, article_id],
    ).fetchone()
    return bool(row[0])


def _delete(db: Database, table: str, ids: list[int]) -> None:
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        db.execute(f"DELETE FROM [{table}] WHERE id IN ({','.join('?' * len(part))})", part)

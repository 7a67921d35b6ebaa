"""One suggestion per place: when two suggesters propose different labels for the same words,
one suggestion row is kept and the other label is remembered here as its alternative (shown
in the side panel), instead of a second, contradicting suggestion."""

from __future__ import annotations

from sqlite_utils import Database

from annotator.core.store import history

_UNDECIDED = (
    "SELECT 1 FROM spans s WHERE s.id = ? AND s.annotator IS NULL AND s.status = 'suggested' "
    "AND NOT EXISTS (SELECT 1 FROM spans d WHERE d.suggestion_id = s.id)"
)


def add(db: Database, rows: list[tuple[int, str, str]]) -> None:
    """Record ``(span_id, label, origin)`` alternatives of suggestion rows."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO suggestion_alternatives (span_id, label, origin) VALUES (?, ?, ?)", rows
    )


def of_article(db: Database, article_id: int) -> dict[int, list[tuple[str, str]]]:
    """suggestion id -> its alternatives ``(label, origin)`` for the suggestions of an article."""
    sql = (
        "SELECT a.span_id, a.label, a.origin FROM suggestion_alternatives a "
        "JOIN spans s ON s.id = a.span_id WHERE s.article_id = ? ORDER BY a.span_id, a.label"
    )
    out: dict[int, list[tuple[str, str]]] = {}
    for span_id, label, origin in db.execute(sql, [article_id]):
        out.setdefault(span_id, []).append((label, origin))
    return out


def undecided(db: Database, span_ids: list[int]) -> set[int]:
    """The ids of ``span_ids`` that are shared suggestions nobody has decided on."""
    return {i for i in span_ids if db.execute(_UNDECIDED, [i]).fetchone() is not None}


def replace_undecided(db: Database, span_id: int) -> bool:
    """Delete a shared suggestion nobody has decided on (and its suggested links), so another
    takes its place; False (nothing deleted) when someone decided on it."""
    if db.execute(_UNDECIDED, [span_id]).fetchone() is None:
        return False
    db.execute(
        "DELETE FROM relations WHERE annotator IS NULL AND status = 'suggested' AND (head_id = ? OR child_id = ?)",
        [span_id, span_id],
    )
    db.execute("DELETE FROM suggestion_alternatives WHERE span_id = ?", [span_id])
    db.execute("DELETE FROM spans WHERE id = ?", [span_id])
    return True


def withdraw(db: Database, span_id: int, action: str) -> bool:
    """Delete a shared suggestion nobody has decided on, that no suggester supports any more
    (and its suggested links and alternatives), recording it in the history as ``action``;
    False (nothing deleted) when someone decided on it."""
    cursor = db.execute("SELECT * FROM spans WHERE id = ?", [span_id])
    row = cursor.fetchone()
    if row is None:
        return False
    before = dict(zip([c[0] for c in cursor.description], row))
    if not replace_undecided(db, span_id):
        return False
    history.record(
        db,
        annotator=None,
        action=action,
        table="spans",
        row_id=span_id,
        article_id=before["article_id"],
        before=before,
        after=None,
    )
    return True

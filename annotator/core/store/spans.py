"""Span and relation rows: what one annotator sees, suggestions, accepted labels for export."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from annotator.core.model import Relation, Span, now_iso

_VIEW = """
SELECT * FROM spans s WHERE s.article_id = :article AND (
  s.annotator = :annotator OR (
    s.annotator IS NULL AND s.status = 'suggested' AND NOT EXISTS (
      SELECT 1 FROM spans d WHERE d.annotator = :annotator AND (
        d.suggestion_id = s.id OR
        (d.article_id = s.article_id AND d.start = s.start AND d.end = s.end AND d.label = s.label)))))
ORDER BY s.start, s.end DESC, s.id
"""


def _spans(db: Database, sql: str, params) -> list[Span]:
    cursor = db.execute(sql, params)
    cols = [c[0] for c in cursor.description]
    return [Span.from_row(dict(zip(cols, row))) for row in cursor]


def view(db: Database, article_id: int, annotator: str) -> list[Span]:
    """What ``annotator`` sees: their own spans (any status) plus suggestions they have not decided."""
    return _spans(db, _VIEW, {"article": article_id, "annotator": annotator})


def get(db: Database, span_id: int) -> Span:
    spans = _spans(db, "SELECT * FROM spans WHERE id = ?", [span_id])
    if not spans:
        raise KeyError(f"no span with id {span_id}")
    return spans[0]


def by_article(db: Database, article_id: int) -> list[Span]:
    """Every span row of an article, whoever made it."""
    return _spans(db, "SELECT * FROM spans WHERE article_id = ? ORDER BY start, end, id", [article_id])


def accepted(db: Database, article_id: int, annotator: str | None = None) -> list[Span]:
    """Accepted spans of an article, of one annotator or of everyone."""
    sql = "SELECT * FROM spans WHERE article_id = ? AND status = 'accepted'"
    params: list = [article_id]
    if annotator:
        sql += " AND annotator = ?"
        params.append(annotator)
    return _spans(db, sql + " ORDER BY start, end, id", params)


def pending_suggestions(db: Database, article_id: int) -> list[Span]:
    """Suggestions nobody has decided on yet."""
    sql = (
        "SELECT * FROM spans s WHERE article_id = ? AND annotator IS NULL AND status = 'suggested' "
        "AND NOT EXISTS (SELECT 1 FROM spans d WHERE d.suggestion_id = s.id) ORDER BY start, end"
    )
    return _spans(db, sql, [article_id])


def insert(db: Database, span: Span) -> int:
    """Insert one span row (stamped with times) and return its id."""
    stamp = now_iso()
    row = span.evolve(created_at=span.created_at or stamp, updated_at=stamp).to_row()
    return db["spans"].insert(row).last_pk


def write_row(db: Database, row: dict) -> None:
    """Put a span row back exactly (used by edits to apply and revert)."""
    db["spans"].upsert(row, pk="id")


def relations_of(
    db: Database,
    article_id: int,
    annotator: str | None = None,
    statuses: Iterable[str] = ("accepted", "suggested"),
) -> list[Relation]:
    """Relations of an article, optionally limited to one annotator (plus shared suggestions)."""
    statuses = list(statuses)
    sql = f"SELECT * FROM relations WHERE article_id = ? AND status IN ({','.join('?' * len(statuses))})"
    params: list = [article_id, *statuses]
    if annotator is not None:
        sql += " AND (annotator = ? OR annotator IS NULL)"
        params.append(annotator)
    cursor = db.execute(sql + " ORDER BY id", params)
    cols = [c[0] for c in cursor.description]
    return [Relation.from_row(dict(zip(cols, row))) for row in cursor]


def insert_relation(db: Database, relation: Relation) -> int:
    stamp = now_iso()
    row = relation.evolve(created_at=relation.created_at or stamp, updated_at=stamp).to_row()
    return db["relations"].insert(row).last_pk


def get_relation(db: Database, relation_id: int) -> Relation:
    row = db["relations"].get(relation_id)
    return Relation.from_row(row)


def existing_keys(db: Database, article_id: int) -> set[tuple[int, int, str]]:
    """(start, end, label) of every span row of an article, whatever its status or owner."""
    return {
        tuple(r) for r in db.execute("SELECT start, end, label FROM spans WHERE article_id = ?", [article_id])
    }


def label_counts(db: Database, status: str = "accepted") -> dict[str, int]:
    sql = "SELECT label, count(*) FROM spans WHERE status = ? GROUP BY label ORDER BY label"
    return {label: n for label, n in db.execute(sql, [status])}

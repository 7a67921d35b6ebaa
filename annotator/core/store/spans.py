"""Span and relation rows: what one annotator sees, suggestions, accepted labels for export."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import Table

from annotator.core.batching import batched
from annotator.core.errors import EditError
from annotator.core.model import Relation, Span, now_iso
from annotator.core.store.articles import IN_LIMIT

_VIEW = """
SELECT * FROM spans s WHERE s.article_id = :article AND (
  s.annotator = :annotator OR (
    s.annotator IS NULL AND s.status = 'suggested' AND NOT EXISTS (
      SELECT 1 FROM spans d WHERE d.annotator = :annotator AND (
        d.suggestion_id = s.id OR
        (d.article_id = s.article_id AND d.start = s.start AND d.end = s.end AND d.label = s.label)))))
ORDER BY s.start, s.end DESC, s.id
"""


def _spans(db: Database, sql: str, params: Sequence[Any] | dict[str, Any]) -> list[Span]:
    cursor = db.execute(sql, params)
    cols = [c[0] for c in cursor.description]
    return [Span.from_row(dict(zip(cols, row))) for row in cursor]


def view(db: Database, article_id: int, annotator: str) -> list[Span]:
    """What ``annotator`` sees: their own spans (any status) plus suggestions they have not decided."""
    return _spans(db, _VIEW, {"article": article_id, "annotator": annotator})


def get(db: Database, span_id: int) -> Span:
    """The span row with this id; EditError if there is none."""
    spans = _spans(db, "SELECT * FROM spans WHERE id = ?", [span_id])
    if not spans:
        raise EditError(f"no span with id {span_id}")
    return spans[0]


def of_articles(db: Database, ids: list[int], statuses: tuple[str, ...]) -> list[Span]:
    """Span rows with one of ``statuses`` in the articles of ``ids`` (whoever made them),
    in (start, end, id) order within each batch of articles."""
    out: list[Span] = []
    for part in batched(ids, IN_LIMIT):
        sql = (
            f"SELECT * FROM spans WHERE article_id IN ({','.join('?' * len(part))}) "
            f"AND status IN ({','.join('?' * len(statuses))}) ORDER BY start, end, id"
        )
        out += _spans(db, sql, [*part, *statuses])
    return out


def owners_of(db: Database, ids: list[int]) -> dict[int, set[str]]:
    """article id -> the people who have a span row in it, for the articles of ``ids``."""
    out: dict[int, set[str]] = {}
    for part in batched(ids, IN_LIMIT):
        sql = (
            "SELECT DISTINCT article_id, annotator FROM spans "
            f"WHERE article_id IN ({','.join('?' * len(part))}) AND annotator IS NOT NULL"
        )
        for aid, name in db.execute(sql, part):
            out.setdefault(aid, set()).add(name)
    return out


def human(db: Database, article_id: int) -> list[Span]:
    """Every person's span row in an article (any status)."""
    return _spans(db, "SELECT * FROM spans WHERE article_id = ? AND annotator IS NOT NULL", [article_id])


def suggestion_at(db: Database, article_id: int, start: int, end: int, label: str) -> int | None:
    """The id of the shared suggestion row of ``label`` over exactly ``[start, end)``, if any."""
    row = db.execute(
        "SELECT id FROM spans WHERE article_id = ? AND annotator IS NULL AND label = ? "
        "AND start = ? AND end = ?",
        [article_id, label, start, end],
    ).fetchone()
    return row[0] if row else None


def by_article(db: Database, article_id: int) -> list[Span]:
    """Every span row of an article, whoever made it."""
    return _spans(db, "SELECT * FROM spans WHERE article_id = ? ORDER BY start, end, id", [article_id])


def accepted(db: Database, article_id: int, annotator: str | None = None) -> list[Span]:
    """Accepted spans of an article, of one annotator or of everyone."""
    sql = "SELECT * FROM spans WHERE article_id = ? AND status = 'accepted'"
    params: list[Any] = [article_id]
    if annotator:
        sql += " AND annotator = ?"
        params.append(annotator)
    return _spans(db, sql + " ORDER BY start, end, id", params)


_INSERT = (
    "INSERT INTO spans (id, article_id, start, end, label, attrs, origin, status, annotator, "
    "score, suggestion_id, created_at, updated_at) VALUES (:id, :article_id, :start, :end, "
    ":label, :attrs, :origin, :status, :annotator, :score, :suggestion_id, :created_at, "
    ":updated_at)"
)


def insert_many(db: Database, spans: list[Span]) -> None:
    """Insert span rows exactly as given (ids and times included), in one statement."""
    db.conn.executemany(_INSERT, [span.to_row() for span in spans])


def insert(db: Database, span: Span) -> int:
    """Insert one span row (stamped with times) and return its id."""
    stamp = now_iso()
    row = span.evolve(created_at=span.created_at or stamp, updated_at=stamp).to_row()
    return _new_id(db.table("spans").insert(row))


def _new_id(table: Table) -> int:
    """The integer key of the row ``table`` has just inserted."""
    pk = table.last_pk
    assert pk is not None, "spans and relations have integer primary keys"
    return int(pk)


def relations_of(
    db: Database,
    article_id: int,
    annotator: str | None = None,
    statuses: Iterable[str] = ("accepted", "suggested"),
) -> list[Relation]:
    """Relations of an article, optionally limited to one annotator (plus shared suggestions)."""
    statuses = list(statuses)
    sql = f"SELECT * FROM relations WHERE article_id = ? AND status IN ({','.join('?' * len(statuses))})"
    params: list[Any] = [article_id, *statuses]
    if annotator is not None:
        sql += " AND (annotator = ? OR annotator IS NULL)"
        params.append(annotator)
    cursor = db.execute(sql + " ORDER BY id", params)
    cols = [c[0] for c in cursor.description]
    return [Relation.from_row(dict(zip(cols, row))) for row in cursor]


def relations_in(db: Database, ids: list[int], statuses: tuple[str, ...]) -> list[Relation]:
    """Relations with one of ``statuses`` in the articles of ``ids``, in id order per batch."""
    out: list[Relation] = []
    for part in batched(ids, IN_LIMIT):
        sql = (
            f"SELECT * FROM relations WHERE article_id IN ({','.join('?' * len(part))}) "
            f"AND status IN ({','.join('?' * len(statuses))}) ORDER BY id"
        )
        cursor = db.execute(sql, [*part, *statuses])
        cols = [c[0] for c in cursor.description]
        out += [Relation.from_row(dict(zip(cols, row))) for row in cursor]
    return out


def insert_relation(db: Database, relation: Relation) -> int:
    """Insert one relation row (stamped with times) and return its id."""
    stamp = now_iso()
    row = relation.evolve(created_at=relation.created_at or stamp, updated_at=stamp).to_row()
    return _new_id(db.table("relations").insert(row))


def existing_keys(db: Database, article_id: int) -> set[tuple[int, int, str]]:
    """(start, end, label) of every span row of an article, whatever its status or owner."""
    return {
        tuple(r) for r in db.execute("SELECT start, end, label FROM spans WHERE article_id = ?", [article_id])
    }


def label_counts(db: Database, status: str = "accepted") -> dict[str, int]:
    """label -> number of span rows with ``status``."""
    sql = "SELECT label, count(*) FROM spans WHERE status = ? GROUP BY label ORDER BY label"
    return {label: n for label, n in db.execute(sql, [status])}


def undecided_count(db: Database) -> int:
    """Suggestions nobody has decided on yet."""
    return int(
        db.execute(
            "SELECT count(*) FROM spans s WHERE annotator IS NULL AND status = 'suggested' "
            "AND NOT EXISTS (SELECT 1 FROM spans d WHERE d.suggestion_id = s.id)"
        ).fetchone()[0]
    )


def accepted_count(db: Database, annotator: str) -> int:
    """How many spans ``annotator`` has accepted."""
    return int(
        db.execute(
            "SELECT count(*) FROM spans WHERE annotator = ? AND status = 'accepted'", [annotator]
        ).fetchone()[0]
    )

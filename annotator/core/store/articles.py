"""Article rows: batched, deduplicated inserts; lookups; full-text search; per-annotator states."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from annotator.core.batching import batched
from annotator.core.errors import EditError
from annotator.core.model import ARTICLE_STATES, Article, content_hash, now_iso

IN_LIMIT = 500  # ids per ``IN (...)`` query, well under SQLite's variable limit


def insert_batch(db: Database, items: list[dict[str, Any]]) -> list[tuple[int, bool]]:
    """Insert articles (``text``, ``title``, ``source``, ``meta``) that are not there yet.

    Returns ``(article_id, is_new)`` for each item in order; an item whose text is
    already in the project (same content hash) maps to the existing article.
    """
    hashes = [content_hash(item["text"]) for item in items]
    known = _ids_by_hash(db, set(hashes))
    stamp = now_iso()
    fresh: list[tuple[str, str, str, str, str, str]] = []
    new_positions: set[int] = set()
    inserting: set[str] = set()
    for position, (item, digest) in enumerate(zip(items, hashes)):
        if digest in known or digest in inserting:
            continue  # a repeat inside this batch is not new either
        inserting.add(digest)
        new_positions.add(position)
        fresh.append(
            (
                item["text"],
                item.get("title") or "",
                item.get("source") or "",
                json.dumps(item.get("meta") or {}, ensure_ascii=False),
                digest,
                stamp,
            )
        )
    db.conn.executemany(
        "INSERT INTO articles (text, title, source, meta, content_hash, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        fresh,
    )
    known.update(_ids_by_hash(db, {row[4] for row in fresh}))
    return [(known[digest], i in new_positions) for i, digest in enumerate(hashes)]


def _ids_by_hash(db: Database, hashes: set[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in batched(list(hashes), IN_LIMIT):
        marks = ",".join("?" * len(part))
        for row_id, digest in db.execute(
            f"SELECT id, content_hash FROM articles WHERE content_hash IN ({marks})", part
        ):
            found[digest] = row_id
    return found


def get(db: Database, article_id: int) -> Article:
    """The article with this id; EditError if there is none."""
    row = db.execute("SELECT * FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise EditError(f"no article with id {article_id}")
    cols = [c[0] for c in db.execute("SELECT * FROM articles LIMIT 0").description]
    return Article.from_row(dict(zip(cols, row)))


def get_many(db: Database, ids: list[int]) -> list[Article]:
    """The articles with these ids, in the order given (ids with no article are left out)."""
    found: dict[int, Article] = {}
    for part in batched(ids, IN_LIMIT):
        cursor = db.execute(f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(part))})", part)
        cols = [c[0] for c in cursor.description]
        for row in cursor:
            article = Article.from_row(dict(zip(cols, row)))
            found[article.id] = article
    return [found[i] for i in ids if i in found]


def texts(db: Database, ids: list[int]) -> Iterator[tuple[str, int]]:
    """``(text, id)`` of each article of ``ids`` in order, read a batch at a time."""
    for part in batched(ids, IN_LIMIT):
        rows = dict(
            db.execute(f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(part))})", part)
        )
        yield from ((rows[a], a) for a in part if a in rows)


def exists(db: Database, article_id: int) -> bool:
    """Whether the project has an article with this id."""
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None


def first_id(db: Database) -> int | None:
    """The lowest article id (None in an empty project)."""
    first = db.execute("SELECT min(id) FROM articles").fetchone()[0]
    return None if first is None else int(first)


def count(db: Database) -> int:
    """How many articles the project holds."""
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def ids(db: Database) -> list[int]:
    """All article ids in project order."""
    return [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]


def state(db: Database, article_id: int, annotator: str) -> str:
    """The article's state for one annotator (``new`` when never touched)."""
    row = db.execute(
        "SELECT state FROM article_states WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ).fetchone()
    return row[0] if row else "new"


def state_row(db: Database, article_id: int, annotator: str) -> dict[str, Any] | None:
    """An annotator's state row of an article (article_id, annotator, state, updated_at), or None."""
    row = db.execute(
        "SELECT * FROM article_states WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ).fetchone()
    if row is None:
        return None
    return dict(zip(("article_id", "annotator", "state", "updated_at"), row))


def write_state(db: Database, article_id: int, annotator: str, new_state: str | None) -> None:
    """Set (or with None, clear) an annotator's state for an article. No history: callers log."""
    if new_state is None:
        db.execute(
            "DELETE FROM article_states WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        )
        return
    if new_state not in ARTICLE_STATES:
        raise EditError(f"unknown article state {new_state!r}; use one of {ARTICLE_STATES}")
    db.table("article_states").upsert(
        {"article_id": article_id, "annotator": annotator, "state": new_state, "updated_at": now_iso()},
        pk=("article_id", "annotator"),
    )


def next_unfinished(db: Database, annotator: str, after_id: int = 0, wrap: bool = False) -> int | None:
    """The first article after ``after_id`` that this annotator has not done or skipped;
    with ``wrap``, when there is none after it, the first such article from the start."""
    sql = (
        "SELECT a.id FROM articles a LEFT JOIN article_states s "
        "ON s.article_id = a.id AND s.annotator = ? "
        "WHERE a.id > ? AND coalesce(s.state, 'new') NOT IN ('done', 'skipped') "
        "ORDER BY a.id LIMIT 1"
    )
    row = db.execute(sql, [annotator, after_id]).fetchone()
    if row is None and wrap and after_id > 0:
        row = db.execute(sql, [annotator, 0]).fetchone()
    return row[0] if row else None


def untouched_ids(db: Database) -> list[int]:
    """Articles nobody has touched yet (state ``new`` for every annotator), in id order."""
    sql = (
        "SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_states s "
        "WHERE s.article_id = a.id AND s.state != 'new') ORDER BY id"
    )
    return [r[0] for r in db.execute(sql)]


def states_of(db: Database, ids: list[int]) -> dict[int, dict[str, tuple[str, str]]]:
    """article id -> annotator -> (state, updated_at) for the articles of ``ids``."""
    out: dict[int, dict[str, tuple[str, str]]] = {}
    for part in batched(ids, IN_LIMIT):
        sql = (
            "SELECT article_id, annotator, state, updated_at FROM article_states "
            f"WHERE article_id IN ({','.join('?' * len(part))})"
        )
        for aid, name, state, stamp in db.execute(sql, part):
            out.setdefault(aid, {})[name] = (state, stamp or "")
    return out


def done_count(db: Database, annotator: str) -> int:
    """How many articles this annotator marked done."""
    return int(
        db.execute(
            "SELECT count(*) FROM article_states WHERE annotator = ? AND state = 'done'", [annotator]
        ).fetchone()[0]
    )


def done_ids(db: Database, annotator: str | None = None) -> list[int]:
    """Articles marked done (by ``annotator``, or by anyone)."""
    if annotator:
        sql, params = "SELECT article_id FROM article_states WHERE state='done' AND annotator=?", [annotator]
    else:
        sql, params = "SELECT DISTINCT article_id FROM article_states WHERE state='done'", []
    return sorted(r[0] for r in db.execute(sql + " ORDER BY article_id", params))


def ids_in_state(db: Database, state: str, annotator: str | None = None) -> list[int]:
    """Articles in ``state`` (``done``, ``reviewed``...) for ``annotator``, or for anyone."""
    sql, params = "SELECT DISTINCT article_id FROM article_states WHERE state = ?", [state]
    if annotator:
        sql, params = sql + " AND annotator = ?", [*params, annotator]
    return sorted(r[0] for r in db.execute(sql, params))


def annotators(db: Database) -> list[str]:
    """Everyone who has a state or a span in this project."""
    sql = (
        "SELECT annotator FROM article_states UNION "
        "SELECT annotator FROM spans WHERE annotator IS NOT NULL ORDER BY 1"
    )
    return [r[0] for r in db.execute(sql)]

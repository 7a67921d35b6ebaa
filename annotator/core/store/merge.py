"""Reads and writes for ``annotator merge``: another project file opened read-only, and the
target's decision groups (one annotator's spans, relations and state on one article)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sized
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from annotator.core.batching import batched
from annotator.core.store import articles
from annotator.core.store.connection import open_database

if TYPE_CHECKING:
    from annotator.core.store.project import Project

SPAN_COLUMNS = (
    "id", "article_id", "start", "end", "label", "attrs", "origin", "status",
    "annotator", "score", "suggestion_id", "created_at", "updated_at",
)  # fmt: skip
RELATION_COLUMNS = (
    "id", "article_id", "head_id", "child_id", "label", "origin", "status",
    "annotator", "created_at", "updated_at",
)  # fmt: skip
EDIT_COLUMNS = ("id", "article_id", "annotator", "name", "kind", "undoes", "focus_span_id", "at")
COMMENT_COLUMNS = ("id", "article_id", "span_id", "annotator", "text", "created_at")
HISTORY_COLUMNS = ("at", "annotator", "action", "table_name", "row_id", "article_id", "before", "after")

_GROUP_TIMES = """
SELECT article_id, annotator, max(t) FROM (
  SELECT article_id, annotator, coalesce(updated_at, created_at, '') t FROM spans WHERE annotator IS NOT NULL
  UNION ALL SELECT article_id, annotator, coalesce(updated_at, created_at, '') FROM relations
    WHERE annotator IS NOT NULL
  UNION ALL SELECT article_id, annotator, coalesce(updated_at, '') FROM article_states
) GROUP BY article_id, annotator
"""


def _marks(values: Sized) -> str:
    return ",".join("?" * len(values))


_HISTORY_READ = "merge_history_read"
_NOT_KEYS = ("row_id", "article_id")  # ids differ between files


def history_key(row: dict[str, Any] | tuple[Any, ...]) -> bytes:
    """What makes a history row the same event in two files (ids differ between files)."""
    at, annotator, action, table, _row_id, _article_id, before, after = (
        row if isinstance(row, tuple) else [row[c] for c in HISTORY_COLUMNS]
    )
    text = "\x1f".join(str(v or "") for v in (at, annotator, action, table, before, after))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()


class Reader:
    """Named queries a merge needs, on either file."""

    def __init__(self, db: Database):
        self.db = db

    def scheme(self) -> dict[str, Any] | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'scheme'").fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def used_labels(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT DISTINCT label FROM spans")}

    def article_hashes(self) -> dict[int, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT id, content_hash FROM articles")}

    def article_items(self, ids: list[int]) -> list[dict[str, Any]]:
        """text, title, source, meta of articles, in the order of ``ids``."""
        found: dict[int, dict[str, Any]] = {}
        for part in batched(ids, 500):
            sql = f"SELECT id, text, title, source, meta FROM articles WHERE id IN ({_marks(part)})"
            for article_id, text, title, source, meta in self.db.execute(sql, part):
                found[article_id] = {
                    "text": text,
                    "title": title,
                    "source": source,
                    "meta": json.loads(meta or "{}"),
                }
        return [found[i] for i in ids]

    def group_times(self) -> dict[tuple[int, str], str]:
        """(article_id, annotator) -> the newest time of that person's decisions there."""
        return {(a, n): t for a, n, t in self.db.execute(_GROUP_TIMES)}

    def _rows(
        self, table: str, columns: tuple[str, ...], where: str, params: list[Any]
    ) -> list[dict[str, Any]]:
        sql = f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM {table} WHERE {where} ORDER BY id"
        return [dict(zip(columns, r)) for r in self.db.execute(sql, params)]

    def article_rows(
        self, ids: list[int], people: bool, annotators: list[str] | None = None
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """(spans, relations, states) of these articles: people's rows (of ``annotators``
        only, when given), or suggestions (no states)."""
        who = "annotator IS NOT NULL" if people else "annotator IS NULL"
        names = list(annotators or [])
        if names:
            who = f"annotator IN ({_marks(names)})"
        spans: list[dict[str, Any]] = []
        relations: list[dict[str, Any]] = []
        states: list[dict[str, Any]] = []
        for part in batched(ids, 500):
            where = f"article_id IN ({_marks(part)}) AND {who}"
            spans += self._rows("spans", SPAN_COLUMNS, where, [*part, *names])
            relations += self._rows("relations", RELATION_COLUMNS, where, [*part, *names])
            if people:
                sql = f"SELECT article_id, annotator, state, updated_at FROM article_states WHERE {where}"
                states += [
                    dict(zip(("article_id", "annotator", "state", "updated_at"), r))
                    for r in self.db.execute(sql, [*part, *names])
                ]
        return spans, relations, states

    def group_content(self, ids: list[int], annotators: list[str]) -> tuple[list[Any], list[Any], list[Any]]:
        """What a group's fingerprint rests on, as plain rows of these people on these articles:
        spans (id, article_id, annotator, start, end, label, attrs, origin, status), relations
        (article_id, annotator, head_id, child_id, label, status), states (article_id, annotator, state)."""
        spans: list[Any] = []
        relations: list[Any] = []
        states: list[Any] = []
        for part in batched(ids, 500):
            where = f"article_id IN ({_marks(part)}) AND annotator IN ({_marks(annotators)})"
            params = [*part, *annotators]
            columns = "id, article_id, annotator, start, [end], label, attrs, origin, status"
            spans += self.db.execute(f"SELECT {columns} FROM spans WHERE {where}", params).fetchall()
            columns = "article_id, annotator, head_id, child_id, label, status"
            relations += self.db.execute(f"SELECT {columns} FROM relations WHERE {where}", params).fetchall()
            columns = "article_id, annotator, state"
            states += self.db.execute(
                f"SELECT {columns} FROM article_states WHERE {where}", params
            ).fetchall()
        return spans, relations, states

    def history(self, skip: int = 0) -> Iterator[tuple[Any, ...]]:
        """History rows (``HISTORY_COLUMNS``) oldest first, after the first ``skip``."""
        cols = ", ".join(f"[{c}]" for c in HISTORY_COLUMNS)
        yield from self.db.execute(f"SELECT {cols} FROM history ORDER BY id LIMIT -1 OFFSET ?", [skip])

    def history_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM history").fetchone()[0])

    def history_key_at(self, position: int) -> str | None:
        """:func:`history_key` (hex) of the ``position``-th history row (1: the oldest)."""
        cols = ", ".join(f"[{c}]" for c in HISTORY_COLUMNS)
        sql = f"SELECT {cols} FROM history ORDER BY id LIMIT 1 OFFSET ?"
        row = self.db.execute(sql, [position - 1]).fetchone() if position > 0 else None
        return history_key(tuple(row)).hex() if row else None

    def history_keys(self) -> set[bytes]:
        """:func:`history_key` of every row (the text joined by SQLite: a merge reads them all)."""
        text = " || char(31) || ".join(f"coalesce([{c}], '')" for c in HISTORY_COLUMNS if c not in _NOT_KEYS)
        hashed = hashlib.blake2b
        return {
            hashed(r[0].encode("utf-8"), digest_size=12).digest()
            for r in self.db.execute(f"SELECT {text} FROM history")
        }

    def _has(self, table: str, column: str | None = None) -> bool:
        """Whether an (older, unmigrated: opened read-only) file has this table / column."""
        names = [r[1] for r in self.db.execute(f"PRAGMA table_info([{table}])")]
        return bool(names) and (column is None or column in names)

    def history_edit_ids(self, skip: int = 0) -> Iterator[int | None]:
        """``history.edit_id`` of every row, in the order of :meth:`history`."""
        column = "edit_id" if self._has("history", "edit_id") else "NULL"
        sql = f"SELECT {column} FROM history ORDER BY id LIMIT -1 OFFSET ?"
        yield from (r[0] for r in self.db.execute(sql, [skip]))

    def edit_entries(self) -> list[dict[str, Any]]:
        """The edit log, oldest first."""
        if not self._has("edits"):
            return []
        sql = f"SELECT {', '.join(EDIT_COLUMNS)} FROM edits ORDER BY id"
        return [dict(zip(EDIT_COLUMNS, r)) for r in self.db.execute(sql)]

    def edit_changes(self, edit_id: int) -> list[tuple[Any, ...]]:
        """(at, annotator, action, table, row_id, article_id, before, after) an entry wrote."""
        cols = ", ".join(f"[{c}]" for c in HISTORY_COLUMNS)
        return list(self.db.execute(f"SELECT {cols} FROM history WHERE edit_id = ? ORDER BY id", [edit_id]))

    def comments(self) -> list[dict[str, Any]]:
        """Every note, with the (start, end, label, annotator) of the span it is on."""
        if not self._has("comments"):
            return []
        sql = (
            "SELECT c.id, c.article_id, c.span_id, c.annotator, c.text, c.created_at, "
            "s.start, s.end, s.label, s.annotator FROM comments c LEFT JOIN spans s ON s.id = c.span_id "
            "ORDER BY c.id"
        )
        keys = (*COMMENT_COLUMNS, "span_start", "span_end", "span_label", "span_annotator")
        return [dict(zip(keys, r)) for r in self.db.execute(sql)]

    def span_ids_at(
        self, article_id: int, start: int, end: int, label: str, annotator: str | None
    ) -> list[int]:
        """Ids of spans with these edges, label and annotator (accepted ones first)."""
        sql = (
            "SELECT id FROM spans WHERE article_id = ? AND start = ? AND [end] = ? AND label = ? "
            "AND annotator IS ? ORDER BY status != 'accepted', id"
        )
        return [r[0] for r in self.db.execute(sql, [article_id, start, end, label, annotator])]


class Source(Reader):
    """Another project file, opened read-only (refused when newer, corrupt or not a project)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        super().__init__(open_database(self.path, read_only=True))

    def close(self) -> None:
        self.db.close()


class Target(Reader):
    """The project being merged into; every write runs inside the caller's transaction."""

    def __init__(self, project: Project) -> None:
        super().__init__(project.db)

    def add_articles(self, items: list[dict[str, Any]]) -> list[tuple[int, bool]]:
        return articles.insert_batch(self.db, items)

    def next_id(self, table: str) -> int:
        return int(self.db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM [{table}]").fetchone()[0])

    def drop_groups(self, keys: list[tuple[int, str]]) -> None:
        """Delete these people's relations, spans and states on these articles."""
        for table in ("relations", "spans", "article_states"):
            self.db.conn.executemany(f"DELETE FROM {table} WHERE article_id = ? AND annotator = ?", keys)

    def insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in columns)}) VALUES ({_marks(columns)})"
        self.db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])

    def history_read(self, first: str) -> list[list[Any]]:
        """How far the histories of merged files that start with row key ``first`` were read:
        ``[[rows read, key of the last row read], ...]`` newest first (copies of one file share
        their first rows; the history is append-only, so the same last row means the same rows)."""
        return list(self._history_read().get(first, []))

    def remember_history_read(self, first: str, rows: int, last: str) -> None:
        read = self._history_read()
        read[first] = [[rows, last], *(r for r in read.get(first, []) if r[1] != last)][:8]
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [_HISTORY_READ, json.dumps(read)],
        )

    def _history_read(self) -> dict[str, list[list[Any]]]:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [_HISTORY_READ]).fetchone()
        return dict(json.loads(row[0])) if row and row[0] else {}

    def add_edit(self, entry: dict[str, Any]) -> int:
        """Append one edit-log entry (``entry`` without its id); the new id."""
        columns = [c for c in EDIT_COLUMNS if c != "id"]
        sql = f"INSERT INTO edits ({', '.join(columns)}) VALUES ({_marks(columns)})"
        return int(self.db.execute(sql, [entry[c] for c in columns]).lastrowid or 0)

    def add_edit_history(self, edit_id: int, rows: list[tuple[Any, ...]]) -> None:
        """History rows (as :meth:`history` gives them) written by edit-log entry ``edit_id``."""
        cols = ", ".join(f"[{c}]" for c in ("edit_id", *HISTORY_COLUMNS))
        sql = f"INSERT INTO history ({cols}) VALUES ({_marks(HISTORY_COLUMNS)}, ?)"
        self.db.conn.executemany(sql, [(edit_id, *row) for row in rows])

    def add_history(self, rows: list[tuple[Any, ...]]) -> None:
        cols = ", ".join(f"[{c}]" for c in HISTORY_COLUMNS)
        self.db.conn.executemany(f"INSERT INTO history ({cols}) VALUES ({_marks(HISTORY_COLUMNS)})", rows)

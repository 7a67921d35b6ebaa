"""The Project: one open project file, its scheme, and the operations on it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from annotator.core.errors import ProjectError
from annotator.core.model import Article, Relation, Span
from annotator.core.scheme import Scheme, default_scheme, scheme_from_dict
from annotator.core.store import articles, history, spans
from annotator.core.store.connection import open_database
from annotator.core.store.locking import WriterLock

if TYPE_CHECKING:
    from annotator.core.edits import Edit


class Project:
    """An open project file. Writes go through :meth:`transaction` or :meth:`perform`."""

    def __init__(self, path: Path, db: Database, read_only: bool = False, lock: WriterLock | None = None):
        self.path, self.db, self.read_only = path, db, read_only
        self._lock = lock
        self._next_ids: dict[str, int] = {}
        self.scheme = self._load_scheme()

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        """Close the database (checkpointing the WAL) and release the writer lock."""
        if not self.read_only:
            try:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # a busy reader elsewhere; the WAL is still durable
                pass
        self.db.close()
        if self._lock:
            self._lock.release()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- meta ----------------------------------------------------------------------------
    def get_meta(self, key: str, default=None):
        """A project setting (JSON-decoded), or ``default``."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row and row[0] is not None else default

    def set_meta(self, key: str, value) -> None:
        """Store a project setting as JSON, in its own transaction."""
        with self.transaction():
            self.db["meta"].upsert({"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key")

    def _load_scheme(self) -> Scheme:
        raw = self.get_meta("scheme")
        return scheme_from_dict(raw, source=f"{self.path} (stored scheme)") if raw else default_scheme()

    def set_scheme(self, scheme: Scheme) -> None:
        """Store the project's label scheme."""
        self.set_meta("scheme", scheme.raw)
        self.scheme = scheme

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One write transaction (``BEGIN IMMEDIATE``: edits never race a background writer)."""
        if self.read_only:
            raise ProjectError(f"{self.path}: opened read-only (another window is writing it)")
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._next_ids.clear()
        try:
            yield self.db
        except BaseException:
            self.db.conn.rollback()
            raise
        else:
            self.db.execute("COMMIT")

    def new_id(self, table: str) -> int:
        """Allocate a row id inside the current transaction (edits need ids before writing)."""
        if table not in self._next_ids:
            row = self.db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()
            self._next_ids[table] = row[0] + 1
        self._next_ids[table] += 1
        return self._next_ids[table] - 1

    def perform(self, build: Callable[..., Edit], *args, **kwargs) -> Edit:
        """Build an edit from the current state and apply it, in one transaction."""
        with self.transaction():
            edit = build(self, *args, **kwargs)
            edit.write(self, forward=True, action=edit.name)
        return edit

    def revert(self, edit: Edit) -> None:
        """Undo an applied edit (itself written and logged)."""
        with self.transaction():
            edit.write(self, forward=False, action=f"undo {edit.name}")

    def reapply(self, edit: Edit) -> None:
        """Redo a reverted edit (itself written and logged)."""
        with self.transaction():
            edit.write(self, forward=True, action=f"redo {edit.name}")

    # -- reads -----------------------------------------------------------------------------
    def article(self, article_id: int) -> Article:
        return articles.get(self.db, article_id)

    def article_count(self) -> int:
        return articles.count(self.db)

    def spans_for(self, article_id: int, annotator: str) -> list[Span]:
        """What one annotator sees in an article: their spans and undecided suggestions."""
        return spans.view(self.db, article_id, annotator)

    def relations_for(self, article_id: int, annotator: str) -> list[Relation]:
        """Relations between spans this annotator sees (theirs, or undecided suggestions)."""
        visible = {s.id for s in self.spans_for(article_id, annotator) if s.status != "rejected"}
        return [
            r
            for r in spans.relations_of(self.db, article_id, annotator)
            if r.head_id in visible and r.child_id in visible
        ]

    def span(self, span_id: int) -> Span:
        return spans.get(self.db, span_id)

    def state(self, article_id: int, annotator: str) -> str:
        return articles.state(self.db, article_id, annotator)

    def history(self, article_id: int | None = None, limit: int = 1000) -> list[dict]:
        return history.rows(self.db, article_id, limit)


def open_project(
    path: str | Path,
    create: bool = False,
    read_only: bool = False,
    scheme: Scheme | None = None,
    lock: bool = False,
) -> Project:
    """Open a project file (creating it with ``create``). With ``lock``, a second writer
    gets the file read-only instead of sharing it."""
    path = Path(path)
    writer_lock = None
    if lock and path.exists() and not read_only:
        writer_lock = WriterLock(path)
        if not writer_lock.acquire():
            read_only, writer_lock = True, None
    db = open_database(path, create=create, read_only=read_only)
    if lock and writer_lock is None and not read_only:
        writer_lock = WriterLock(path)
        if not writer_lock.acquire():
            read_only = True
    project = Project(path, db, read_only=read_only, lock=writer_lock)
    if scheme is not None and not read_only:
        project.set_scheme(scheme)
    elif project.get_meta("scheme") is None and not read_only:
        project.set_scheme(project.scheme)
    return project

"""The Project: one open project file, its scheme, and the operations on it.

``Project`` itself holds the file's lifecycle, its settings and the write transaction; its
named reads are in :mod:`project_reads` and its named writes in :mod:`project_writes`."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.core.errors import ReadOnlyError
from annotator.core.model import now_iso
from annotator.core.scheme import Scheme, default_scheme, scheme_from_dict
from annotator.core.store import window_sessions
from annotator.core.store.activity import take_back_stopped_imports
from annotator.core.store.connection import open_database, writable_place
from annotator.core.store.failures import is_storage, mapped, translate
from annotator.core.store.locking import BACKGROUND, HUMAN, WritePolicy, WriterLock, begin_immediate
from annotator.core.store.project_reads import ProjectReads
from annotator.core.store.project_writes import ProjectWrites


class Project(ProjectReads, ProjectWrites):
    """An open project file. Writes go through :meth:`transaction` (a person's edits through
    :func:`annotator.core.edits.perform`). Everything else is a named query that returns model
    objects; ``db`` is the store's own handle, never used outside ``annotator/core/store``."""

    def __init__(
        self, path: Path, db: Database, read_only: bool = False, lock: WriterLock | None = None
    ) -> None:
        self.path, self.db, self.read_only = path, db, read_only
        self.read_only_reason = "opened read-only"
        self._lock = lock
        self._next_ids: dict[str, int] = {}
        self._window_sessions: dict[str, str] = {}  # view -> its session, once it shows an article
        self.scheme = self._load_scheme()

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        """Close the database (checkpointing the WAL) and release the writer lock; a window's
        open article is no longer open."""
        self._end_window_session()
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

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the article a window has open ------------------------------------------------------
    HEARTBEAT_SECONDS = window_sessions.HEARTBEAT_SECONDS  # how often a window calls window_heartbeat

    def note_open_article(self, annotator: str, article_id: int | None, view: str = "main") -> None:
        """Record, for every process, that this window's ``view`` (the annotating view "main",
        the review window "review") has ``article_id`` open (None: none), so annotation memory
        leaves its decisions out until it is left. Each view has its own session, so one
        leaving an article never ends the other's note. A read-only window records nothing."""
        if self.read_only:
            return
        session = self._window_sessions.get(view)
        if session is None:
            session = self._window_sessions[view] = window_sessions.new_session()
        held = self._lock is not None and self._lock.held
        with self.transaction(HUMAN, doing="noting the open article"):
            window_sessions.set_open(
                self.db, session, annotator, article_id, now_iso(), held, mine=self._window_sessions.values()
            )

    def window_heartbeat(self) -> None:
        """Say that this window's views, and the articles they have open, are still there."""
        if self._window_sessions:
            with self.transaction(HUMAN, doing="noting the open article"):
                for session in self._window_sessions.values():
                    window_sessions.touch(self.db, session, now_iso())

    def _end_window_session(self) -> None:
        sessions = list(self._window_sessions.values())
        self._window_sessions.clear()
        for session in sessions:
            window_sessions.close_here(session)  # from now on its row counts as gone, if left
        if not sessions:
            return
        try:  # a person's wait at most: closing never hangs on a busy file
            with self.transaction(HUMAN, doing="closing the open article"):
                for session in sessions:
                    window_sessions.close(self.db, session)
        except Exception:  # closing must not fail; the rows are ignored anyway
            pass

    # -- meta ----------------------------------------------------------------------------
    def set_meta(self, key: str, value: Any) -> None:
        """Store a project setting as JSON, in its own transaction."""
        with self.transaction():
            self.db.table("meta").upsert(
                {"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key"
            )

    def _load_scheme(self) -> Scheme:
        raw = self.get_meta("scheme")
        return scheme_from_dict(raw, source=f"{self.path} (stored scheme)") if raw else default_scheme()

    def set_scheme(self, scheme: Scheme) -> None:
        """Store the project's label scheme."""
        self.set_meta("scheme", scheme.raw)
        self.scheme = scheme

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def transaction(self, policy: WritePolicy = BACKGROUND, doing: str = "the change") -> Iterator[Database]:
        """One write transaction: ``BEGIN IMMEDIATE``, waiting for other writers as ``policy``
        says (:mod:`annotator.core.store.locking`). SQLite and OS errors come out as the core's
        errors (disk full, read-only, busy; a refused statement is a StorageError), after the
        transaction was rolled back."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path}: {self.read_only_reason}; {doing} cannot be saved")
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        with mapped(self.path, doing):
            begin_immediate(self.db.conn, policy)
        self._next_ids.clear()
        try:
            yield self.db
            with mapped(self.path, doing):
                self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
            if is_storage(exc) or isinstance(exc, sqlite3.Error):  # callers never see sqlite3
                error = translate(exc, self.path, doing)
                if error is not None:
                    raise error from exc
            raise
        if policy.after_commit:
            time.sleep(policy.after_commit)  # let a waiting edit take the file first

    def new_id(self, table: str) -> int:
        """Allocate a row id inside the current transaction (edits need ids before writing)."""
        if table not in self._next_ids:
            row = self.db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()
            self._next_ids[table] = row[0] + 1
        self._next_ids[table] += 1
        return self._next_ids[table] - 1

    def person_transaction(self, doing: str = "the edit") -> AbstractContextManager[Database]:
        """A transaction for a person's action (an edit, undo, redo): it goes before
        background writers (see :data:`~annotator.core.store.locking.HUMAN`)."""
        return self.transaction(HUMAN, doing)


OTHER_WINDOW = "read-only: another window is editing this project"
READ_ONLY_MEDIA = "read-only: the project is in a read-only folder or on read-only media (edits are off)"


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
    writer_lock, reason = None, "opened read-only"
    if lock and path.exists() and not read_only and not writable_place(path):
        read_only, reason = True, READ_ONLY_MEDIA
    if lock and path.exists() and not read_only:
        writer_lock = WriterLock(path)
        if not writer_lock.acquire():
            read_only, writer_lock, reason = True, None, OTHER_WINDOW
    db = open_database(path, create=create, read_only=read_only)
    if lock and writer_lock is None and not read_only:
        writer_lock = WriterLock(path)
        if not writer_lock.acquire():
            read_only, reason = True, OTHER_WINDOW
    project = Project(path, db, read_only=read_only, lock=writer_lock)
    project.read_only_reason = reason
    if not read_only:
        take_back_stopped_imports(project)
    if scheme is not None and not read_only:
        project.set_scheme(scheme)
    elif project.get_meta("scheme") is None and not read_only:
        project.set_scheme(project.scheme)
    return project

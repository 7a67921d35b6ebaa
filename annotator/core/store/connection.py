"""Opening a project file safely: refuse what is not ours, corrupt, or from a newer version;
open read-only files and folders without writing a byte; map SQLite's errors to ours."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import ProjectError, ReadOnlyError
from annotator.core.store.failures import mapped
from annotator.core.store.locking import BACKGROUND, BUSY_TIMEOUT_MS, begin_immediate, retry_while_busy
from annotator.core.store.migrations import SCHEMA_VERSION, migrate

SQLITE_HEADER = b"SQLite format 3\x00"
APP_MARKER = "news-annotator"
OPEN_PATIENCE_S = 60.0  # how long opening waits out a busy file, beyond SQLite's busy timeout
_NOT_A_DATABASE = 26  # SQLITE_NOTADB


def open_database(path: Path, create: bool = False, read_only: bool = False) -> Database:
    """Open (or create) the project database at ``path`` and bring its schema up to date.

    Raises ProjectError, without writing anything, when the file is missing (and
    ``create`` is false), is not a SQLite file, is not a project, is corrupt, or has
    a schema version newer than this program knows. With ``read_only``, the file is
    never written (see :func:`writable_place` for files on read-only media).
    """
    if not path.exists() and not create:
        raise ProjectError(f"{path}: no such project (use `annotator init {path}`)")
    exists = path.exists() and path.stat().st_size > 0  # SQLite takes an empty file as a new database
    if read_only and not exists:
        raise ProjectError(f"{path}: an empty file, not a project (use `annotator init` to make one)")
    if not read_only and not exists and path.parent.is_dir() and not writable_place(path):
        raise ReadOnlyError(f"{path}: cannot create a project here: the folder is read-only")
    if not read_only and exists and not writable_place(path):
        raise ReadOnlyError(
            f"{path}: the project file or its folder is read-only, so it cannot be changed; "
            "copy it to a writable folder (stats, export and the window can still read it)"
        )
    with mapped(path, "opening the project"):
        conn = _connect(path, read_only)
    db = Database(conn)
    try:
        with mapped(path, "opening the project"):
            _while_busy(
                db.conn, lambda: _refused_unless_sqlite(path, lambda: _prepare(db, path, exists, read_only))
            )
    except BaseException:
        db.close()
        raise
    return db


def _prepare(db: Database, path: Path, exists: bool, read_only: bool) -> None:
    """Check an existing file, then configure and migrate it (every step safe to repeat)."""
    if exists:
        _check_existing(db, path, read_only)
    if read_only:
        db.execute("PRAGMA foreign_keys = ON")
    else:
        _configure(db)
        _upgrade(db)


def _while_busy(conn: sqlite3.Connection, step: Callable[[], None]) -> None:
    """Run ``step``, again after a back-off pause while another process keeps the file busy
    past SQLite's own timeout (a checkpoint or a new file's first writes under heavy load);
    a failed try's half-begun migration is rolled back before the next."""

    def rolled_back_on_failure() -> None:
        try:
            step()
        except sqlite3.OperationalError:
            if conn.in_transaction:
                conn.rollback()
            raise

    retry_while_busy(rolled_back_on_failure, BACKGROUND, OPEN_PATIENCE_S)


def writable_place(path: Path) -> bool:
    """Whether ``path`` and its folder can be written (SQLite's WAL needs both)."""
    folder = path.resolve().parent
    return (
        os.access(folder, os.W_OK)
        and (not path.exists() or os.access(path, os.W_OK))
        and _fs_writable(folder)
    )


def _fs_writable(folder: Path) -> bool:
    try:
        return not os.statvfs(folder).f_flag & os.ST_RDONLY
    except OSError:
        return True


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    if writable_place(path):
        # A normal connection that refuses writes: when it is the last one to close, SQLite
        # checkpoints and removes -wal and -shm, so reading leaves nothing behind.
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute("PRAGMA query_only = ON")
        return conn
    return _connect_on_read_only_media(path)


def _connect_on_read_only_media(path: Path) -> sqlite3.Connection:
    """A read-only folder or file: WAL cannot make its -shm there, so read the file as
    immutable (safe: nobody can write it from here either) unless a -wal with changes is
    present and usable in place."""
    uri = path.resolve().as_uri()
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            raise ProjectError(
                f"{path}: is on a read-only disk with unsaved changes in {wal.name}; "
                "copy the project and its -wal file to a writable folder to open it"
            ) from None
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _refused_unless_sqlite(path: Path, step: Callable[[], None]) -> None:
    """Run ``step``; a file SQLite calls no database is refused as not a project file.

    Its header is read only then: a file this process already has open in SQLite must never
    be opened and closed by Python, as closing any descriptor of a file drops every POSIX
    lock the process holds on it (SQLite's too). Another process closing the project then
    takes itself for the last one and deletes the WAL this process still writes to.
    """
    try:
        step()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == _NOT_A_DATABASE:
            _check_header(path)
        raise


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ProjectError(f"{path}: cannot be read ({exc.strerror})") from None
    if header != SQLITE_HEADER:
        raise ProjectError(f"{path}: not a project file (not an SQLite database)")


def _check_existing(db: Database, path: Path, read_only: bool) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"{path}: written by a newer version of annotator (schema {version}, "
            f"this version knows up to {SCHEMA_VERSION}); upgrade annotator to open it"
        )
    tables = set(db.table_names())
    if read_only and not tables:
        raise ProjectError(f"{path}: an empty database, not a project (use `annotator init` to make one)")
    if tables and "meta" not in tables:
        raise ProjectError(f"{path}: not an annotator project (an SQLite file with other tables)")
    if "meta" in tables and _marker(db) != APP_MARKER:
        raise ProjectError(f"{path}: not an annotator project (no annotator marker)")
    result = db.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise ProjectError(f"{path}: the project file is corrupt ({result}); restore a backup")


def _marker(db: Database) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    try:
        return json.loads(row[0]) if row else None
    except (TypeError, ValueError):
        return None


def _configure(db: Database) -> None:
    """WAL + synchronous=FULL: a committed decision survives a power cut."""
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _upgrade(db: Database) -> None:
    """Migrate an older (or new, empty) file, once even when two processes open it at once."""
    if db.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    begin_immediate(db.conn, BACKGROUND)
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            migrate(db)
            _mark(db)
    except BaseException:
        db.conn.rollback()
        raise
    db.execute("COMMIT")


def _mark(db: Database) -> None:
    with db.atomic():
        meta = db.table("meta")
        meta.upsert({"key": "app", "value": json.dumps(APP_MARKER)}, pk="key")
        meta.upsert({"key": "schema_version", "value": json.dumps(SCHEMA_VERSION)}, pk="key")

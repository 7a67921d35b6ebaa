"""Opening a project file safely: refuse what is not ours, corrupt, or from a newer version."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import ProjectError
from annotator.core.store.migrations import SCHEMA_VERSION, migrate

SQLITE_HEADER = b"SQLite format 3\x00"
APP_MARKER = "news-annotator"


def open_database(path: Path, create: bool = False, read_only: bool = False) -> Database:
    """Open (or create) the project database at ``path`` and bring its schema up to date.

    Raises ProjectError, without writing anything, when the file is missing (and
    ``create`` is false), is not a SQLite file, is not a project, is corrupt, or has
    a schema version newer than this program knows.
    """
    if not path.exists() and not create:
        raise ProjectError(f"{path}: no such project (use `annotator init {path}`)")
    exists = path.exists() and path.stat().st_size > 0  # SQLite takes an empty file as a new database
    if exists:
        _check_header(path)
    conn = _connect(path, read_only and exists)
    db = Database(conn)
    try:
        if exists:
            _check_existing(db, path)
        if not read_only:
            _configure(db)
            if db.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                migrate(db)
                _mark(db)
        else:
            db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        db.close()
        raise ProjectError(f"{path}: cannot be opened as a project: {exc}") from None
    except BaseException:
        db.close()
        raise
    return db


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite3.connect(str(path), check_same_thread=False)


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise ProjectError(f"{path}: not a project file (not an SQLite database)")


def _check_existing(db: Database, path: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"{path}: written by a newer version of annotator (schema {version}, "
            f"this version knows up to {SCHEMA_VERSION}); upgrade annotator to open it"
        )
    tables = set(db.table_names())
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
    db.execute("PRAGMA busy_timeout = 5000")


def _mark(db: Database) -> None:
    with db.atomic():
        db["meta"].upsert({"key": "app", "value": json.dumps(APP_MARKER)}, pk="key")
        db["meta"].upsert({"key": "schema_version", "value": json.dumps(SCHEMA_VERSION)}, pk="key")

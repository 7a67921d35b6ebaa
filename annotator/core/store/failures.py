"""The store's edge: every ``sqlite3`` and OS error becomes one of the core's own errors,
with a message that says what happened and what to do."""

from __future__ import annotations

import errno
import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from annotator.core.errors import (
    AnnotatorError,
    BusyError,
    DiskFullError,
    ProjectError,
    ReadOnlyError,
    StorageError,
)

_FULL, _READONLY, _BUSY, _LOCKED, _CANTOPEN = 13, 8, 5, 6, 14
_CORRUPT, _NOTADB, _IOERR, _PERM = 11, 26, 10, 3
_STORAGE = {_FULL, _READONLY, _BUSY, _LOCKED, _CANTOPEN, _CORRUPT, _NOTADB, _IOERR, _PERM}


RAW_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, OSError)
"""What the store may let through from a read outside a transaction; :func:`translate` maps it."""


def is_busy(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's "database is locked/busy" (another writer holds the file)."""
    return isinstance(exc, sqlite3.OperationalError) and _primary(exc) in (_BUSY, _LOCKED)


def is_storage(exc: BaseException) -> bool:
    """Whether ``exc`` is about the file or the disk (full, read-only, busy, I/O, corrupt),
    rather than about the statement (a constraint or a trigger refusing it)."""
    if isinstance(exc, OSError):
        return True
    return isinstance(exc, sqlite3.Error) and _primary(exc) in _STORAGE


def _primary(exc: sqlite3.Error) -> int | None:
    code: int | None = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return _BUSY
        if "disk is full" in text:
            return _FULL
        if "readonly" in text or "read-only" in text:
            return _READONLY
        return None
    return code & 0xFF


def translate(exc: BaseException, path: object, doing: str = "the last change") -> AnnotatorError | None:
    """The core error for a ``sqlite3.Error`` or ``OSError`` (None for anything else).

    ``doing`` names the job in the message ("the import", "the edit"): it was rolled back.
    """
    if isinstance(exc, AnnotatorError):
        return exc
    if isinstance(exc, sqlite3.Error):
        return _from_sqlite(exc, path, doing)
    if isinstance(exc, OSError):
        return _from_os(exc, path, doing)
    return None


def _from_sqlite(exc: sqlite3.Error, path: object, doing: str) -> AnnotatorError:
    code, text = _primary(exc), str(exc)
    if code == _FULL:
        return DiskFullError(
            f"{path}: the disk is full: free space and run {doing} again; nothing was written"
        )
    if code == _READONLY:
        return ReadOnlyError(
            f"{path}: the project file or its folder is read-only, so {doing} cannot be saved; "
            "copy the project to a writable folder (reading it still works)"
        )
    if code in (_BUSY, _LOCKED):
        return BusyError(
            f"{path}: another process kept the project busy for too long; {doing} was not saved; "
            "try again when the other import or suggest run has finished"
        )
    if code == _CANTOPEN:
        return StorageError(f"{path}: cannot open the project file (does its folder exist, can you read it?)")
    if code in (_CORRUPT, _NOTADB):
        return ProjectError(f"{path}: the project file is corrupt ({text}); restore a backup")
    if code == _IOERR:
        return StorageError(
            f"{path}: the disk reported an error ({text}); {doing} was not saved; check the disk"
        )
    if "no such table" in text or "no such column" in text:
        return ProjectError(f"{path}: not an annotator project, or an incomplete one ({text})")
    return StorageError(f"{path}: {doing} failed in the project file: {text}")


def _from_os(exc: OSError, path: object, doing: str) -> AnnotatorError:
    where = exc.filename or path
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(f"{where}: the disk is full: free space and run {doing} again")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyError(f"{where}: cannot write here ({exc.strerror}); choose a writable place")
    return StorageError(f"{where}: {exc.strerror or exc}")


@contextmanager
def mapped(path: object, doing: str = "the last change") -> Iterator[None]:
    """Re-raise ``sqlite3``/OS errors of the block as the core's errors."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        error = translate(exc, Path(str(path)), doing)
        if error is None:  # translate maps every sqlite3.Error and OSError
            raise
        raise error from exc


READING = "reading the project"

P = ParamSpec("P")
R = TypeVar("R")
Y = TypeVar("Y")


class _OnFile(Protocol):
    """Something that reads one project file (named in error messages)."""

    path: Path


S = TypeVar("S", bound=_OnFile)


def reading(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """A read method whose ``sqlite3``/OS errors come out as the core's errors (a read outside
    a transaction has no :meth:`Project.transaction` to map them)."""

    @functools.wraps(method)
    def read(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with mapped(self.path, READING):
            return method(self, *args, **kwargs)

    return read


def streaming(method: Callable[Concatenate[S, P], Iterator[Y]]) -> Callable[Concatenate[S, P], Iterator[Y]]:
    """Like :func:`reading`, for a read that streams rows: errors while iterating are mapped too."""

    @functools.wraps(method)
    def read(self: S, /, *args: P.args, **kwargs: P.kwargs) -> Iterator[Y]:
        with mapped(self.path, READING):
            yield from method(self, *args, **kwargs)

    return read

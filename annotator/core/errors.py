"""Errors the core raises for bad input; the CLI prints them as one ``error: ...`` line."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base class: a problem the user can fix, with a message that says what and where."""


class SchemeError(AnnotatorError):
    """A label scheme file is invalid."""


class ProjectError(AnnotatorError):
    """A file is not a project, is corrupt, was written by a newer version, or is locked."""


class InputError(AnnotatorError):
    """An input file is malformed; the message starts with ``FILE:LINE:``."""

    def __init__(self, path: object, line: int | None, problem: str):
        self.path, self.line, self.problem = str(path), line, problem
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class Cancelled(AnnotatorError):
    """The user cancelled a long job (import, export, suggest); nothing half-done was kept."""


class EditError(AnnotatorError):
    """A requested edit is impossible (span out of range, unknown label, ...)."""


class StorageError(ProjectError):
    """The project file could not be read or written (disk full, read-only, busy, I/O)."""


class DiskFullError(StorageError):
    """The disk (or the file system's quota) is full."""


class ReadOnlyError(StorageError):
    """The project file or its folder cannot be written."""


class BusyError(StorageError):
    """Another process held the project's write lock for longer than this writer waits."""


class NotSavedError(BusyError):
    """A person's edit could not be saved; the message says so plainly."""

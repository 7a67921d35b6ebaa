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

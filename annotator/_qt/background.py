"""Background operations, in the spirit of Anki's ``CollectionOp``/``QueryOp``: core work runs
off the GUI thread on a QThreadPool, reports progress, can be cancelled, and says what it
changed, so that every view refreshes itself from one signal.

    op = BackgroundOp(lambda ctx: import_sources(..., progress=ctx.progress,
                                                 cancelled=ctx.cancelled),
                      changes=lambda report: Changes(articles=True), parent=self)
    op.succeeded.connect(...)
    op.start()

The work gets an :class:`OpContext`: ``progress(n)`` and ``cancelled()`` fit the core's
callbacks; ``announce(changes)`` tells the views about a part already saved (a long job that
stores as it goes). Work that opens the project opens its own connection in its thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.errors import Cancelled

MAX_THREADS = 8  # the suggestion worker holds one for the window's life; jobs share the rest


@dataclass(frozen=True)
class Changes:
    """What an operation changed in the project (Anki's ``OpChanges``).

    ``articles``: articles were added or removed (lists and counts change);
    ``article_ids``: the spans or states of these articles changed;
    ``origin``: the object that made the change and already shows it (it skips it).
    """

    articles: bool = False
    article_ids: frozenset[int] = field(default_factory=frozenset)
    origin: object | None = field(default=None, compare=False)

    @classmethod
    def of_articles(cls, *ids: int, origin: object | None = None) -> Changes:
        return cls(article_ids=frozenset(ids), origin=origin)

    def __bool__(self) -> bool:
        return self.articles or bool(self.article_ids)

    def touches(self, article_id: int) -> bool:
        """Whether the views of ``article_id`` must be read again."""
        return self.articles or article_id in self.article_ids


class ChangeBus(QObject):
    """The one place views learn that the project changed: ``changed(Changes)``."""

    changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._open = True

    def announce(self, changes: Changes) -> None:
        """Tell every view (nothing once closed: a late signal from a stopped job)."""
        if self._open and changes:
            self.changed.emit(changes)

    def close(self) -> None:
        self._open = False


class OpContext:
    """What the work function gets: progress, cancel, and partial announcements."""

    def __init__(self, op: BackgroundOp):
        self._op = op
        self._done = 0

    def progress(self, n: int = 1, *_rest) -> None:
        """``n`` more items done (the core's ``progress`` callback)."""
        self._done += n if isinstance(n, int) else 1
        self._op.progressed.emit(self._done)

    def cancelled(self) -> bool:
        """Whether the user asked to stop (the core's ``cancelled`` callback)."""
        return self._op.is_cancelled()

    def announce(self, changes: Changes) -> None:
        """A part of the work is saved: let the views show it now."""
        if changes:
            self._op.changed.emit(changes)


class _Runner(QRunnable):
    def __init__(self, op: BackgroundOp):
        super().__init__()
        self._op = op

    def run(self) -> None:
        self._op._run()


class BackgroundOp(QObject):
    """One piece of core work in the thread pool. Signals arrive on the GUI thread:
    ``progressed(int)``, ``changed(Changes)``, then one of ``succeeded(result)``,
    ``failed(str)`` or ``cancelled(str)``, then ``finished()``."""

    progressed = Signal(int)
    changed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)
    finished = Signal()

    def __init__(
        self,
        work: Callable[[OpContext], Any],
        changes: Callable[[Any], Changes] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._work, self._changes = work, changes
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._runner: _Runner | None = None

    def start(self) -> BackgroundOp:
        """Queue the work on the pool; returns self."""
        self._runner = _Runner(self)
        self._runner.setAutoDelete(False)
        pool().start(self._runner)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next ``cancelled()`` check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended (False on timeout). For shutdown only."""
        if self._runner is None:
            return True
        return self._done.wait(timeout)

    def _run(self) -> None:
        try:
            result = self._work(OpContext(self))
        except Cancelled as exc:
            self.cancelled.emit(str(exc))
        except Exception as exc:  # reported to the user, who can retry
            self.failed.emit(str(exc))
        else:
            if self._changes is not None:
                self.changed.emit(self._changes(result))
            self.succeeded.emit(result)
        finally:
            self._done.set()
            self.finished.emit()


_POOL: QThreadPool | None = None


def pool() -> QThreadPool:
    """The window's thread pool (made on first use, after the QApplication)."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(MAX_THREADS)
    return _POOL

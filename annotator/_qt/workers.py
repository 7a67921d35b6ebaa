"""Background work: suggestions ahead of the annotator, and import/export jobs with cancel.

Each worker opens its own connection to the project file in its own thread; the GUI thread
never loads spaCy or waits on it. Results come back as Qt signals (queued to the GUI thread).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from annotator.core.errors import Cancelled
from annotator.core.store import open_project


class SuggestWorker(QThread):
    """Computes suggestions for requested articles, the most recently requested first."""

    stored = Signal(int, int)  # article id, suggestions stored
    notice = Signal(str)
    failed = Signal(str)

    def __init__(self, path: Path, model: str | None, parent=None):
        super().__init__(parent)
        self._path, self._model = Path(path), model
        self._wanted: deque[int] = deque()
        self._seen: set[int] = set()
        self._forced: set[int] = set()  # articles to look at again (annotation memory grew)
        self._wake = threading.Condition()
        self._stopping = False

    def request(self, article_ids: list[int]) -> None:
        """Ask for suggestions on these articles (in this order, before older requests)."""
        with self._wake:
            for article_id in reversed(article_ids):
                if article_id not in self._seen:
                    if article_id in self._wanted:
                        self._wanted.remove(article_id)
                    self._wanted.appendleft(article_id)
            self._wake.notify()

    def refresh(self, article_ids: list[int]) -> None:
        """Look at these articles again, adding only what is new (memory from recent accepts)."""
        with self._wake:
            for article_id in article_ids:
                self._seen.discard(article_id)
                self._forced.add(article_id)
        self.request(article_ids)

    def stop(self) -> None:
        """Finish the article in hand, then end the thread."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self.wait()

    def _next(self) -> tuple[int, bool] | None:
        with self._wake:
            while not self._wanted and not self._stopping:
                self._wake.wait()
            if self._stopping:
                return None
            article_id = self._wanted.popleft()
            self._seen.add(article_id)
            forced = article_id in self._forced
            self._forced.discard(article_id)
            return article_id, forced

    def run(self) -> None:
        try:
            from annotator.core.suggest import load_pipeline, suggest_articles
        except ImportError as exc:
            self.failed.emit(f"suggestions unavailable: {exc}")
            return
        project = open_project(self._path)
        try:
            pipeline = load_pipeline(self._model, project)
            if getattr(pipeline, "notice", None):
                self.notice.emit(pipeline.notice)
            while (wanted := self._next()) is not None:
                article_id, forced = wanted
                self.stored.emit(article_id, suggest_articles(project, [article_id], pipeline, force=forced))
        except Exception as exc:  # shown in the status bar; annotating goes on without suggestions
            self.failed.emit(f"suggestions stopped: {exc}")
        finally:
            project.close()


Task = Callable[[Callable[..., None], Callable[[], bool]], object]


class JobThread(QThread):
    """Runs ``task(progress, cancelled)`` off the GUI thread; emits progress and the outcome."""

    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal(str)

    def __init__(self, task: Task, parent=None):
        super().__init__(parent)
        self._task = task
        self._cancel = threading.Event()
        self._done = 0

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, n: int = 1, *rest) -> None:
        self._done += n if isinstance(n, int) else 1
        self.progressed.emit(self._done)

    def run(self) -> None:
        try:
            result = self._task(self._progress, self._cancel.is_set)
        except Cancelled as exc:
            self.cancelled.emit(str(exc))
        except Exception as exc:  # reported to the user, who can retry
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)


def import_task(path: Path, sources: list[str], annotator: str) -> Task:
    """A job importing ``sources`` into the project at ``path`` through its own connection."""

    def task(progress, cancelled):
        from annotator.core.ingest import import_sources

        with open_project(path) as project:
            return import_sources(
                project, sources, annotator=annotator, progress=progress, cancelled=cancelled
            )

    return task


def export_task(path: Path, out_path: Path, fmt: str, annotator: str | None) -> Task:
    """A job exporting done articles of the project at ``path``."""

    def task(progress, cancelled):
        from annotator.core.export import export_project

        with open_project(path) as project:
            return export_project(
                project, out_path, fmt, annotator=annotator, progress=progress, cancelled=cancelled
            )

    return task

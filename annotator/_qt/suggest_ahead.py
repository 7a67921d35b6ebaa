"""Suggestions ahead of the annotator: one long background operation (see ``background``)
that loads spaCy once and takes the articles the window asks for, newest request first.
When idle, it redoes the pending suggestions another model made in the other articles (after
Model -> Train, or a model changed while the window was closed), one article at a time.

It opens its own connection to the project file in its pool thread; the GUI thread never loads
spaCy or waits on it. Stored suggestions are announced as changes, so the views show them.
"""

from __future__ import annotations

import threading
from collections import deque
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from annotator._qt.background import BackgroundOp, Changes, OpContext
from annotator.core.store import open_project


class SuggestWorker(QObject):
    """Computes suggestions for requested articles, the most recently requested first."""

    stored = Signal(int, int)  # article id, suggestions stored
    following = Signal(int)  # other articles whose suggestions another model made: N to redo, 0 done
    changed = Signal(object)  # Changes: the articles that got suggestions
    notice = Signal(str)
    failed = Signal(str)

    def __init__(self, path: Path, model: str | None, parent=None):
        super().__init__(parent)
        self._op: BackgroundOp | None = None
        self._path, self._model = Path(path), model
        self._wanted: deque[int] = deque()
        self._stale: deque[int] = deque()  # another model's suggestions, redone when idle
        self._sweeping = False  # stale articles were found and are not all done yet
        self._seen: set[int] = set()
        self._forced: set[int] = set()  # articles to look at again (annotation memory grew)
        self._editing: tuple[int | None, str | None] = (None, None)  # open article, its annotator
        self._reload = False  # the project's model changed: load it before the next article
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

    def set_editing(self, article_id: int | None, annotator: str | None = None) -> None:
        """The article open for editing by ``annotator``: annotation memory leaves its
        decisions out until it is left or they mark it done (before, they may be half done,
        e.g. a span being resized)."""
        with self._wake:
            self._editing = (article_id, annotator)

    def use_project_model(self, article_ids: list[int]) -> None:
        """The project's model changed (Model -> Train): load it in the worker thread, then
        suggest these articles again; their pending suggestions from the other model are
        replaced, people's decisions stay (``suggest_articles``)."""
        with self._wake:
            self._model, self._reload = None, True
            self._seen.clear()
            self._wake.notify()
        self.request(article_ids)

    def start(self) -> None:
        """Start the worker in the thread pool."""
        self._op = BackgroundOp(self._work, parent=self)
        self._op.changed.connect(self.changed)
        self._op.failed.connect(lambda text: self.failed.emit(f"suggestions stopped: {text}"))
        self._op.start()

    def stop(self) -> None:
        """Finish the article in hand, then end the work."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
        if self._op is not None:
            self._op.wait()

    def _next(self) -> tuple[int | None, bool, tuple[int | None, str | None], bool] | None:
        """The next job: (article or None, forced, editing, reload). A requested article comes
        before a stale one; None (nothing to suggest) when only the model is to be reloaded."""
        with self._wake:
            while not (self._wanted or self._stale or self._reload or self._stopping):
                self._wake.wait()
            if self._stopping:
                return None
            reload, self._reload = self._reload, False
            article_id: int | None = None
            if self._wanted:
                article_id = self._wanted.popleft()
                self._seen.add(article_id)
            elif self._stale and not reload:
                article_id = self._stale.popleft()
            forced = article_id in self._forced
            if article_id is not None:
                self._forced.discard(article_id)
            return article_id, forced, self._editing, reload

    def _find_stale(self, project, model: str) -> None:
        """Queue every article whose suggestions another model than ``model`` made."""
        from annotator.core.suggest import stale_articles

        stale = stale_articles(project, model)
        with self._wake:
            self._stale, self._sweeping = deque(stale), bool(stale)
        if stale:
            self.following.emit(len(stale))

    def _pipeline(self, project, load_pipeline):
        pipeline = load_pipeline(self._model, project)
        if getattr(pipeline, "notice", None):
            self.notice.emit(pipeline.notice)
        return pipeline

    def _work(self, ctx: OpContext) -> None:
        """Load the pipeline, then suggest for each requested article until stopped (an error
        ends it as ``failed``: shown in the status bar; annotating goes on without)."""
        try:
            from annotator.core.suggest import load_pipeline, stale_ids, suggest_articles
        except ImportError as exc:
            self.failed.emit(f"suggestions unavailable: {exc}")
            return
        with open_project(self._path) as project:
            pipeline = self._pipeline(project, load_pipeline)
            self._find_stale(project, pipeline.model_name)
            while (wanted := self._next()) is not None:
                article_id, forced, (editing, editor), reload = wanted
                if reload:
                    pipeline = self._pipeline(project, load_pipeline)
                    self._find_stale(project, pipeline.model_name)
                if article_id is None:
                    continue
                replaced = stale_ids(project, [article_id], pipeline.model_name)
                editing_ids = () if editing is None else (editing,)
                withdrawn: list[int] = []
                count = suggest_articles(
                    project,
                    [article_id],
                    pipeline,
                    force=forced,
                    editing=editing_ids,
                    editor=editor,
                    withdrew=partial(_note, withdrawn),
                )
                self.stored.emit(article_id, count)
                if count or withdrawn or replaced:  # withdrawn: memory no longer supports them
                    ctx.announce(Changes.of_articles(article_id))
                self._swept()

    def _swept(self) -> None:
        """Say so once the last stale article is done."""
        with self._wake:
            done, self._sweeping = self._sweeping and not self._stale, self._sweeping and bool(self._stale)
        if done:
            self.following.emit(0)


def _note(withdrawn: list[int], _article_id: int, n: int) -> None:
    withdrawn.append(n)

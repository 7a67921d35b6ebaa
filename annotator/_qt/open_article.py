"""Tells every process which article this window has open (``Project.note_open_article``), so
annotation memory, in the window's suggester as in ``annotator suggest`` run from a shell,
learns its decisions only once it is left; and keeps that note alive with a heartbeat."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from annotator.core.errors import AnnotatorError


class OpenArticleNote(QObject):
    """The article one view of the window (``view``: "main", "review") has open, as recorded
    in the project file for other processes."""

    def __init__(self, project, parent=None, view: str = "main"):
        super().__init__(parent)
        self._project, self._view = project, view
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._beat)

    def note(self, annotator: str, article_id: int | None) -> None:
        """``article_id`` is open now (None: none). A file too busy to note it is no reason to
        stop the window: memory then merely may learn the article before it is left."""
        if self._project.read_only or self._stopped:
            return
        try:
            self._project.note_open_article(annotator, article_id, self._view)
        except AnnotatorError:
            return
        if not self._timer.isActive():
            self._timer.start(self._project.HEARTBEAT_SECONDS * 1000)

    def _beat(self) -> None:
        try:
            self._project.window_heartbeat()
        except AnnotatorError:  # the next beat or the next article tries again
            pass

    def stop(self) -> None:
        """No more notes or heartbeats: the project is being closed (which removes the note)."""
        self._stopped = True
        self._timer.stop()

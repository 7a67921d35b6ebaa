"""Where the annotator was in the open article: the focused span and the scroll position,
saved (QSettings) a moment after each change, so that a restart, even after a crash, opens
the article there rather than at the top with nothing focused."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

from annotator._qt import settings as saved

SAVE_DELAY_MS = 300  # a burst of n presses or a scroll saves once
SETTLE_MS = 1500  # the window's layout settles within this after showing; the scroll follows it
_USER_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


class PlaceKeeper(QObject):
    """Saves the window's place as it changes and puts it back on :meth:`restore`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._target: int | None = None  # code point to bring to the top once laid out
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        window.annotating.focusMoved.connect(self._timer.start)
        window.view.verticalScrollBar().valueChanged.connect(self._timer.start)
        window.view.viewport().installEventFilter(self)
        window.view.installEventFilter(self)

    def save(self) -> None:
        """Write the open article's focused span and first character in view."""
        window, state = self.window, self.window.annotating.state
        if state is None or window.project.read_only or self._target is not None:
            return
        top = state.offsets.to_codepoints(window.view.top_position())
        saved.set_last_place(
            window.settings, window.project.path, window.annotator, state.article.id, state.focus_id, top
        )

    def restore(self, article_id: int) -> None:
        """Focus the span saved for the open ``article_id`` and scroll where it was (now when
        the window is shown, else when it is; again while its layout settles)."""
        window, state = self.window, self.window.annotating.state
        place = saved.last_place(window.settings, window.project.path, window.annotator)
        if state is None or place is None or place[0] != article_id or state.article.id != article_id:
            return
        _, span_id, top = place
        if span_id is not None and state.span(span_id) is not None:
            window.annotating.focus_span(span_id)
        self._target = min(top, len(state.article.text))
        QTimer.singleShot(SETTLE_MS, self._settled)
        if window.isVisible():
            self.apply_pending()

    def apply_pending(self) -> None:
        """Scroll to the saved position (again after a resize, until the layout settles)."""
        state = self.window.annotating.state
        if state is None or self._target is None:
            return
        self.window.view.scroll_to_top_position(state.offsets.to_units(self._target))

    def _settled(self) -> None:
        self._target = None

    def eventFilter(self, watched, event) -> bool:
        if self._target is not None:
            if event.type() in _USER_EVENTS:  # the user takes over: the place is theirs now
                self._target = None
            elif event.type() == QEvent.Type.Resize and watched is self.window.view.viewport():
                QTimer.singleShot(0, self.apply_pending)
        return False

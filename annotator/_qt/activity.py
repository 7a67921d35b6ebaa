"""The status-bar note "another process is importing…": other writers of the same file.

A CLI import or ``suggest`` announces itself in the project file (``store.activity``); the
window looks every ``POLL_MS`` (one small query) and keeps working meanwhile: its edits wait
their turn for a few milliseconds (``store.locking``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

POLL_MS = 1500


class ActivityWatcher(QObject):
    """Shows what other processes are doing to the project; ``finished`` when they stop."""

    finished = Signal()

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self._project = project
        self.label = QLabel()
        self.label.setStyleSheet("color:#5a4500;")
        self.label.hide()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(POLL_MS)
        self._busy = False

    def check(self) -> None:
        """Look once: show the note while another process works, say when it stopped."""
        try:
            jobs = self._project.other_jobs()
        except Exception:  # a closed or unreadable project: nothing to show
            jobs = []
        kinds = sorted({job.get("kind", "writing") for job in jobs})
        if kinds:
            self.label.setText(f"another process is {' and '.join(kinds)}…")
        self.label.setVisible(bool(kinds))
        if self._busy and not kinds:
            self.finished.emit()
        self._busy = bool(kinds)

    def stop(self) -> None:
        self._timer.stop()

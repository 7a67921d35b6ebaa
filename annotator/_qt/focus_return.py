"""Keys go back to the window after one of its dialogs closes.

Without a window manager (Xvfb, some kiosk setups) or with a slow one, a closed modal dialog
leaves no active window: X gives the keyboard to the root window and the annotator's next key
is lost until they click. This watches the application's focus window and, when one of the
window's own dialogs (Settings, a file dialog, a question or "Done" box) closed and left the
focus nowhere, activates the window again and gives the keys back to the widget that had them
(the article text, usually).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget


class FocusReturn(QObject):
    """Gives the keys back to ``window`` (``fallback``: when no widget of it had them) once a
    dialog of it closes with no window left active."""

    def __init__(self, window: QWidget, fallback: QWidget):
        super().__init__(window)
        self._window, self._fallback = window, fallback
        self._dialog: QWindow | None = None  # the window's dialog that had the focus last
        self._owner: QWidget | None = None  # the window it was opened over (ours, or the review's)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication), "a window needs its application"
        app.focusWindowChanged.connect(self._focus_moved)

    def _focus_moved(self, focused: QWindow | None) -> None:
        if focused is not None and focused.type() in _PARTS:
            return  # a dialog's popup (a completer's list): part of the dialog
        if focused is None:  # X's focus went to no window of ours
            if self._dialog is not None and _shown(self._dialog):
                self._dialog = None  # to another application, the dialog still open: theirs now
            elif self._dialog is not None:
                QTimer.singleShot(0, self._give_back)
        elif self._opened_here(focused):
            if focused is not self._dialog:
                focused.visibleChanged.connect(self._dialog_shown)
            self._dialog, self._owner = focused, _modal_owner()
            if not focused.isVisible():  # closed before the focus reached it
                QTimer.singleShot(0, self._give_back)
        else:
            self._dialog = None

    def _dialog_shown(self, visible: bool) -> None:
        if not visible:
            QTimer.singleShot(0, self._give_back)

    def _opened_here(self, candidate: QWindow) -> bool:
        """Whether ``candidate`` is a dialog of the window (or of one of its dialogs)."""
        main = self._window.windowHandle()
        parent = candidate.transientParent()
        while parent is not None:
            if parent is main:
                return True
            parent = parent.transientParent()
        return False

    def _give_back(self) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is None or _shown(dialog) or not self._window.isVisible():
            return
        focus = QGuiApplication.focusWindow()
        if (
            focus is not None and focus is not dialog and focus.isVisible()
        ) or QApplication.activeModalWidget():
            return  # a window of ours has the keys already (a window manager gave them)
        owner = self._owner
        if owner is not None and owner is not self._window and shiboken6.isValid(owner) and owner.isVisible():
            owner.activateWindow()  # another window of ours (review mode) had the keys
            return
        self._window.activateWindow()
        had = self._window.focusWidget()
        (had if had is not None and had.isVisible() else self._fallback).setFocus()


_PARTS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


def _modal_owner() -> QWidget | None:
    """The window (widget) the open modal dialog was opened over, if any. (Asked of the modal
    widget: comparing QWindow wrappers can meet a stale one of a deleted window.)"""
    modal = QApplication.activeModalWidget()
    parent = modal.parentWidget() if modal is not None else None
    return parent.window() if parent is not None else None


def _shown(window: QWindow) -> bool:
    """Whether ``window`` still exists and is shown."""
    return shiboken6.isValid(window) and window.isVisible()

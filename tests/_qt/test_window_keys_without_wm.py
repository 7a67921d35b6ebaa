"""Keys reach the window without a window manager (Xvfb, a kiosk), where nothing activates a
window but the application itself. Seen under Xvfb: after Enter on "Start labelling" (and at
every start) n, a and x did nothing until a click: typing reached the focused field, but the
window was never active, and its shortcuts work only in the active window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from annotator._qt.first_run import show_welcome


def _nothing_active(qtbot) -> None:
    """Leave no window active, as X does with no window manager (the keys go to the root)."""
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=2000)
    other.hide()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is None, timeout=2000)


def test_start_labelling_puts_the_keys_in_the_text(qtbot, window):
    panel = show_welcome(window, "login")
    _nothing_active(qtbot)
    qtbot.keyClick(panel.name_edit, Qt.Key_Return)  # X gives it to the field that has the keys
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    assert QApplication.focusWidget() is window.view
    qtbot.keyClick(window.view, Qt.Key_N)
    assert window.annotating.state.focused() is not None


def test_the_window_asks_for_the_keys_when_it_is_shown(qtbot, window, monkeypatch):
    """Showing is not enough without a window manager: the window activates itself."""
    asked = []
    monkeypatch.setattr(window, "activateWindow", lambda: asked.append("activate"))
    window.hide()
    window.present()
    assert window.isVisible() and asked == ["activate"]

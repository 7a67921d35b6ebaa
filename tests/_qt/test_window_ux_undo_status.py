"""Ctrl+Z / Ctrl+Shift+Z say in the status bar what they undid or redid, or that there was nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _status(window) -> str:
    return window.statusBar().currentMessage()


def test_undo_and_redo_name_the_edit_in_the_status_bar(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert _status(window) == "Nothing to undo in this article"
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert _status(window).startswith("Undone: ") and "accept" in _status(window)
    assert window.annotating.state.focused().is_suggestion
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert _status(window).startswith("Redone: ") and "accept" in _status(window)
    assert not window.annotating.state.focused().is_suggestion
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert _status(window) == "Nothing to redo in this article"

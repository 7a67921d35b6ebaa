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


def test_undo_in_a_reopened_window_takes_back_the_last_session_edit(qtbot, open_win, qt_project_path):
    """The window shows the core's undo: it reads the project's edit log, so an edit made
    before the window was closed can be undone after it is opened again."""
    window = open_win(qt_project_path)
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    article = window.annotating.state.article.id
    assert [s.annotator for s in window.annotating.state.spans].count("ann") == 1
    window.close()
    window = open_win(qt_project_path)
    assert window.annotating.state.article.id == article
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert _status(window) == "Undone: accept ACTOR"
    assert all(s.annotator is None for s in window.annotating.state.spans)
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert _status(window) == "Nothing to undo in this article"

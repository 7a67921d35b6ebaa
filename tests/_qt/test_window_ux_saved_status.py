"""Every key that changes the project says in the status bar what was saved."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _status(window) -> str:
    return window.statusBar().currentMessage()


def test_each_edit_names_what_was_saved(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_X)
    assert _status(window) == "Saved: reject ACTOR"
    qtbot.keyClick(window.view, Qt.Key_A)
    assert _status(window) == "Saved: accept QUOTE"
    pending = len(window.annotating.state.pending())
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    assert _status(window) == f"Saved: accepted {pending} suggestions"
    assert not window.annotating.state.pending()


def test_done_with_undecided_suggestions_says_how_many(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    pending = len(window.annotating.state.pending())
    first = window.annotating.state.article.id
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert window.annotating.state.article.id != first
    assert _status(window) == f"Saved: mark done, {pending} suggestions left undecided (not exported)"
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)  # the second article: all decided
    second = window.annotating.state.article.id
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert window.project.state(second, "ann") == "done"
    assert _status(window) == "Saved: mark done"

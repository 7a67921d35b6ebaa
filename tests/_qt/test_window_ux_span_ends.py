"""n on the last span and p on the first say so, instead of doing nothing visible."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_stepping_past_either_end_is_reported(qtbot, window):
    count = len(window.annotating.state.spans)
    for _ in range(count):
        qtbot.keyClick(window.view, Qt.Key_N)
    assert window.statusBar().currentMessage() == ""
    qtbot.keyClick(window.view, Qt.Key_N)
    assert window.statusBar().currentMessage().startswith("Last span of the article")
    for _ in range(count - 1):
        qtbot.keyClick(window.view, Qt.Key_P)
    qtbot.keyClick(window.view, Qt.Key_P)
    assert window.statusBar().currentMessage() == "First span of the article"
    assert window.annotating.state.focus_index() == 0

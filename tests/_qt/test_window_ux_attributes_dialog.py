"""The `e` attributes editor from the keyboard alone: typing replaces the suggested number,
Enter saves, a range whose low end is above its high end is refused, Esc saves nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication


def _in_dialog(qtbot, window, steps) -> list[str]:
    """Press ``e``, then run ``steps(dialog)`` in the dialog; what its problem line said."""
    said = []

    def run():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        steps(dialog)
        problem = getattr(dialog, "problem", None)
        said.append(problem.text() if problem is not None and problem.isVisibleTo(dialog) else "")
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, run)
    qtbot.keyClick(window.view, Qt.Key_E)
    return said


def _type(qtbot, dialog, *keys) -> None:
    for key in keys:
        target = dialog.focusWidget()
        if isinstance(key, str):
            qtbot.keyClicks(target, key)
        else:
            qtbot.keyClick(target, key)


def _focus_casualty(qtbot, window):
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key_N)
    assert window.annotating.state.focused().label == "CASUALTY"


def test_typing_replaces_the_number_and_enter_saves(qtbot, window):
    _focus_casualty(qtbot, window)
    said = _in_dialog(qtbot, window, lambda d: _type(qtbot, d, "25", Qt.Key_Tab, "30", Qt.Key_Return))
    assert said == [""]
    span = window.annotating.state.focused()
    assert (span.annotator, span.attrs["count_low"], span.attrs["count_high"]) == ("ann", 25, 30)


def test_a_high_end_below_the_low_end_is_refused_and_esc_saves_nothing(qtbot, window):
    _focus_casualty(qtbot, window)
    said = _in_dialog(qtbot, window, lambda d: _type(qtbot, d, Qt.Key_Tab, "5", Qt.Key_Return))
    assert said == ["count_high (5) is below count_low (19)"]
    span = window.annotating.state.focused()
    assert span.is_suggestion and span.attrs["count_high"] is None

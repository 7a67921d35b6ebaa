"""Keyboard selection (Shift+arrows, then a label key) starts at the focused span, also after
the focus moved on by itself (x, Delete, undo) and after a click elsewhere in the text. Seen
under Xvfb: after a click on plain text, x moved the box to the next span but the text cursor
stayed at the click, so Shift+Right selected from there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from window_helpers import QUOTE_TEXT


def click_at(qtbot, view, position: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.cursorRect(cursor).center())


def selected_after_shift_right(qtbot, view) -> tuple[int, int]:
    qtbot.keyClick(view, Qt.Key_Right, Qt.ShiftModifier)
    cursor = view.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd()


def test_x_moves_the_selection_start_to_the_next_span(qtbot, window):
    view, state = window.view, window.annotating.state
    qtbot.keyClick(view, Qt.Key_N)  # Putin
    click_at(qtbot, view, QUOTE_TEXT.index("Sunday") + 2)  # plain text: the focus stays
    qtbot.keyClick(view, Qt.Key_X)
    focused = state.focused()
    assert QUOTE_TEXT[focused.start : focused.end] == "We will not retreat from Donbas"
    assert selected_after_shift_right(qtbot, view) == (focused.start, focused.start + 1)


def test_undo_moves_the_selection_start_to_the_span_it_focuses(qtbot, window):
    view, state = window.view, window.annotating.state
    qtbot.keyClick(view, Qt.Key_N)
    qtbot.keyClick(view, Qt.Key_A)  # Putin accepted; the focus moves on
    qtbot.keyClick(view, Qt.Key_P)  # back on the accepted Putin
    click_at(qtbot, view, QUOTE_TEXT.index("Sunday") + 2)
    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)  # the suggestion is back, and focused
    focused = state.focused()
    assert (QUOTE_TEXT[focused.start : focused.end], focused.is_suggestion) == ("Putin", True)
    assert selected_after_shift_right(qtbot, view) == (0, 1)


def test_n_and_p_start_the_selection_at_the_span_they_focus(qtbot, window):
    view, state = window.view, window.annotating.state
    qtbot.keyClick(view, Qt.Key_N)
    click_at(qtbot, view, QUOTE_TEXT.index("Sunday") + 2)
    qtbot.keyClick(view, Qt.Key_N)
    qtbot.keyClick(view, Qt.Key_P)
    assert selected_after_shift_right(qtbot, view) == (state.focused().start, state.focused().start + 1)

"""Ctrl+Z after ``x`` focuses the span it brought back (seen by an annotator: the span came back
but the focus stayed on the next one, so the following ``a`` accepted the wrong span)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import Span


def _focused_words(window) -> str:
    state = window.annotating.state
    span = state.focused()
    return span.text_in(state.article.text) if span else ""


def _x_then_undo(qtbot, window) -> Span:
    """Press x on the focused span, then Ctrl+Z; the span x took away."""
    gone = window.annotating.state.focused()
    qtbot.keyClick(window.view, Qt.Key_X)
    assert _focused_words(window) != gone.text_in(window.annotating.state.article.text)
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert window.statusBar().currentMessage().startswith("Undone: ")
    return gone


def test_undo_of_a_rejected_suggestion_focuses_it_and_a_accepts_it(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_N)  # Putin, suggested
    gone = _x_then_undo(qtbot, window)
    state = window.annotating.state
    assert state.focus_id == gone.id and state.focused().is_suggestion
    assert window.view._focus_id == gone.id  # the box is drawn there too
    qtbot.keyClick(window.view, Qt.Key_A)
    assert [s.text_in(state.article.text) for s in state.spans if not s.is_suggestion] == ["Putin"]


def test_undo_of_a_deleted_span_focuses_it(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_N)  # the QUOTE
    qtbot.keyClick(window.view, Qt.Key_A)
    qtbot.keyClick(window.view, Qt.Key_P)  # the QUOTE, accepted
    accepted = window.annotating.state.focused()
    assert accepted.label == "QUOTE" and not accepted.is_suggestion
    gone = _x_then_undo(qtbot, window)
    assert window.annotating.state.focus_id == gone.id == accepted.id

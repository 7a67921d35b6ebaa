"""``a`` on a span that is already accepted says so and moves on, as ``a`` on a suggestion does
(seen under Xvfb: after accepting a quote, which accepts its speaker too, the next ``a`` on the
speaker stopped the run with "This ACTOR is already accepted" until ``n`` was pressed)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_a_on_an_accepted_span_moves_on_to_the_next(qtbot, window):
    state = window.annotating.state
    qtbot.keyClick(window.view, Qt.Key_N)
    assert state.focused().label == "ACTOR"  # Putin
    qtbot.keyClick(window.view, Qt.Key_A)
    assert state.focused().label == "QUOTE"
    qtbot.keyClick(window.view, Qt.Key_P)
    assert state.focused().label == "ACTOR" and not state.focused().is_suggestion
    qtbot.keyClick(window.view, Qt.Key_A)
    assert window.statusBar().currentMessage() == "This ACTOR is already accepted"
    assert state.focused().label == "QUOTE" and state.focused().is_suggestion

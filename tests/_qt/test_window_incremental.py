"""After each edit the window updates its spans from the rows the edit wrote; that must always
equal what a fresh read of the project shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import QUOTE_TEXT

from annotator._qt.widgets import dialogs

KEYS = [
    Qt.Key_N,
    Qt.Key_A,
    Qt.Key_N,
    Qt.Key_N,
    Qt.Key_X,
    Qt.Key_BracketLeft,
    Qt.Key_S,
    Qt.Key_2,
    Qt.Key_P,
    Qt.Key_Delete,
    Qt.Key_Z,
    Qt.Key_Z,
    Qt.Key_Z,
    "redo",
    "redo",
    "shift_a",
    Qt.Key_Z,
]


def _snapshot(state):
    return [(s.id, s.start, s.end, s.label, s.status, s.annotator) for s in state.spans], state.speakers


def test_incremental_updates_match_a_fresh_read(qtbot, window, monkeypatch):
    monkeypatch.setattr(dialogs, "pick_speaker", lambda parent, choices, *_: choices[0][0])
    window.view.select(*[QUOTE_TEXT.index("Sunday"), QUOTE_TEXT.index("Sunday") + 6])
    qtbot.keyClick(window.view, Qt.Key_4)
    state = window.annotating.state
    for key in KEYS:
        if key == "redo":
            qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        elif key == "shift_a":
            qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
        else:
            qtbot.keyClick(window.view, key, Qt.ControlModifier if key == Qt.Key_Z else Qt.NoModifier)
        shown = _snapshot(state)
        state.reload(window.project, "ann")
        assert shown == _snapshot(state), key

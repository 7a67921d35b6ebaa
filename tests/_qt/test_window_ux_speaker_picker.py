"""The `s` speaker picker from the keyboard alone: s then Enter links the row a reader expects,
Esc changes nothing, a row's number links that row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from window_helpers import suggest

from annotator.core.model import Relation
from annotator.core.store import articles, open_project
from annotator.core.store import spans as span_rows

TEXT = 'Officials met on Monday. Merz said: "We will not give in," the Bundestag heard from Scholz.'


@pytest.fixture
def speaker_window(open_win, tmp_path):
    """A quote whose nearest ACTOR (Bundestag, after it) is not its speaker (Merz, before it)."""

    def make(linked: str | None):
        path = tmp_path / "speaker.db"
        with open_project(path, create=True) as project, project.transaction():
            [(article, _)] = articles.insert_batch(project.db, [{"text": TEXT}])
            ids = {
                name: suggest(project.db, article, TEXT, name, "ACTOR")
                for name in ("Merz", "Bundestag", "Scholz")
            }
            quote = suggest(project.db, article, TEXT, "We will not give in", "QUOTE")
            if linked:
                span_rows.insert_relation(
                    project.db, Relation(article, quote, ids[linked], origin="model", status="suggested")
                )
        return open_win(path)

    return make


def _press_in_picker(qtbot, window, key) -> None:
    """Press ``s`` on the focused quote, then ``key`` in the picker once it shows."""
    pressed = []

    def answer():
        picker = QApplication.activeModalWidget()
        if picker is None:
            QTimer.singleShot(20, answer)
            return
        if not hasattr(picker, "list"):  # some other dialog: close it rather than hang
            pressed.append("")
            picker.reject()
            return
        pressed.append(picker.list.currentItem().text())
        qtbot.keyClick(picker.focusWidget(), key)

    QTimer.singleShot(0, answer)
    qtbot.keyClick(window.view, Qt.Key_S)
    assert pressed, "the picker never showed"
    return pressed[0]


def _focus_quote(qtbot, window):
    while window.annotating.state.focused() is None or window.annotating.state.focused().label != "QUOTE":
        qtbot.keyClick(window.view, Qt.Key_N)


def _speaker(window) -> str | None:
    state = window.annotating.state
    quote = state.focused()
    actor = state.span(state.speakers.get(quote.id, -1))
    return actor.text_in(TEXT) if actor else None


def test_enter_keeps_the_linked_speaker_not_the_nearest_actor(qtbot, speaker_window):
    window = speaker_window("Merz")
    _focus_quote(qtbot, window)
    shown = _press_in_picker(qtbot, window, Qt.Key_Return)
    assert shown.startswith("2. Merz") and "before the quote" in shown
    assert _speaker(window) == "Merz"
    assert window.annotating.state.focused().annotator == "ann"  # linking accepted the quote


def test_without_a_link_enter_picks_the_nearest_actor_before_the_quote(qtbot, speaker_window):
    window = speaker_window(None)
    _focus_quote(qtbot, window)
    _press_in_picker(qtbot, window, Qt.Key_Return)
    assert _speaker(window) == "Merz"


def test_escape_changes_nothing_and_a_number_picks_its_row(qtbot, speaker_window):
    window = speaker_window("Merz")
    _focus_quote(qtbot, window)
    _press_in_picker(qtbot, window, Qt.Key_Escape)
    assert window.annotating.state.focused().is_suggestion and _speaker(window) == "Merz"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)  # keys reach it again
    assert QApplication.focusWidget() is window.view
    _press_in_picker(qtbot, window, Qt.Key_1)  # row 1 is the nearest ACTOR, Bundestag
    assert _speaker(window) == "Bundestag"

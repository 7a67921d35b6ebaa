"""Adding a span over words that already carry another entity label of yours (or moving a
span's edge onto them) says so in the status bar: selecting a labelled word and pressing a label
key adds a second span rather than relabelling, and token exports report the pair. Seen under
Xvfb: 'Saved: add ACTOR' alone, with the LOCATION still under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import QUOTE_TEXT, words_at


def focus(qtbot, window, label: str, words: str) -> None:
    state = window.annotating.state
    qtbot.keyClick(window.view, Qt.Key_N)
    while (state.focused().label, QUOTE_TEXT[state.focused().start : state.focused().end]) != (label, words):
        qtbot.keyClick(window.view, Qt.Key_N)


def test_a_new_span_over_another_entity_label_says_so(qtbot, window):
    focus(qtbot, window, "LOCATION", "Kyiv")
    qtbot.keyClick(window.view, Qt.Key_A)
    window.view.select(*words_at(QUOTE_TEXT, "Kyiv"))  # this text is BMP only: code points = Qt units
    qtbot.keyClick(window.view, Qt.Key_1)
    assert window.statusBar().currentMessage() == 'Saved: add ACTOR; it shares words with LOCATION "Kyiv"'
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    window.view.select(*words_at(QUOTE_TEXT, "Sunday"))
    qtbot.keyClick(window.view, Qt.Key_1)
    assert window.statusBar().currentMessage() == "Saved: add ACTOR"


def test_an_edge_moved_onto_another_label_says_so(qtbot, window):
    focus(qtbot, window, "LOCATION", "Kyiv")
    qtbot.keyClick(window.view, Qt.Key_A)
    window.view.select(*words_at(QUOTE_TEXT, "Sunday"))
    qtbot.keyClick(window.view, Qt.Key_1)
    qtbot.keyClick(window.view, Qt.Key_BracketLeft)  # "on Sunday"
    assert window.statusBar().currentMessage() == "Saved: resize ACTOR"
    qtbot.keyClick(window.view, Qt.Key_BracketLeft)  # "Kyiv on Sunday"
    assert window.statusBar().currentMessage() == 'Saved: resize ACTOR; it shares words with LOCATION "Kyiv"'


def test_an_edit_onto_a_span_of_the_same_label_says_so(qtbot, window):
    """Same-label overlaps are likely a mistake (a name labelled twice, one span cut short):
    add, resize and relabel say so as they do for another label."""
    focus(qtbot, window, "LOCATION", "Kyiv")
    qtbot.keyClick(window.view, Qt.Key_A)
    window.view.select(*words_at(QUOTE_TEXT, "Kyiv on"))
    qtbot.keyClick(window.view, Qt.Key_2)  # add LOCATION "Kyiv on" over the LOCATION "Kyiv"
    assert (
        window.statusBar().currentMessage()
        == 'Saved: add LOCATION; it shares words with another LOCATION "Kyiv"'
    )
    qtbot.keyClick(window.view, Qt.Key_BraceRight, Qt.ShiftModifier)  # "Kyiv on Sunday"
    assert window.statusBar().currentMessage() == (
        'Saved: resize LOCATION; it shares words with another LOCATION "Kyiv"'
    )
    qtbot.keyClick(window.view, Qt.Key_1)  # relabel it ACTOR: now another label's words
    assert window.statusBar().currentMessage() == (
        'Saved: relabel LOCATION to ACTOR; it shares words with LOCATION "Kyiv"'
    )
    window.view.select(*words_at(QUOTE_TEXT, "Sunday"))
    qtbot.keyClick(window.view, Qt.Key_1)  # ACTOR "Sunday" inside the ACTOR "Kyiv on Sunday"
    assert window.statusBar().currentMessage() == (
        'Saved: add ACTOR; it shares words with another ACTOR "Kyiv on Sunday"'
    )


def test_a_quote_over_another_quote_says_so(qtbot, window):
    focus(qtbot, window, "QUOTE", "We will not retreat from Donbas")
    qtbot.keyClick(window.view, Qt.Key_A)
    window.view.select(*words_at(QUOTE_TEXT, "retreat from Donbas"))
    qtbot.keyClick(window.view, Qt.Key_3)
    assert window.statusBar().currentMessage() == (
        'Saved: add QUOTE; it shares words with another QUOTE "We will not retreat from Donbas"'
    )

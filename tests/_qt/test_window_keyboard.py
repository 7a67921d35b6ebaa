"""The keyboard contract, driven by real key events on the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_helpers import QUOTE_TEXT

from annotator._qt.widgets import dialogs


def _focused_text(window) -> str:
    span = window.annotating.state.focused()
    return span.text_in(window.annotating.state.article.text) if span else None


def _mine(window, status="accepted"):
    state = window.annotating.state
    return sorted(
        (s.text_in(state.article.text), s.label)
        for s in window.project.spans_for(state.article.id, "ann")
        if s.annotator == "ann" and s.status == status
    )


def _qt_range(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    units = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731  (independent of OffsetMap)
    return units(text[:start]), units(text[: start + len(words)])


def test_opens_at_first_unfinished_article_with_focus_in_text(window):
    assert window.annotating.state.article.text == QUOTE_TEXT
    assert QApplication.focusWidget() is window.view
    assert window.article_list.table.currentIndex().row() == 0


def test_n_and_p_walk_spans_in_reading_order(qtbot, window):
    seen = []
    for _ in range(6):
        qtbot.keyClick(window.view, Qt.Key_N)
        seen.append(_focused_text(window))
    assert seen == [
        "Putin",
        "We will not retreat from Donbas",
        "Donbas",
        "at least 19 people",
        "Kyiv",
        "Kyiv",
    ]
    qtbot.keyClick(window.view, Qt.Key_P)
    assert _focused_text(window) == "at least 19 people"


def test_a_accepts_and_x_rejects_the_focused_suggestion_and_both_move_on(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    assert _mine(window) == [("Putin", "ACTOR")]
    assert _focused_text(window) == "We will not retreat from Donbas"  # a moves on, as x does
    qtbot.keyClick(window.view, Qt.Key_X)
    assert _mine(window, "rejected") == [("We will not retreat from Donbas", "QUOTE")]
    assert _focused_text(window) == "Donbas"  # x moves on to the next span
    qtbot.keyClick(window.view, Qt.Key_Delete)
    assert ("Donbas", "LOCATION") in _mine(window, "rejected")


def test_a_then_n_skips_one_item_like_x_then_n(qtbot, window):
    """The habit "decide, n" steps over the next item after a and after x alike."""
    for key in (Qt.Key_N, Qt.Key_A, Qt.Key_N):
        qtbot.keyClick(window.view, key)
    after_a = _focused_text(window)
    qtbot.keyClick(window.view, Qt.Key_P)
    qtbot.keyClick(window.view, Qt.Key_X)
    qtbot.keyClick(window.view, Qt.Key_N)
    assert (after_a, _focused_text(window)) == ("Donbas", "at least 19 people")


def test_a_on_the_last_span_keeps_the_focus_there(qtbot, window):
    for _ in range(5):
        qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    assert _focused_text(window) == "Kyiv" and not window.annotating.state.focused().is_suggestion


def test_delete_removes_an_accepted_span(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    qtbot.keyClick(window.view, Qt.Key_P)  # back from the next span to the accepted ACTOR
    qtbot.keyClick(window.view, Qt.Key_Delete)
    assert _mine(window) == [] and _mine(window, "rejected") == [("Putin", "ACTOR")]
    assert "Putin" not in [s.text_in(QUOTE_TEXT) for s in window.annotating.state.spans]


def test_shift_a_accepts_every_suggestion_with_the_speaker(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    assert len(_mine(window)) == 5
    assert not window.annotating.state.pending()
    assert window.annotating.state.speakers  # the suggested SPEAKER link came along


def test_label_hotkeys_label_a_snapped_selection_or_relabel(qtbot, window):
    start, end = _qt_range(QUOTE_TEXT, " on Sunday.")
    window.view.select(start, end)
    qtbot.keyClick(window.view, Qt.Key_2)
    assert _mine(window) == [("on Sunday", "LOCATION")]  # spaces and the full stop left out
    qtbot.keyClick(window.view, Qt.Key_1)  # no selection now: relabels the focused span
    assert _mine(window) == [("on Sunday", "ACTOR")]
    qtbot.keyClick(window.view, Qt.Key_N)  # already the last span: stays
    qtbot.keyClick(window.view, Qt.Key_P)
    assert _focused_text(window) == "Kyiv"
    qtbot.keyClick(window.view, Qt.Key_4)
    assert ("Kyiv", "CASUALTY") in _mine(window)
    qtbot.keyClick(window.view, Qt.Key_3)
    assert ("Kyiv", "QUOTE") in _mine(window)


def test_brackets_move_the_focused_span_by_one_token(qtbot, window):
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key_N)
    assert _focused_text(window) == "Donbas"
    qtbot.keyClick(window.view, Qt.Key_BracketLeft)
    assert _focused_text(window) == "from Donbas"
    qtbot.keyClick(window.view, Qt.Key_BraceRight, Qt.ShiftModifier)  # Shift+]
    assert _focused_text(window) == 'from Donbas," as'  # inner punctuation stays
    qtbot.keyClick(window.view, Qt.Key_BraceLeft, Qt.ShiftModifier)  # Shift+[
    assert _focused_text(window) == "from Donbas"
    qtbot.keyClick(window.view, Qt.Key_BracketRight)
    assert _focused_text(window) == "Donbas"
    assert _mine(window) == [("Donbas", "LOCATION")]


def test_s_links_a_quote_to_a_picked_speaker(qtbot, window, monkeypatch):
    offered = []
    monkeypatch.setattr(
        dialogs, "pick_speaker", lambda parent, choices, *_: offered.extend(choices) or choices[0][0]
    )
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_S)
    assert [text.split()[0] for _, text in offered] == ["Putin"]
    state = window.annotating.state
    quote = state.focused()
    assert quote.annotator == "ann" and quote.label == "QUOTE"
    assert state.span(state.speakers[quote.id]).text_in(QUOTE_TEXT) == "Putin"


def test_e_edits_the_attributes_of_the_focused_span(qtbot, window, monkeypatch):
    monkeypatch.setattr(
        dialogs,
        "edit_attributes",
        lambda parent, label, attributes, values: {**values, "count_high": 25, "kind": "injured"},
    )
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_E)
    span = window.annotating.state.focused()
    assert span.annotator == "ann"
    assert span.attrs == {"count_low": 19, "count_high": 25, "qualifier": "at least", "kind": "injured"}


def test_undo_and_redo_write_and_log(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert _mine(window) == []
    assert window.annotating.state.pending()[0].text_in(QUOTE_TEXT) == "Putin"
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert _mine(window) == [("Putin", "ACTOR")]
    rows = sorted(window.project.history(window.annotating.state.article.id), key=lambda r: r["id"])
    actions = list(dict.fromkeys(row["action"] for row in rows))  # one row per changed row
    assert [a for a in actions if "accept" in a] == ["accept ACTOR", "undo accept ACTOR", "redo accept ACTOR"]


def test_ctrl_enter_marks_done_and_opens_the_next_unfinished(qtbot, window):
    first = window.annotating.state.article.id
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert window.project.state(first, "ann") == "done"
    assert window.annotating.state.article.id != first
    assert QApplication.focusWidget() is window.view
    assert "Done 1 / 4" in window.progress_label.text()


def test_ctrl_f_searches_and_escape_returns(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is window.article_list.search
    qtbot.keyClicks(window.article_list.search, "Kremlin")
    qtbot.keyClick(window.article_list.search, Qt.Key_Return)
    assert window.list_model.rowCount() == 1
    assert "Kremlin" in window.annotating.state.article.text
    assert QApplication.focusWidget() is window.view


def test_f1_shows_the_sheet_and_ctrl_q_quits(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_F1)
    assert window._sheet.isVisible()
    window._sheet.close()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key_Q, Qt.ControlModifier)
    assert not window.isVisible()

"""A suggested QUOTE shows its suggested speaker before it is accepted (the side panel and the
text's tooltip; a guessed one as a guess), and accepting it links that speaker."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.model import SPEAKER_GUESS
from annotator.core.store import open_project


def _focus_quote(qtbot, window):
    for _ in range(2):
        qtbot.keyClick(window.view, Qt.Key_N)
    span = window.annotating.state.focused()
    assert span.label == "QUOTE" and span.is_suggestion


def test_the_panel_of_a_suggested_quote_names_the_suggested_speaker(qtbot, window):
    _focus_quote(qtbot, window)
    html = window.panel.body.text()
    assert "Speaker" in html and "Putin" in html and "none" not in html
    assert "suggested" in html


def test_accepting_the_quote_links_the_speaker_it_showed(qtbot, window):
    _focus_quote(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key_P)
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    qtbot.keyClick(window.view, Qt.Key_P)  # back to the accepted QUOTE (a moved on)
    span = window.annotating.state.focused()
    assert span.label == "QUOTE" and not span.is_suggestion
    html = window.panel.body.text()
    assert "Putin" in html and "suggested" not in html.split("Speaker")[1]


def test_the_suggested_speaker_shows_after_the_annotator_accepted_the_actor(qtbot, window):
    """The link points at the ACTOR suggestion; once accepted, it is shown as their own ACTOR."""
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)  # Putin accepted; the focus moves on to the QUOTE
    span = window.annotating.state.focused()
    assert span.label == "QUOTE" and span.is_suggestion
    html = window.panel.body.text()
    assert "Putin" in html and "(suggested)" in html
    qtbot.keyClick(window.view, Qt.Key_A)
    quote = next(s for s in window.annotating.state.spans if s.label == "QUOTE")
    speaker = window.annotating.state.span(window.annotating.state.speakers[quote.id])
    assert speaker.annotator == "ann" and speaker.text_in(window.annotating.state.article.text) == "Putin"


def test_a_quote_without_speaker_says_none_and_how_to_link(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_X)  # reject Putin: the suggested link has no speaker left
    assert window.annotating.state.focused().label == "QUOTE"
    assert "Speaker: <b>none</b>" in window.panel.body.text()


def test_a_guessed_speaker_says_it_is_a_guess_in_the_panel_and_the_tooltip(qtbot, open_win, qt_project_path):
    """A SPEAKER link of origin ``guess`` (no tag names the speaker, only someone named near the
    quote) is shown as a guess, so the annotator checks it before accepting."""
    with open_project(qt_project_path) as project, project.transaction():
        project.db.execute("UPDATE relations SET origin = ?", [SPEAKER_GUESS])
    window = open_win(qt_project_path)
    _focus_quote(qtbot, window)
    html = window.panel.body.text()
    assert "Putin" in html and "(suggested, a guess:" in html
    quote = window.annotating.state.focused()
    assert window.annotating.describe(quote.stored_id).endswith("Speaker: Putin (suggested, a guess)")


def test_a_speaker_a_tag_gives_is_no_guess(qtbot, window):
    _focus_quote(qtbot, window)
    assert "guess" not in window.panel.body.text()
    quote = window.annotating.state.focused()
    assert window.annotating.describe(quote.stored_id).endswith("Speaker: Putin (suggested)")

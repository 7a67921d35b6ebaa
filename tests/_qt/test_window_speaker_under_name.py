"""The side panel (and the text's tooltip) of a suggested QUOTE names the speaker accepting it
would really link. A suggested speaker hidden under a span of the annotator's (``entity_conflicts.
overlapping_accepted``) is not what ``a`` links (291a0c9): it links the annotator's ACTOR there,
or no speaker over another label. Before, the panel still named the hidden suggestion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import suggest, words_at

from annotator.core import edits
from annotator.core.model import Relation
from annotator.core.store import articles, open_project
from annotator.core.store import spans as span_rows

TEXT = '"We agreed on tariffs," Prime Minister Keir Starmer said in London.'


@pytest.fixture
def article(tmp_path):
    """A project whose article has a suggested QUOTE said by a suggested ACTOR "Minister Keir";
    its path and the article id."""
    path = tmp_path / "speaker.annotator.db"
    with open_project(path, create=True) as project, project.transaction():
        [(article, _)] = articles.insert_batch(project.db, [{"text": TEXT}])
        quote = suggest(project.db, article, TEXT, "We agreed on tariffs,", "QUOTE")
        speaker = suggest(project.db, article, TEXT, "Minister Keir", "ACTOR")
        span_rows.insert_relation(
            project.db, Relation(article, quote, speaker, origin="model", status="suggested")
        )
    return path, article


def _focus_quote(qtbot, window) -> str:
    """Focus the suggested QUOTE; the panel's speaker line."""
    for _ in range(3):  # the QUOTE comes first in the text
        qtbot.keyClick(window.view, Qt.Key_P)
    quote = window.annotating.state.focused()
    assert quote.label == "QUOTE" and quote.is_suggestion
    return window.panel.body.text().split("Speaker")[1]


def _tooltip_speaker(window) -> str:
    quote = window.annotating.state.focused()
    return window.annotating.describe(quote.stored_id).split("Speaker: ")[1]


def _accepted_speaker(window) -> str | None:
    state = window.annotating.state
    quote = next(s for s in state.spans if s.label == "QUOTE")
    assert not quote.is_suggestion
    speaker = state.span(state.speakers.get(quote.stored_id, -1))
    return speaker.text_in(TEXT) if speaker else None


def test_the_panel_names_the_annotators_actor_under_which_the_speaker_is_hidden(qtbot, open_win, article):
    path, article_id = article
    window = open_win(path)
    window.annotating.perform(edits.add_span, article_id, *words_at(TEXT, "Keir Starmer"), "ACTOR")
    line = _focus_quote(qtbot, window)
    assert "Keir Starmer" in line and "Minister Keir" not in line and "(suggested)" in line
    assert _tooltip_speaker(window) == "Keir Starmer (suggested)"
    window.open_article(article_id)  # read again from the file: the same
    assert "Keir Starmer" in _focus_quote(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key_A)
    assert _accepted_speaker(window) == "Keir Starmer"  # what the panel named


def test_over_another_label_the_panel_names_no_speaker(qtbot, open_win, article):
    path, article_id = article
    window = open_win(path)
    window.annotating.perform(edits.add_span, article_id, *words_at(TEXT, "Keir Starmer"), "LOCATION")
    line = _focus_quote(qtbot, window)
    assert "<b>none</b>" in line and "Minister Keir" not in line
    assert _tooltip_speaker(window) == "none"
    qtbot.keyClick(window.view, Qt.Key_A)
    assert _accepted_speaker(window) is None


def test_a_speaker_nothing_hides_is_still_named(qtbot, open_win, article):
    path, _ = article
    window = open_win(path)
    line = _focus_quote(qtbot, window)
    assert "Minister Keir" in line and "(suggested)" in line

"""A pending suggestion that can never stand beside a span the annotator accepted is out of
view while that span stands, like one inside a longer accepted name
(test_window_suggestion_inside_name): an entity suggestion sharing words with an accepted entity
(partly, around it, or over the same words with another label), or one sharing words with an
accepted span of its own label. ``n`` skips it, Ctrl+Enter does not count it as undecided, and
Shift+A neither takes it nor counts it as left. A QUOTE holding an accepted ACTOR still shows:
both can be right. Before, only a suggestion wholly inside a longer accepted name was hidden."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import suggest, words_at

from annotator.core import edits
from annotator.core.store import articles, open_project

TEXT = 'Prime Minister Keir Starmer met Kamala Harris in Ohio: "We agreed on tariffs," Starmer said.'


def _project(path, *suggested: tuple[str, str]) -> int:
    with open_project(path, create=True) as project, project.transaction():
        [(article, _)] = articles.insert_batch(project.db, [{"text": TEXT}])
        for words, label in (*suggested, ("Kamala Harris", "ACTOR")):
            suggest(project.db, article, TEXT, words, label)
    return article


def _pending(window) -> list[str]:
    return [s.text_in(TEXT) for s in window.annotating.state.pending()]


def _visited_by_n(qtbot, window) -> set[tuple[str, str]]:
    visited = set()
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key_N)
        focused = window.annotating.state.focused()
        visited.add((focused.text_in(TEXT), focused.label))
    return visited


@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("Minister Keir", "ACTOR"),  # partly over the accepted name
        ("Prime Minister Keir Starmer", "ACTOR"),  # around it
        ("Keir Starmer", "LOCATION"),  # the same words, another entity label
    ],
)
def test_an_entity_suggestion_over_an_accepted_name_is_out_of_view(qtbot, open_win, tmp_path, words, label):
    path = tmp_path / "overlap.annotator.db"
    article = _project(path, (words, label))
    window = open_win(path)
    assert _pending(window) == sorted([words, "Kamala Harris"], key=TEXT.index)
    window.annotating.perform(edits.add_span, article, *words_at(TEXT, "Keir Starmer"), "ACTOR")
    assert _pending(window) == ["Kamala Harris"]  # what Ctrl+Enter counts as undecided
    window.open_article(article)  # read again from the file: the same
    assert _pending(window) == ["Kamala Harris"]
    assert _visited_by_n(qtbot, window) == {("Keir Starmer", "ACTOR"), ("Kamala Harris", "ACTOR")}
    take, left = edits.accept_all_split(window.project, article, "ann")
    assert [s.text_in(TEXT) for s in take] == ["Kamala Harris"] and left == []
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    assert window.statusBar().currentMessage() == "Saved: accepted 1 suggestion"
    window.annotating.perform(edits.reject, window.annotating.state.spans[0].id)
    assert _pending(window) == [words]  # the name gone, the suggestion is back


def test_a_quote_suggestion_over_half_an_accepted_quote_is_out_of_view(qtbot, open_win, tmp_path):
    path = tmp_path / "overlap.annotator.db"
    article = _project(path, ('agreed on tariffs," Starmer said', "QUOTE"))
    window = open_win(path)
    window.annotating.perform(edits.add_span, article, *words_at(TEXT, "We agreed on tariffs"), "QUOTE")
    assert _pending(window) == ["Kamala Harris"]


def test_a_quote_suggestion_holding_an_accepted_actor_still_shows(qtbot, open_win, tmp_path):
    path = tmp_path / "overlap.annotator.db"
    article = _project(path, ("Keir Starmer met Kamala Harris", "QUOTE"))
    window = open_win(path)
    window.annotating.perform(edits.add_span, article, *words_at(TEXT, "Keir Starmer"), "ACTOR")
    assert _pending(window) == ["Keir Starmer met Kamala Harris", "Kamala Harris"]

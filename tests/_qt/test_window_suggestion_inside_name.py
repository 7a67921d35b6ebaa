"""A pending suggestion never shows inside a longer name the annotator accepted (issue 14,
item 3: "never suggests inside a longer accepted or suggested name"). Suggestion runs already
store none there; one made before the name was accepted ("Donald Trump" suggested, then
"Donald Trump's" labelled over it) stayed in view inside it: ``n`` went to it and Ctrl+Enter
counted it as undecided. It is hidden while the name stands and back when the name is undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import suggest, words_at

from annotator.core import edits
from annotator.core.store import articles, open_project

TEXT = "Donald Trump's tariffs were criticised by Kamala Harris in Ohio."


def _project(path) -> int:
    with open_project(path, create=True) as project, project.transaction():
        [(article, _)] = articles.insert_batch(project.db, [{"text": TEXT}])
        suggest(project.db, article, TEXT, "Donald Trump", "ACTOR")
        suggest(project.db, article, TEXT, "Kamala Harris", "ACTOR")
    return article


def _pending(window) -> list[str]:
    return [s.text_in(TEXT) for s in window.annotating.state.pending()]


def test_a_suggestion_inside_a_name_accepted_over_it_is_hidden_until_undone(qtbot, open_win, tmp_path):
    path = tmp_path / "names.annotator.db"
    article = _project(path)
    window = open_win(path)
    assert _pending(window) == ["Donald Trump", "Kamala Harris"]
    window.annotating.perform(edits.add_span, article, *words_at(TEXT, "Donald Trump's"), "ACTOR")
    assert _pending(window) == ["Kamala Harris"]
    qtbot.keyClick(window.view, Qt.Key_N)
    assert window.annotating.state.focused().text_in(TEXT) == "Kamala Harris"
    window.open_article(article)  # read again from the file: the same
    assert _pending(window) == ["Kamala Harris"]
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert _pending(window) == ["Donald Trump", "Kamala Harris"]


def test_a_suggestion_inside_an_accepted_quote_still_shows(qtbot, open_win, tmp_path):
    path = tmp_path / "names.annotator.db"
    article = _project(path)
    window = open_win(path)
    window.annotating.perform(edits.add_span, article, *words_at(TEXT, "Donald Trump's tariffs"), "QUOTE")
    assert _pending(window) == ["Donald Trump", "Kamala Harris"]

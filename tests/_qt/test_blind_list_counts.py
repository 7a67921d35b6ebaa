"""Blind labelling: the article list's "Sugg." column counts only the suggestions the
annotator is shown (memory suggestions, which repeat other people's decisions, are hidden),
whether blind is switched on, the list filtered, or the annotator changed."""

from __future__ import annotations

from window_helpers import QUOTE_TEXT, words_at

from annotator.core.model import Span
from annotator.core.store import open_project
from annotator.core.store import spans as span_rows

SUGG = 4  # the "Sugg." column


def _listed(window, article_id: int) -> int:
    model = window.list_model
    return model.data(model.index(model.row_of(article_id), SUGG))


def _shown(window) -> int:
    return sum(1 for s in window.annotating.state.spans if s.is_suggestion)


def test_blind_list_counts_only_shown_suggestions(qtbot, open_win, qt_project_path):
    with open_project(qt_project_path) as project, project.transaction():
        start, end = words_at(QUOTE_TEXT, "Kyiv")
        span_rows.insert(project.db, Span(1, start, end, "ACTOR", origin="memory", status="suggested"))
    window = open_win(qt_project_path, annotator="cat")
    window.open_article(1)
    everything = _shown(window)
    assert _listed(window, 1) == everything
    window.view_menu.actions["blind"].setChecked(True)
    assert _shown(window) == everything - 1
    assert _listed(window, 1) == everything - 1
    window.article_list.search.setText("Putin")
    window.article_list._apply()
    assert window.list_model.rowCount() == 1
    assert _listed(window, 1) == everything - 1
    window.article_list.search.setText("")
    window.article_list._apply()
    window.set_annotator("dan")
    assert _listed(window, 1) == everything - 1
    window.view_menu.actions["blind"].setChecked(False)
    assert _listed(window, 1) == everything

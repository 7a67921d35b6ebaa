"""Review mode from the keyboard, the stored result, the history panel, the dashboard, blind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import PLAIN_TEXTS, REVIEW_TEXT, accepted_spans, choose_label_colours, open_review

from annotator.core.model import Span
from annotator.core.store import open_project
from annotator.core.store import spans as span_rows

TEXT = REVIEW_TEXT  # "Officials in Kharkiv said the talks would resume in Geneva next week."


def test_review_keys_store_the_reviewers_result(
    qtbot, open_win, qt_project_path, two_annotators, monkeypatch
):
    article = two_annotators
    window = open_win(qt_project_path, annotator="rev")
    review = open_review(qtbot, window, article)
    assert review.names == ["ann", "bob"]
    assert [r.agreed for r in review.regions] == [False, False, True]  # disagreements first
    assert "DISAGREE" in review.list.item(0).text() and "1 ann: ACTOR" in review.list.item(0).text()
    project = window.project

    qtbot.keyClick(review.view, Qt.Key_1)  # Officials: take ann's ACTOR
    assert accepted_spans(project, article) == [("Officials", "ACTOR")]
    qtbot.keyClick(review.view, Qt.Key_X)  # ... then reject every version of it
    assert accepted_spans(project, article) == []
    qtbot.keyClick(review.view, Qt.Key_N)  # Geneva
    assert review.focus == 1
    qtbot.keyClick(review.view, Qt.Key_2)  # bob's version: ACTOR
    assert accepted_spans(project, article) == [("Geneva", "ACTOR")]
    qtbot.keyClick(review.view, Qt.Key_A, Qt.ShiftModifier)  # everything all agree on: Kharkiv
    assert accepted_spans(project, article) == [("Geneva", "ACTOR"), ("Kharkiv", "LOCATION")]

    monkeypatch.setattr(
        "annotator._qt.review.window.QInputDialog.getText", lambda *a, **k: ("checked twice", True)
    )
    qtbot.keyClick(review.view, Qt.Key_C)
    assert "checked twice" in review.notes.text()

    qtbot.keyClick(review.view, Qt.Key_Return, Qt.ControlModifier)
    assert project.state(article, "rev") == "reviewed"
    assert "Every article that needs review is reviewed" in review.statusBar().currentMessage()
    notes = project.review.comments([article])[article]
    assert [n["text"] for n in notes] == ["checked twice"] and notes[0]["annotator"] == "rev"
    # the annotators' own work is untouched
    assert accepted_spans(project, article, "bob") == [("Geneva", "ACTOR"), ("Kharkiv", "LOCATION")]


def test_history_panel_lists_an_undo_as_its_own_row(qtbot, open_win, qt_project_path, two_annotators):
    article = two_annotators
    window = open_win(qt_project_path, annotator="rev")
    review = open_review(qtbot, window, article)
    qtbot.keyClick(review.view, Qt.Key_A, Qt.ShiftModifier)
    qtbot.keyClick(review.view, Qt.Key_Z, Qt.ControlModifier)
    assert accepted_spans(window.project, article) == []
    qtbot.keyClick(review.view, Qt.Key_H)  # article scope
    actions = [
        review.history_panel.topLevelItem(i).text(2) for i in range(review.history_panel.topLevelItemCount())
    ]
    assert actions[:2] == [
        "undo accept agreed spans",
        "undo accept agreed spans",
    ]  # newest first: span, state
    assert "accept agreed spans" in actions
    assert review.history_panel.topLevelItem(0).text(1) == "rev"


def test_main_window_history_and_blind(qtbot, open_win, qt_project_path, two_annotators):
    window = open_win(qt_project_path, annotator="ann")
    window.open_article(two_annotators)
    history = window.view_menu.open_history()
    qtbot.addWidget(history)
    panel = window.view_menu.history_panel
    assert history.centralWidget() is panel
    rows = [panel.topLevelItem(i).text(1) for i in range(panel.topLevelItemCount())]
    assert {"ann", "bob"} <= set(rows)
    window.view_menu.actions["blind"].setChecked(True)
    assert not window.view_menu.actions["review"].isEnabled() and window.view_menu.open_review() is None
    window.view_menu.open_history()
    rows = [panel.topLevelItem(i).text(1) for i in range(panel.topLevelItemCount())]
    assert set(rows) == {"ann"}


def test_blind_hides_memory_suggestions(qtbot, open_win, qt_project_path, two_annotators):
    with open_project(qt_project_path) as project:
        other = next(a for a in project.article_ids() if project.article(a).text == PLAIN_TEXTS[1])
        with project.transaction():
            span_rows.insert(project.db, Span(other, 4, 11, "ACTOR", origin="memory", status="suggested"))
    window = open_win(qt_project_path, annotator="cat")
    window.open_article(other)
    assert any(s.origin == "memory" for s in window.annotating.state.spans)
    window.view_menu.actions["blind"].setChecked(True)
    assert not any(s.origin == "memory" for s in window.annotating.state.spans)


def test_dashboard_charts_and_double_click_opensopen_review(qtbot, open_win, qt_project_path, two_annotators):
    window = open_win(qt_project_path, annotator="rev")
    dashboard = window.view_menu.open_dashboard()
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.loaded, timeout=30000):
        pass
    assert dashboard.figures["agreement"]["overall"]["articles"] == 1
    assert len(dashboard.figure.axes) == 4
    item = dashboard.disputed.item(0)
    assert item.data(Qt.UserRole) == two_annotators
    dashboard.disputed.itemDoubleClicked.emit(item)
    assert window.view_menu.review.article_id == two_annotators and window.view_menu.review.isVisible()


def test_review_and_dashboard_follow_the_label_colour_setting(
    qtbot, open_win, qt_project_path, two_annotators, monkeypatch
):
    from PySide6.QtGui import QColor

    from annotator._qt.label_style import OKABE_ITO

    window = open_win(qt_project_path, annotator="rev")
    review = open_review(qtbot, window, two_annotators)
    dashboard = window.view_menu.open_dashboard()
    qtbot.addWidget(dashboard)
    with qtbot.waitSignal(dashboard.loaded, timeout=30000):
        pass
    scheme = {QColor(label.color).name() for label in window.project.scheme.labels}
    okabe = {QColor(c).name() for c in OKABE_ITO}

    def lane_colours() -> set[str]:
        return {QColor(lane.color).name() for lane in review.view._lanes}

    def bar_colours() -> set[str]:
        return {
            QColor(*(round(255 * c) for c in bar.get_facecolor()[:3])).name()
            for bar in dashboard.figure.axes[1].patches
        }

    assert lane_colours() and lane_colours() <= scheme and not lane_colours() & okabe
    assert bar_colours() and bar_colours() <= scheme

    assert choose_label_colours(monkeypatch, window, "okabe_ito")
    assert lane_colours() <= okabe and not lane_colours() & scheme  # the open review, at once
    assert bar_colours() <= okabe and not bar_colours() & scheme  # the open dashboard, at once

    window.view_menu.review = None  # a review window opened after the change starts in Okabe–Ito
    assert lane_colours() <= okabe
    assert {
        QColor(lane.color).name() for lane in open_review(qtbot, window, two_annotators).view._lanes
    } <= okabe

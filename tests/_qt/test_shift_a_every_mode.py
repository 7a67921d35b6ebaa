"""Shift+A never accepts two entity labels on one token, in every mode of the window (the
annotating view's own test is in test_window_ux_span_panel): blind labelling takes and weighs
only the suggestions it shows; review mode leaves an agreed span that would be a second
label. Each says in the status bar how many it left, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import QUOTE_TEXT, REVIEW_TEXT, accepted_spans, open_review, words_at

from annotator.core import edits
from annotator.core.model import Span
from annotator.core.store import open_project
from annotator.core.store import spans as span_rows


def test_blind_shift_a_accepts_only_what_it_shows_never_two_labels(qtbot, open_win, qt_project_path):
    with open_project(qt_project_path) as project, project.transaction():
        for words, label, origin, score in (
            ("Kyiv", "ACTOR", "model", 0.5),
            ("Donbas", "ACTOR", "memory", 0.95),
        ):
            start, end = words_at(QUOTE_TEXT, words)
            span_rows.insert(
                project.db, Span(1, start, end, label, origin=origin, status="suggested", score=score)
            )
    window = open_win(qt_project_path, annotator="cat")
    window.view_menu.actions["blind"].setChecked(True)
    window.open_article(1)
    assert not any(s.origin == "memory" for s in window.annotating.state.spans)
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    assert accepted_spans(window.project, 1, "cat") == [
        ("Donbas", "LOCATION"),  # the hidden memory ACTOR neither taken nor weighed
        ("Kyiv", "LOCATION"),  # the better-supported of the two shown
        ("Putin", "ACTOR"),
        ("We will not retreat from Donbas", "QUOTE"),
        ("at least 19 people", "CASUALTY"),
    ]
    pending = [
        (s.text_in(QUOTE_TEXT), s.origin) for s in window.project.spans_for(1, "cat") if s.is_suggestion
    ]
    assert sorted(pending) == [("Donbas", "memory"), ("Kyiv", "model")]
    message = window.statusBar().currentMessage()
    assert message == "Saved: accepted 5 suggestions; left 1 that would put a second label on a name"


def test_review_shift_a_leaves_an_agreed_second_label(qtbot, open_win, qt_project_path, two_annotators):
    article = two_annotators
    with open_project(qt_project_path) as project:
        edits.perform(project, edits.add_span, article, *words_at(REVIEW_TEXT, "Officials"), "ACTOR", "bob")
        edits.perform(project, edits.add_span, article, *words_at(REVIEW_TEXT, "Kharkiv"), "ACTOR", "rev")
    window = open_win(qt_project_path, annotator="rev")
    review = open_review(qtbot, window, article)
    qtbot.keyClick(review.view, Qt.Key_A, Qt.ShiftModifier)  # agreed: Officials ACTOR, Kharkiv LOCATION
    assert accepted_spans(window.project, article) == [("Kharkiv", "ACTOR"), ("Officials", "ACTOR")]
    message = review.statusBar().currentMessage()
    assert message == "Saved: accepted 1 agreed span; left 1 that would put a second label on a name"
    qtbot.keyClick(review.view, Qt.Key_A, Qt.ShiftModifier)  # only the conflicting one is left
    assert accepted_spans(window.project, article) == [("Kharkiv", "ACTOR"), ("Officials", "ACTOR")]
    assert (
        review.statusBar().currentMessage()
        == "Not accepted: 1 agreed span(s) would put a second label on a name"
    )


def test_review_take_version_leaves_a_quote_whose_speaker_would_be_a_second_label(
    qtbot, open_win, qt_project_path, two_annotators
):
    """``1`` / ``a`` take one version of a region through the same check as Shift+A: ann's
    QUOTE said by Officials is left while the reviewer has Officials as a LOCATION."""
    article = two_annotators
    quote, officials = words_at(REVIEW_TEXT, "the talks would resume"), words_at(REVIEW_TEXT, "Officials")
    with open_project(qt_project_path) as project:
        quote_id = edits.perform(project, edits.add_span, article, *quote, "QUOTE", "ann").focus_span_id
        actor_id = next(s.id for s in project.spans_for(article, "ann") if s.start == officials[0])
        edits.perform(project, edits.link_speaker, quote_id, actor_id, "ann")
        edits.perform(project, edits.add_span, article, *officials, "LOCATION", "rev")
    window = open_win(qt_project_path, annotator="rev")
    review = open_review(qtbot, window, article)
    review.list.setCurrentRow(next(i for i, r in enumerate(review.regions) if r.start == quote[0]))
    qtbot.keyClick(review.view, Qt.Key_1)
    assert accepted_spans(window.project, article) == [("Officials", "LOCATION")]
    message = "Not taken: 1 span(s) of that version would put a second label on a name"
    assert review.statusBar().currentMessage() == message  # nothing taken: no "Saved"
    qtbot.keyClick(review.view, Qt.Key_A)  # the majority's (ann's) version, the same check
    assert accepted_spans(window.project, article) == [("Officials", "LOCATION")]
    assert review.statusBar().currentMessage() == message
    review.list.setCurrentRow(next(i for i, r in enumerate(review.regions) if r.start == officials[0]))
    qtbot.keyClick(review.view, Qt.Key_1)  # Officials as ACTOR: now the QUOTE can be said by it
    review.list.setCurrentRow(next(i for i, r in enumerate(review.regions) if r.start == quote[0]))
    qtbot.keyClick(review.view, Qt.Key_1)
    assert accepted_spans(window.project, article) == [
        ("Officials", "ACTOR"),
        ("the talks would resume", "QUOTE"),
    ]
    assert review.statusBar().currentMessage() == "Saved: take version"

"""Review mode: the labelling window's edit keys fix the reviewer's span, and the versions of a
region can be gone round with ``a`` (again) and ``v``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import REVIEW_TEXT, accepted_spans, open_review, words_at

from annotator._qt.widgets import dialogs

TEXT = REVIEW_TEXT  # "Officials in Kharkiv said the talks would resume in Geneva next week."


@pytest.fixture
def review(qtbot, open_win, qt_project_path, two_annotators):
    return open_review(qtbot, open_win(qt_project_path, annotator="rev"), two_annotators)


def test_edit_keys_fix_the_reviewers_span(qtbot, review, two_annotators, monkeypatch):
    project, article = review.project, two_annotators
    qtbot.keyClick(review.view, Qt.Key_1)  # Officials: ann's ACTOR
    assert accepted_spans(project, article) == [("Officials", "ACTOR")]
    qtbot.keyClick(review.view, Qt.Key_BraceRight, Qt.ShiftModifier)  # Shift+]: end one word right
    assert accepted_spans(project, article) == [("Officials in", "ACTOR")]
    qtbot.keyClick(review.view, Qt.Key_BraceLeft, Qt.ShiftModifier)  # Shift+[
    assert accepted_spans(project, article) == [("Officials", "ACTOR")]
    qtbot.keyClick(review.view, Qt.Key_BracketRight)  # ]: a one-word span cannot lose its start
    assert accepted_spans(project, article) == [("Officials", "ACTOR")]
    assert "cannot move" in review.statusBar().currentMessage()
    qtbot.keyClick(review.view, Qt.Key_2, Qt.AltModifier)  # Alt+2: relabel LOCATION
    assert accepted_spans(project, article) == [("Officials", "LOCATION")]
    assert "you: LOCATION" in review.list.item(review.focus).text()
    qtbot.keyClick(review.view, Qt.Key_Delete)
    assert accepted_spans(project, article) == []
    qtbot.keyClick(review.view, Qt.Key_1)
    # a selection with Alt+3 is a new QUOTE; s links it to the reviewer's ACTOR
    review.view.select(*review.offsets.span_to_units(*words_at(TEXT, "the talks would resume")))
    qtbot.keyClick(review.view, Qt.Key_3, Qt.AltModifier)
    assert ("the talks would resume", "QUOTE") in accepted_spans(project, article)
    offered = []
    monkeypatch.setattr(
        dialogs, "pick_speaker", lambda parent, choices, *_: offered.extend(choices) or choices[0][0]
    )
    qtbot.keyClick(review.view, Qt.Key_S)
    assert [text.split()[0] for _, text in offered] == ["Officials"]
    (link,) = [r for r in project.relations_of(article, "rev", ("accepted",)) if r.annotator == "rev"]
    assert TEXT[project.span(link.child_id).start : project.span(link.child_id).end] == "Officials"
    # the annotators' work is untouched; undo takes the fixes back one by one
    assert accepted_spans(project, article, "ann") == [
        ("Geneva", "LOCATION"),
        ("Kharkiv", "LOCATION"),
        ("Officials", "ACTOR"),
    ]
    qtbot.keyClick(review.view, Qt.Key_Z, Qt.ControlModifier)
    assert not [r for r in project.relations_of(article, "rev", ("accepted",)) if r.annotator == "rev"]


def test_a_again_and_v_go_round_the_versions(qtbot, review, two_annotators):
    project, article = review.project, two_annotators
    qtbot.keyClick(review.view, Qt.Key_N)  # Geneva: ann LOCATION, bob ACTOR
    assert "Geneva" in review.list.item(review.focus).text()
    qtbot.keyClick(review.view, Qt.Key_A)  # the first alternative (a tie: ann's)
    assert accepted_spans(project, article) == [("Geneva", "LOCATION")]
    qtbot.keyClick(review.view, Qt.Key_A)  # again: the next one
    assert accepted_spans(project, article) == [("Geneva", "ACTOR")]
    assert "version 2 of 2: bob" in review.statusBar().currentMessage()
    qtbot.keyClick(review.view, Qt.Key_A)  # round again
    assert accepted_spans(project, article) == [("Geneva", "LOCATION")]
    qtbot.keyClick(review.view, Qt.Key_V)  # focus bob's without taking it
    assert accepted_spans(project, article) == [("Geneva", "LOCATION")]
    assert "Version 2 of 2: bob: ACTOR" in review.statusBar().currentMessage()
    qtbot.keyClick(review.view, Qt.Key_A)
    assert accepted_spans(project, article) == [("Geneva", "ACTOR")]


def test_e_edits_the_attributes_of_the_reviewers_span(qtbot, review, two_annotators, monkeypatch):
    project, article = review.project, two_annotators
    review.view.select(*review.offsets.span_to_units(*words_at(TEXT, "talks")))
    qtbot.keyClick(review.view, Qt.Key_4, Qt.AltModifier)  # Alt+4: a CASUALTY on the selection
    monkeypatch.setattr(
        dialogs,
        "edit_attributes",
        lambda parent, label, attributes, values: {
            **values,
            "count_low": 2,
            "count_high": 5,
            "kind": "injured",
        },
    )
    qtbot.keyClick(review.view, Qt.Key_E)
    (span,) = [
        s for s in project.spans_for(article, "rev") if s.annotator == "rev" and s.status == "accepted"
    ]
    assert (TEXT[span.start : span.end], span.label) == ("talks", "CASUALTY")
    assert (span.attrs["count_low"], span.attrs["count_high"], span.attrs["kind"]) == (2, 5, "injured")

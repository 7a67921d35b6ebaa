"""Annotation memory: accepted strings come back as suggestions elsewhere, unless turned off."""

from __future__ import annotations

import pytest

from annotator.core import edits
from annotator.core.store import articles
from annotator.core.store import spans as span_rows
from annotator.core.suggest import suggest_articles
from annotator.core.suggest.memory import remembered

pytestmark = pytest.mark.model

FIRST = "The convoy reached the Abu Shouk camp on Monday."
SECOND = "Aid groups said the Abu Shouk camp needed water. Abu Shouk shelters families."


def setup(project):
    with project.transaction():
        ids = [i for i, _ in articles.insert_batch(project.db, [{"text": FIRST}, {"text": SECOND}])]
    start = FIRST.index("Abu Shouk")
    edits.perform(project, edits.add_span, ids[0], start, start + 9, "LOCATION", annotator="ann")
    return ids


def memory_spans(project, article_id):
    text = project.article(article_id).text
    return [
        (text[s.start : s.end], s.label)
        for s in span_rows.by_article(project.db, article_id)
        if s.origin == "memory"
    ]


def test_accepted_string_is_suggested_in_later_articles(project, pipeline):
    ids = setup(project)
    assert remembered(project) == {"Abu Shouk": "LOCATION"}
    suggest_articles(project, ids, pipeline)
    assert memory_spans(project, ids[1]) == [("Abu Shouk", "LOCATION"), ("Abu Shouk", "LOCATION")]
    assert memory_spans(project, ids[0]) == []  # the person's own span is not duplicated


def test_memory_can_be_turned_off(project, pipeline):
    ids = setup(project)
    project.set_meta("memory_enabled", False)
    suggest_articles(project, ids, pipeline)
    assert memory_spans(project, ids[1]) == []


def test_a_string_rejected_as_often_as_accepted_is_forgotten(project):
    ids = setup(project)
    start = SECOND.index("Abu Shouk")
    edit = edits.perform(project, edits.add_span, ids[1], start, start + 9, "LOCATION", annotator="bob")
    edits.perform(project, edits.reject, edit.focus_span_id, annotator="bob")
    assert remembered(project) == {}

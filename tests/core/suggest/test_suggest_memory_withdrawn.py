"""Pending memory suggestions memory no longer supports are withdrawn on the article's next
suggest run, never a person's decision (issue 14, item 3)."""

from __future__ import annotations

import json

import pytest
from suggest_helpers import new_articles

from annotator.core import edits
from annotator.core.model import Span
from annotator.core.store import open_project
from annotator.core.store import spans as span_rows
from annotator.core.suggest import suggest_articles
from annotator.core.suggest.stale_memory import WITHDRAW

pytestmark = pytest.mark.model

FIRST = "The convoy reached the Abu Shouk camp on Monday."
SECOND = "Aid groups said the Abu Shouk camp needed water."


def add(project, article_id, word, label, annotator="ann"):
    start = project.article(article_id).text.index(word)
    return edits.perform(
        project, edits.add_span, article_id, start, start + len(word), label, annotator=annotator
    ).focus_span_id


def memory_row(project, article_id, word, label):
    """A pending memory suggestion, as an earlier run (or an older version) stored it."""
    start = project.article(article_id).text.index(word)
    with project.transaction():
        return span_rows.insert(
            project.db,
            Span(
                article_id, start, start + len(word), label, origin="memory", status="suggested", score=0.95
            ),
        )


def pending_memory(project, article_id):
    text = project.article(article_id).text
    return [
        (text[s.start : s.end], s.label)
        for s in project.spans_in([article_id], ("suggested",))
        if s.origin == "memory" and s.annotator is None
    ]


def withdrawals(project, article_id):
    return [
        (r["row_id"], json.loads(r["before"])["label"], r["after"], r["annotator"])
        for r in project.history(article_id)
        if r["action"] == WITHDRAW
    ]


def test_a_string_rejected_as_often_as_accepted_is_withdrawn_on_the_next_run(project, pipeline):
    first, second = new_articles(project, FIRST, SECOND)
    add(project, first, "Abu Shouk", "LOCATION")
    suggest_articles(project, [second], pipeline)
    [row] = [s for s in project.spans_in([second], ("suggested",)) if s.origin == "memory"]
    assert pending_memory(project, second) == [("Abu Shouk", "LOCATION")]
    bob = add(project, first, "Abu Shouk", "LOCATION", annotator="bob")
    edits.perform(project, edits.reject, bob, annotator="bob")  # rejected as often as accepted
    suggest_articles(project, [second], pipeline, force=True)
    assert pending_memory(project, second) == []
    assert withdrawals(project, second) == [(row.id, "LOCATION", None, None)]
    assert {s.annotator for s in project.human_spans(first)} == {"ann", "bob"}  # decisions stay


def test_a_memory_suggestion_someone_decided_on_is_never_withdrawn(project, pipeline):
    first, second = new_articles(project, "The US Army left.", "The Army stayed. The US Army came.")
    add(project, first, "US Army", "ACTOR")
    stale = memory_row(project, second, "Army", "ACTOR")  # learnt from a half-done edit, once
    edits.perform(project, edits.accept, stale, annotator="dee")
    suggest_articles(project, [second], pipeline, force=True)
    assert stale in {s.id for s in project.spans_in([second], ("suggested",))}
    assert [s.suggestion_id for s in project.human_spans(second)] == [stale]
    assert withdrawals(project, second) == []


def test_one_learnt_from_a_half_done_edit_goes_and_the_models_label_comes_back(project, pipeline):
    """An older project: "Army" was learnt while "US Army" was being resized, and took the place
    of the model's suggestion there; now the article says "US Army"."""
    first, second = new_articles(project, "The US Army left.", "Talks with the US went on.")
    add(project, first, "US Army", "ACTOR")
    suggest_articles(project, [second], pipeline)
    [model] = [
        (s.label, s.origin)
        for s in project.spans_in([second], ("suggested",))
        if s.start == 15 and s.end == 17
    ]
    with project.transaction():  # what the older version left: memory "US" LOCATION in its place
        project.db.execute("DELETE FROM spans WHERE article_id = ? AND start = 15", [second])
    memory_row(project, second, "US", "LOCATION" if model[0] == "ACTOR" else "ACTOR")
    suggest_articles(project, [second], pipeline, force=True)
    assert pending_memory(project, second) == []
    assert [
        (s.label, s.origin)
        for s in project.spans_in([second], ("suggested",))
        if (s.start, s.end) == (15, 17)
    ] == [model]


def test_merely_opening_the_article_that_supports_it_withdraws_nothing(project_path, pipeline):
    window = open_project(project_path, create=True, lock=True)
    first, second = new_articles(window, FIRST, SECOND)
    add(window, first, "Abu Shouk", "LOCATION")
    with open_project(project_path) as cli:
        suggest_articles(cli, [second], pipeline)
        assert pending_memory(cli, second) == [("Abu Shouk", "LOCATION")]
        window.note_open_article("ann", first)  # the only support is open again
        suggest_articles(cli, [second], pipeline, force=True)  # `annotator suggest --force`
        suggest_articles(cli, [second], pipeline, force=True, editing={first})  # the window's own
        assert pending_memory(cli, second) == [("Abu Shouk", "LOCATION")]
    window.close()


def test_memory_inside_a_longer_name_and_memory_turned_off(project, pipeline):
    first, second = new_articles(
        project, "Merz spoke.", "Chancellor Friedrich Merz agreed. Later Merz left. Mr Abu Shouk came."
    )
    add(project, first, "Merz", "ACTOR")
    inside = memory_row(project, second, "Merz", "ACTOR")  # the first "Merz": in "Friedrich Merz"
    add(project, second, "Friedrich Merz", "ACTOR", annotator="eve")
    suggest_articles(project, [second], pipeline, force=True)
    assert inside not in {s.id for s in project.spans_in([second], ("suggested",))}
    assert ("Merz", "ACTOR") in pending_memory(project, second)  # the lone "Merz" is still right
    project.set_meta("memory_enabled", False)
    suggest_articles(project, [second], pipeline, force=True)
    assert pending_memory(project, second) == []
    assert len(withdrawals(project, second)) == 2


def test_annotator_suggest_says_how_many_it_withdrew(project_path):
    from click.testing import CliRunner

    from annotator.cli import cli

    with open_project(project_path, create=True) as project:
        first, second = new_articles(project, FIRST, SECOND)
        add(project, first, "Abu Shouk", "LOCATION")
        memory_row(project, second, "Abu Shouk", "LOCATION")
        bob = add(project, first, "Abu Shouk", "LOCATION", annotator="bob")
        edits.perform(project, edits.reject, bob, annotator="bob")
    result = CliRunner().invoke(cli, ["suggest", str(project_path)])
    assert result.exit_code == 0, result.output
    assert "1 memory suggestion(s) withdrawn (memory no longer supports them)" in result.output
    with open_project(project_path) as project:
        assert pending_memory(project, second) == []

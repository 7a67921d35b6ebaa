"""Annotation memory after an undo (issue 14, item 3): a span taken back is no longer learnt,
and its memory suggestions elsewhere go on their article's next suggest run; a quote's speaker
that was only carried along by the quote stays no decision when its deletion is undone."""

from __future__ import annotations

import pytest
from suggest_helpers import new_articles
from test_suggest_memory_speaker import _done, _quote_and_kyiv

from annotator.core import edits, undo
from annotator.core.suggest import suggest_articles
from annotator.core.suggest.memory import remembered


def test_undoing_the_delete_of_a_speaker_carried_by_its_quote_teaches_nothing(project):
    article, quote, kyiv = _quote_and_kyiv(project)
    edits.perform(project, edits.accept, quote, annotator="ann")  # "Kyiv" comes along as speaker
    speaker = next(s for s in project.spans_for(article, "ann") if s.suggestion_id == kyiv)
    edits.perform(project, edits.reject, speaker.id, annotator="ann")  # x on it: deleted
    undo.undo(project, article, "ann")  # back, as the quote's speaker again
    assert project.span(speaker.id).status == "accepted"
    assert _done(project, article) == {}


def test_undoing_the_delete_of_a_speaker_the_person_accepted_keeps_it_learnt(project):
    article, quote, kyiv = _quote_and_kyiv(project)
    own = edits.perform(project, edits.accept, kyiv, annotator="ann").focus_span_id
    edits.perform(project, edits.link_speaker, quote, own, annotator="ann")
    edits.perform(project, edits.reject, own, annotator="ann")
    undo.undo(project, article, "ann")
    assert _done(project, article) == {"Kyiv": "ACTOR"}


@pytest.mark.model
def test_an_undone_span_is_forgotten_and_its_memory_suggestion_withdrawn(project, pipeline):
    first, second = new_articles(project, "Kyiv announced new talks.", "Officials in Kyiv met again.")
    start = project.article(first).text.index("Kyiv")
    edits.perform(project, edits.add_span, first, start, start + 4, "ACTOR", annotator="ann")
    edits.perform(project, edits.set_state, first, "done", annotator="ann")
    suggest_articles(project, [second], pipeline)
    text = project.article(second).text

    def memory_kyiv() -> list[str]:
        pending = project.spans_in([second], ("suggested",))
        return [s.label for s in pending if s.origin == "memory" and text[s.start : s.end] == "Kyiv"]

    assert memory_kyiv() == ["ACTOR"]
    undo.undo(project, first, "ann")  # "mark done"
    undo.undo(project, first, "ann")  # the ACTOR itself
    assert "Kyiv" not in remembered(project)
    suggest_articles(project, [second], pipeline, force=True)  # the window's look-ahead, again
    assert memory_kyiv() == []

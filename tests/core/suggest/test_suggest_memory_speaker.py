"""Annotation memory learns what a person decided about a span's label, not a label a span got
only by being linked as a quote's speaker. Seen by an annotator: "Kyiv announced ... 'common
understanding'" had "Kyiv" suggested as an ACTOR (the speaker finder's); linking it as the
quote's speaker (``s``, or ``a`` on the quote with its suggested speaker) accepted that ACTOR,
and memory then suggested "Kyiv" as an ACTOR in every other article."""

from __future__ import annotations

from suggest_helpers import new_articles

from annotator.core import edits, undo
from annotator.core.model import Relation, Span
from annotator.core.store import spans as span_rows
from annotator.core.suggest.memory import remembered

TEXT = 'Kyiv announced that it had reached a "common understanding" with the White House.'


def _suggested(project, article_id: int, words: str, label: str) -> int:
    start = TEXT.index(words)
    row = Span(article_id, start, start + len(words), label, origin="model", status="suggested", score=0.9)
    with project.transaction():
        return span_rows.insert(project.db, row)


def _quote_and_kyiv(project) -> tuple[int, int, int]:
    """A finished-to-be article with a suggested QUOTE, a suggested ACTOR "Kyiv" and the
    suggested link between them: (article, quote, Kyiv)."""
    [article] = new_articles(project, TEXT)
    quote = _suggested(project, article, "common understanding", "QUOTE")
    kyiv = _suggested(project, article, "Kyiv", "ACTOR")
    with project.transaction():
        span_rows.insert_relation(
            project.db, Relation(article, quote, kyiv, origin="model", status="suggested")
        )
    return article, quote, kyiv


def _done(project, article: int) -> dict[str, str]:
    edits.perform(project, edits.set_state, article, "done", annotator="ann")
    return remembered(project)


def test_linking_a_speaker_teaches_memory_nothing_about_its_label(project):
    article, quote, kyiv = _quote_and_kyiv(project)
    edits.perform(project, edits.link_speaker, quote, kyiv, annotator="ann")
    assert _done(project, article) == {}


def test_accepting_a_quote_with_its_suggested_speaker_teaches_nothing_about_the_speaker(project):
    article, quote, _kyiv = _quote_and_kyiv(project)
    edits.perform(project, edits.accept, quote, annotator="ann")
    assert _done(project, article) == {}


def test_a_speaker_the_person_accepted_first_is_learnt(project):
    article, quote, kyiv = _quote_and_kyiv(project)
    own = edits.perform(project, edits.accept, kyiv, annotator="ann").focus_span_id
    edits.perform(project, edits.link_speaker, quote, own, annotator="ann")
    assert _done(project, article) == {"Kyiv": "ACTOR"}


def test_a_speaker_the_person_relabelled_is_learnt_with_its_new_label(project):
    article, quote, kyiv = _quote_and_kyiv(project)
    edits.perform(project, edits.accept, quote, annotator="ann")
    speaker = next(s for s in project.spans_for(article, "ann") if s.suggestion_id == kyiv)
    edits.perform(project, edits.relabel, speaker.id, "LOCATION", annotator="ann")
    assert _done(project, article) == {"Kyiv": "LOCATION"}


def test_undoing_the_link_and_redoing_it_still_teaches_nothing(project):
    article, quote, kyiv = _quote_and_kyiv(project)
    edits.perform(project, edits.link_speaker, quote, kyiv, annotator="ann")
    undo.undo(project, article, "ann")
    undo.redo(project, article, "ann")
    assert _done(project, article) == {}


def test_shift_a_decides_every_suggestion_it_accepts_the_speaker_too(project):
    article, _quote, _kyiv = _quote_and_kyiv(project)
    edits.perform(project, edits.accept_all, article, annotator="ann")
    assert _done(project, article) == {"Kyiv": "ACTOR"}

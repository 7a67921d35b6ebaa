"""Accepting a suggested QUOTE (``a`` or Shift+A) accepts its suggested speaker too, but never
beside a span of the annotator's that the speaker contradicts (the window hides such a
suggestion: ``entity_conflicts.overlapping_accepted``): the link goes to the annotator's ACTOR
there, or is left out over another label. Before, the hidden speaker was accepted as a second
ACTOR over the same words and the quote linked to it."""

from __future__ import annotations

import pytest

from annotator.core import edits
from annotator.core.model import Relation, Span
from annotator.core.store import spans as span_rows
from tests.core.review.helpers import add_texts

TEXT = '"We agreed on tariffs," Prime Minister Keir Starmer said in London.'


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _suggest(project, article, words, label, score=0.9) -> int:
    with project.transaction():
        return span_rows.insert(
            project.db, Span(article, *_at(words), label, origin="model", status="suggested", score=score)
        )


@pytest.fixture
def quote(project, tmp_path):
    """The article with a suggested QUOTE said by a suggested ACTOR "Minister Keir"; its id and
    the QUOTE's."""
    (article,) = add_texts(project, tmp_path, [TEXT])
    quote = _suggest(project, article, "We agreed on tariffs,", "QUOTE")
    speaker = _suggest(project, article, "Minister Keir", "ACTOR", score=0.5)
    with project.transaction():
        span_rows.insert_relation(
            project.db, Relation(article, quote, speaker, origin="model", status="suggested")
        )
    return article, quote


def _mine(project, article) -> list[tuple[str, str]]:
    return sorted(
        (TEXT[s.start : s.end], s.label)
        for s in project.spans_for(article, "ann")
        if s.annotator == "ann" and s.status == "accepted"
    )


def _speakers(project, article) -> list[str]:
    spans = {s.id: s for s in project.spans_for(article, "ann")}
    return [
        TEXT[spans[r.child_id].start : spans[r.child_id].end]
        for r in project.relations_of(article, "ann", ("accepted",))
    ]


def test_accepting_the_quote_links_the_actor_the_annotator_labelled_there(project, quote):
    article, quote_id = quote
    edits.perform(project, edits.add_span, article, *_at("Keir Starmer"), "ACTOR", "ann")
    edits.perform(project, edits.accept, quote_id, "ann")
    assert _mine(project, article) == [("Keir Starmer", "ACTOR"), ("We agreed on tariffs,", "QUOTE")]
    assert _speakers(project, article) == ["Keir Starmer"]


def test_over_another_label_the_quote_is_accepted_without_a_speaker(project, quote):
    article, quote_id = quote
    edits.perform(project, edits.add_span, article, *_at("Keir Starmer"), "LOCATION", "ann")
    edits.perform(project, edits.accept, quote_id, "ann")
    assert _mine(project, article) == [("Keir Starmer", "LOCATION"), ("We agreed on tariffs,", "QUOTE")]
    assert _speakers(project, article) == []


def test_shift_a_links_the_better_name_it_took_not_the_speaker_it_left(project, quote):
    article, _ = quote
    _suggest(project, article, "Keir Starmer", "ACTOR", score=0.9)
    edits.perform(project, edits.accept_all, article, "ann")
    assert _mine(project, article) == [("Keir Starmer", "ACTOR"), ("We agreed on tariffs,", "QUOTE")]
    assert _speakers(project, article) == ["Keir Starmer"]


def test_a_speaker_nothing_contradicts_is_accepted_with_the_quote(project, quote):
    article, quote_id = quote
    edits.perform(project, edits.accept, quote_id, "ann")
    assert _mine(project, article) == [("Minister Keir", "ACTOR"), ("We agreed on tariffs,", "QUOTE")]
    assert _speakers(project, article) == ["Minister Keir"]

"""Shift+A never puts two entity labels on one token, in every mode: the annotating view,
blind labelling (only the suggestions it shows are taken or weighed) and review mode
(everything all annotators agree on), all through ``entity_conflicts.acceptable``."""

from __future__ import annotations

import pytest

from annotator.core import edits
from annotator.core.model import Span
from annotator.core.review import accept_agreed, agreed_split
from annotator.core.store import spans as span_rows
from tests.core.review.helpers import add_texts, label

TEXT = 'Merz said "we will stay" after talks in Abu Shouk, while Scholz disagreed in Kyiv.'


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _suggest(project, article, words, name, origin="model", score=0.9):
    with project.transaction():
        return span_rows.insert(
            project.db, Span(article, *_at(words), name, origin=origin, status="suggested", score=score)
        )


def _mine(project, article, name):
    return sorted(
        (TEXT[s.start : s.end], s.label)
        for s in project.spans_for(article, name)
        if s.annotator == name and s.status == "accepted"
    )


@pytest.fixture
def article(project, tmp_path):
    (article_id,) = add_texts(project, tmp_path, [TEXT])
    return article_id


def test_blind_accept_all_takes_and_weighs_only_the_suggestions_it_shows(project, article):
    _suggest(project, article, "Kyiv", "LOCATION", score=0.8)
    _suggest(project, article, "Kyiv", "ACTOR", origin="memory", score=0.95)  # hidden when blind
    _suggest(project, article, "Scholz", "ACTOR", origin="memory")  # hidden when blind
    _suggest(project, article, "Merz", "ACTOR")
    take, left = edits.accept_all_split(project, article, "ann", blind=True)
    assert sorted(TEXT[s.start : s.end] for s in take) == ["Kyiv", "Merz"] and left == []
    edits.perform(project, edits.accept_all, article, annotator="ann", blind=True)
    assert _mine(project, article, "ann") == [("Kyiv", "LOCATION"), ("Merz", "ACTOR")]
    pending = {
        (TEXT[s.start : s.end], s.origin) for s in project.spans_for(article, "ann") if s.is_suggestion
    }
    assert pending == {("Kyiv", "memory"), ("Scholz", "memory")}  # still there, not rejected


def test_seen_accept_all_still_weighs_memory_suggestions(project, article):
    _suggest(project, article, "Kyiv", "LOCATION", score=0.8)
    _suggest(project, article, "Kyiv", "ACTOR", origin="memory", score=0.95)
    take, left = edits.accept_all_split(project, article, "ann")
    assert [(s.label, s.origin) for s in take] == [("ACTOR", "memory")]
    assert [(s.label, s.origin) for s in left] == [("LOCATION", "model")]


def test_accept_agreed_leaves_a_second_entity_label_over_the_reviewers_own(project, article):
    for name in ("ann", "bob"):
        label(project, article, name, [(*_at("Kyiv"), "ACTOR"), (*_at("Merz"), "ACTOR")])
    label(project, article, "rev", [(*_at("Kyiv"), "LOCATION")], done=False)
    take, left = agreed_split(project, article, "rev", ["ann", "bob"])
    assert [k[2] for k in take] == ["ACTOR"] and [(k[0], k[2]) for k in left] == [(_at("Kyiv")[0], "ACTOR")]
    edits.perform(project, accept_agreed, article, "rev", ["ann", "bob"])
    assert _mine(project, article, "rev") == [("Kyiv", "LOCATION"), ("Merz", "ACTOR")]


def test_accept_agreed_takes_one_of_two_agreed_labels_on_the_same_words(project, article):
    """Both annotators gave "Abu Shouk" two entity labels and "Shouk" a third: one is taken
    (the longest), the others are left for the reviewer to settle."""
    for name in ("ann", "bob"):
        spans = [(*_at("Abu Shouk"), "LOCATION"), (*_at("Abu Shouk"), "ACTOR"), (*_at("Shouk"), "ACTOR")]
        label(project, article, name, spans)
    take, left = agreed_split(project, article, "rev", ["ann", "bob"])
    assert len(take) == 1 and len(left) == 2
    edits.perform(project, accept_agreed, article, "rev", ["ann", "bob"])
    [(words, _)] = _mine(project, article, "rev")
    assert words == "Abu Shouk"


def test_accept_agreed_leaves_a_quote_whose_speaker_would_be_a_second_label(project, article):
    quote, merz = _at('"we will stay"'), _at("Merz")
    for name in ("ann", "bob"):
        ids = label(project, article, name, [(*merz, "ACTOR"), (*quote, "QUOTE")], done=False)
        edits.perform(project, edits.link_speaker, ids[quote], ids[merz], name)
        edits.perform(project, edits.set_state, article, "done", name)
    label(project, article, "rev", [(*merz, "LOCATION")], done=False)
    take, left = agreed_split(project, article, "rev", ["ann", "bob"])
    assert take == [] and {k[2] for k in left} == {"ACTOR", "QUOTE"}
    edits.perform(project, accept_agreed, article, "rev", ["ann", "bob"])
    assert _mine(project, article, "rev") == [("Merz", "LOCATION")]


def test_accept_all_leaves_out_a_suggestion_the_window_hides_inside_an_accepted_name(project, article):
    """A suggestion made before "Abu Shouk" was accepted over it is out of view inside it (see
    ``test_window_suggestion_inside_name``): Shift+A neither takes it nor counts it as left."""
    _suggest(project, article, "Shouk", "ACTOR")
    _suggest(project, article, "Merz", "ACTOR")
    edits.perform(project, edits.add_span, article, *_at("Abu Shouk"), "LOCATION", "ann")
    take, left = edits.accept_all_split(project, article, "ann")
    assert [TEXT[s.start : s.end] for s in take] == ["Merz"] and left == []

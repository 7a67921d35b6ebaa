"""Taking one version of a review region (``a``, ``1``..``9``) never puts two entity labels
on one token either: through ``entity_conflicts.acceptable``, as Shift+A."""

from __future__ import annotations

import pytest

from annotator.core import edits
from annotator.core.review import clusters, take_version, version_split
from tests.core.review.helpers import add_texts, label

TEXT = 'Merz said "we will stay" after talks in Abu Shouk, while Scholz disagreed in Kyiv.'
NAMES = ["ann", "bob"]


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _mine(project, article, name="rev"):
    return sorted(
        (TEXT[s.start : s.end], s.label)
        for s in project.spans_for(article, name)
        if s.annotator == name and s.status == "accepted"
    )


def _region(project, article, words):
    start = _at(words)[0]
    return next(r for r in clusters(project, article, "rev", NAMES) if r.start <= start < r.end)


def _take(project, article, words, name):
    region = _region(project, article, words)
    keys = region.version_of(name)
    split = version_split(project, article, "rev", region, keys)
    edits.perform(project, take_version, article, "rev", region, keys)
    return split


@pytest.fixture
def article(project, tmp_path):
    (article_id,) = add_texts(project, tmp_path, [TEXT])
    return article_id


def _quote_said_by_merz(project, article):
    quote, merz = _at('"we will stay"'), _at("Merz")
    ids = label(project, article, "ann", [(*merz, "ACTOR"), (*quote, "QUOTE")], done=False)
    edits.perform(project, edits.link_speaker, ids[quote], ids[merz], "ann")
    edits.perform(project, edits.set_state, article, "done", "ann")
    label(project, article, "bob", [(*merz, "ACTOR")])


def test_a_quote_whose_speaker_would_be_a_second_label_outside_the_region_is_left(project, article):
    _quote_said_by_merz(project, article)
    label(project, article, "rev", [(*_at("Merz"), "LOCATION")], done=False)
    take, left = _take(project, article, "we will stay", "ann")
    assert take == [] and [k[2] for k in left] == ["QUOTE"]
    assert _mine(project, article) == [("Merz", "LOCATION")]


def test_a_quote_whose_speaker_the_reviewer_has_is_taken(project, article):
    _quote_said_by_merz(project, article)
    label(project, article, "rev", [(*_at("Merz"), "ACTOR")], done=False)
    take, left = _take(project, article, "we will stay", "ann")
    assert [k[2] for k in take] == ["QUOTE"] and left == []
    assert _mine(project, article) == [('"we will stay"', "QUOTE"), ("Merz", "ACTOR")]


def test_a_version_with_two_labels_on_the_same_words_gives_one(project, article):
    label(project, article, "ann", [(*_at("Abu Shouk"), "LOCATION"), (*_at("Shouk"), "ACTOR")])
    label(project, article, "bob", [(*_at("Abu Shouk"), "LOCATION")])
    take, left = _take(project, article, "Abu Shouk", "ann")
    assert [k[2] for k in take] == ["LOCATION"] and [k[2] for k in left] == ["ACTOR"]
    assert _mine(project, article) == [("Abu Shouk", "LOCATION")]


def test_the_reviewers_own_span_in_the_region_gives_way_to_the_version(project, article):
    """Inside the region the version replaces the reviewer's spans: nothing is left."""
    label(project, article, "ann", [(*_at("Kyiv"), "LOCATION")])
    label(project, article, "bob", [(*_at("Kyiv"), "ACTOR")])
    label(project, article, "rev", [(*_at("Kyiv"), "ACTOR")], done=False)
    take, left = _take(project, article, "Kyiv", "ann")
    assert [k[2] for k in take] == ["LOCATION"] and left == []
    assert _mine(project, article) == [("Kyiv", "LOCATION")]


def test_an_agreed_region_knows_when_the_reviewers_result_differs(project, article):
    for name in NAMES:
        label(project, article, name, [(*_at("Kyiv"), "LOCATION")])
    assert not _region(project, article, "Kyiv").reviewer_differs  # nothing yours yet
    label(project, article, "rev", [(*_at("Kyiv"), "ACTOR")], done=False)
    region = _region(project, article, "Kyiv")
    assert region.agreed and region.reviewer_differs
    _take(project, article, "Kyiv", "ann")
    assert not _region(project, article, "Kyiv").reviewer_differs

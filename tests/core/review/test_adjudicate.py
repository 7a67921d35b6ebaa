"""Settling disagreements in the core: a taken version carries its QUOTE's speaker and its
CASUALTY attributes; alternatives are ranked by support; Shift+A needs the speakers to agree."""

from __future__ import annotations

from annotator.core import edits, undo
from annotator.core.review import accept_agreed, clusters, take_version
from tests.core.review.helpers import add_texts, label

TEXT = 'Merz said "we will stay" after 12 soldiers died near Kyiv, while Scholz disagreed.'


def _at(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def _speaker_of(project, article, name, quote_words):
    spans = {
        s.id: s for s in project.spans_for(article, name) if s.annotator == name and s.status == "accepted"
    }
    for rel in project.relations_of(article, name, ("accepted",)):
        head = spans.get(rel.head_id)
        if rel.annotator == name and head and TEXT[head.start : head.end] == quote_words:
            child = spans[rel.child_id]
            return TEXT[child.start : child.end], child.label
    return None


def _two_versions(project, tmp_path):
    """ann: Merz speaks, CASUALTY 12..12; bob: Scholz speaks, CASUALTY 10..12."""
    (article,) = add_texts(project, tmp_path, [TEXT])
    quote = _at('"we will stay"')
    casualty = _at("12 soldiers")
    for name, speaker, low in (("ann", "Merz", 12), ("bob", "Scholz", 10)):
        ids = label(
            project,
            article,
            name,
            [
                (*_at(speaker), "ACTOR"),
                (*quote, "QUOTE"),
                (*casualty, "CASUALTY", {"count_low": low, "count_high": 12, "kind": "killed"}),
            ],
            done=False,
        )
        edits.perform(project, edits.link_speaker, ids[quote], ids[_at(speaker)], name)
        edits.perform(project, edits.set_state, article, "done", name)
    return article


def _region(project, article, words):
    start = TEXT.index(words)
    return next(r for r in clusters(project, article, "rev") if r.start <= start < r.end)


def test_taking_a_version_carries_the_speaker_and_attributes(project, tmp_path):
    article = _two_versions(project, tmp_path)
    quote_region = _region(project, article, "we will stay")
    assert not quote_region.agreed  # same QUOTE, different speakers: a disagreement
    edits.perform(project, take_version, article, "rev", quote_region, quote_region.version_of("bob"))
    assert _speaker_of(project, article, "rev", '"we will stay"') == ("Scholz", "ACTOR")  # speaker added too
    # switching to ann's version replaces the link (the old one is rejected, not left dangling)
    quote_region = _region(project, article, "we will stay")
    edits.perform(project, take_version, article, "rev", quote_region, quote_region.version_of("ann"))
    assert _speaker_of(project, article, "rev", '"we will stay"') == ("Merz", "ACTOR")
    live = [r for r in project.relations_of(article, "rev", ("accepted",)) if r.annotator == "rev"]
    assert len(live) == 1

    casualty_region = _region(project, article, "12 soldiers")
    edits.perform(project, take_version, article, "rev", casualty_region, casualty_region.version_of("bob"))
    (mine,) = [
        s
        for s in project.spans_for(article, "rev")
        if s.label == "CASUALTY" and s.annotator == "rev" and s.status == "accepted"
    ]
    assert mine.attrs["count_low"] == 10 and mine.attrs["count_high"] == 12

    # undo takes the speaker link back with the version
    undo.undo(project, article, "rev")
    undo.undo(project, article, "rev")
    assert _speaker_of(project, article, "rev", '"we will stay"') == ("Scholz", "ACTOR")


def test_rejecting_the_speaker_rejects_the_link(project, tmp_path):
    article = _two_versions(project, tmp_path)
    quote_region = _region(project, article, "we will stay")
    edits.perform(project, take_version, article, "rev", quote_region, quote_region.version_of("ann"))
    merz = _region(project, article, "Merz")
    edits.perform(project, take_version, article, "rev", merz, [])
    assert _speaker_of(project, article, "rev", '"we will stay"') is None
    assert not [r for r in project.relations_of(article, "rev", ("accepted",)) if r.annotator == "rev"]


def test_alternatives_rank_by_support(project, tmp_path):
    (article,) = add_texts(project, tmp_path, [TEXT])
    for name, lab in (("ann", "LOCATION"), ("bob", "ACTOR"), ("cy", "ACTOR")):
        label(project, article, name, [(*_at("Kyiv"), lab)])
    (region,) = clusters(project, article, "rev")
    alternatives = region.alternatives(["ann", "bob", "cy"])
    assert [(keys[0][2], givers) for keys, givers in alternatives] == [
        ("ACTOR", ["bob", "cy"]),
        ("LOCATION", ["ann"]),
    ]
    assert region.majority(["ann", "bob", "cy"])[0][2] == "ACTOR"


def test_accept_agreed_links_agreed_speakers_only(project, tmp_path):
    article = _two_versions(project, tmp_path)
    edits.perform(project, accept_agreed, article, "rev", ["ann", "bob"])
    mine = sorted(
        TEXT[s.start : s.end]
        for s in project.spans_for(article, "rev")
        if s.annotator == "rev" and s.status == "accepted"
    )
    assert mine == []  # the QUOTE's speakers and the CASUALTY counts differ: nothing agreed

    (other,) = add_texts(project, tmp_path, [TEXT + " Again."])
    for name in ("ann", "bob"):
        ids = label(
            project, other, name, [(*_at("Merz"), "ACTOR"), (*_at('"we will stay"'), "QUOTE")], done=False
        )
        edits.perform(project, edits.link_speaker, ids[_at('"we will stay"')], ids[_at("Merz")], name)
        edits.perform(project, edits.set_state, other, "done", name)
    edits.perform(project, accept_agreed, other, "rev", ["ann", "bob"])
    assert _speaker_of(project, other, "rev", '"we will stay"') == ("Merz", "ACTOR")

"""Annotation memory after adjudication (issue 14, item 3): a reviewer's edit that adds an ACTOR
and links it as a quote's speaker in one go ("accept agreed", Shift+A in the review window)
decided that ACTOR; it is no speaker merely carried along by a quote (``test_suggest_memory_speaker``)."""

from __future__ import annotations

from annotator.core import edits
from annotator.core.review import accept_agreed
from annotator.core.suggest.memory import remembered
from tests.core.review.helpers import add_texts, label

BORDER = "Jordan closed its border on Monday."
SUMMIT = 'In Amman, Jordan said "we will stay" after the talks.'


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _agreed_speaker(project, article: int, name: str) -> None:
    """``name`` labels Amman a LOCATION and Jordan the ACTOR who says the quote, then marks done."""
    amman, jordan, quote = (_at(SUMMIT, w) for w in ("Amman", "Jordan", '"we will stay"'))
    ids = label(
        project, article, name, [(*amman, "LOCATION"), (*jordan, "ACTOR"), (*quote, "QUOTE")], done=False
    )
    edits.perform(project, edits.link_speaker, ids[quote], ids[jordan], name)
    edits.perform(project, edits.set_state, article, "done", name)


def test_an_actor_accepted_with_its_speaker_link_in_one_review_edit_is_learnt(project, tmp_path):
    border, summit = add_texts(project, tmp_path, [BORDER, SUMMIT])
    for name in ("ann", "bob"):  # "Jordan" the country: LOCATION twice, decided first
        label(project, border, name, [(*_at(BORDER, "Jordan"), "LOCATION")])
    for name in ("ann", "bob"):  # Jordan the government that speaks: ACTOR twice
        _agreed_speaker(project, summit, name)
    assert remembered(project)["Jordan"] == "LOCATION"  # a tie: the label decided first
    edit = edits.perform(project, accept_agreed, summit, "rev", ["ann", "bob"])
    assert len([c for c in edit.changes if c.table == "relations"]) == 1  # the link, same edit
    edits.perform(project, edits.set_state, summit, "reviewed", "rev")
    rev = [
        (t, lab) for lab, _, t, _, i in project.decisions_in([summit]) if project.span(i).annotator == "rev"
    ]
    assert sorted(rev) == [('"we will stay"', "QUOTE"), ("Amman", "LOCATION"), ("Jordan", "ACTOR")]
    assert remembered(project)["Jordan"] == "ACTOR"  # the reviewer's decision breaks the tie

"""Edits: each a transaction with history; undo/redo; suggestions shared, decisions per person."""

import pytest

from annotator.core import edits
from annotator.core.errors import EditError
from annotator.core.model import Relation, Span
from annotator.core.store import articles
from annotator.core.store import spans as span_rows

TEXT = "Putin said “we agree” in Moscow 😀, said Ushakov."


@pytest.fixture
def article(project):
    with project.transaction():
        [(article_id, _)] = articles.insert_batch(project.db, [{"text": TEXT}])
    return article_id


def suggest(project, article_id, word, label, **extra):
    start = TEXT.index(word)
    with project.transaction():
        return span_rows.insert(
            project.db,
            Span(article_id, start, start + len(word), label, origin="model", status="suggested", **extra),
        )


def test_accept_copies_the_suggestion_for_this_annotator_only(project, article):
    sid = suggest(project, article, "Putin", "ACTOR")
    edit = edits.perform(project, edits.accept, sid, annotator="ann")
    mine = project.spans_for(article, "ann")
    assert [(s.annotator, s.status, s.suggestion_id) for s in mine] == [("ann", "accepted", sid)]
    assert [s.status for s in project.spans_for(article, "bob")] == ["suggested"]
    assert project.span(sid).status == "suggested"  # the shared suggestion is never modified
    assert project.state(article, "ann") == "in_progress"
    assert edit.focus_span_id == mine[0].id


def test_accepting_a_quote_accepts_its_speaker_link(project, article):
    quote = suggest(project, article, "we agree", "QUOTE")
    actor = suggest(project, article, "Ushakov", "ACTOR")
    with project.transaction():
        span_rows.insert_relation(
            project.db, Relation(article, quote, actor, origin="model", status="suggested")
        )
    edits.perform(project, edits.accept, quote, annotator="ann")
    [rel] = [r for r in project.relations_for(article, "ann") if r.annotator == "ann"]
    assert (
        project.span(rel.head_id).label == "QUOTE" and project.span(rel.child_id).text_in(TEXT) == "Ushakov"
    )
    assert all(s.annotator == "ann" for s in project.spans_for(article, "ann"))


def test_reject_keeps_a_row_and_hides_the_suggestion(project, article):
    sid = suggest(project, article, "Moscow", "LOCATION")
    edits.perform(project, edits.reject, sid, annotator="ann")
    [row] = project.spans_for(article, "ann")
    assert row.status == "rejected" and row.suggestion_id == sid


def test_add_relabel_resize_attrs_delete(project, article):
    start = TEXT.index("Moscow")
    add = edits.perform(project, edits.add_span, article, start, start + 6, "ACTOR", annotator="ann")
    span_id = add.focus_span_id
    edits.perform(project, edits.relabel, span_id, "LOCATION", annotator="ann")
    edits.perform(project, edits.resize, span_id, start, start + 5, annotator="ann")
    assert project.span(span_id).label == "LOCATION" and project.span(span_id).end == start + 5
    edits.perform(project, edits.relabel, span_id, "CASUALTY", annotator="ann")
    edits.perform(
        project,
        edits.set_attrs,
        span_id,
        {"count_low": 3, "count_high": 3, "qualifier": None, "kind": "killed"},
        annotator="ann",
    )
    assert project.span(span_id).attrs["count_low"] == 3
    edits.perform(project, edits.relabel, span_id, "ACTOR", annotator="ann")
    assert project.span(span_id).attrs == {}
    edits.perform(project, edits.reject, span_id, annotator="ann")
    assert project.span(span_id).status == "rejected"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda p, a: edits.add_span(p, a, 5, 5, "ACTOR", "ann"), "outside the article"),
        (lambda p, a: edits.add_span(p, a, 0, 999, "ACTOR", "ann"), "outside the article"),
        (lambda p, a: edits.add_span(p, a, 0, 5, "PERSON", "ann"), "unknown label"),
        (lambda p, a: edits.add_span(p, a, 0, 5, "CASUALTY", "ann", {"kind": "eaten"}), "kind must be"),
        (lambda p, a: edits.set_state(p, a, "finished", "ann"), "unknown article state"),
    ],
)
def test_impossible_edits_are_refused_and_write_nothing(project, article, call, message):
    with pytest.raises(EditError, match=message):
        edits.perform(project, call, article)
    assert project.history() == []


def test_undo_redo_are_edits_with_history(project, article):
    sid = suggest(project, article, "Putin", "ACTOR")
    edit = edits.perform(project, edits.accept, sid, annotator="ann")
    edits.revert(project, edit)
    assert [s.annotator for s in project.spans_for(article, "ann")] == [None]
    assert project.state(article, "ann") == "new"
    edits.reapply(project, edit)
    assert [s.annotator for s in project.spans_for(article, "ann")] == ["ann"]
    actions = [row["action"] for row in reversed(project.history())]
    assert actions[0].startswith("accept") and any(a.startswith("undo accept") for a in actions)
    assert actions[-1].startswith("redo accept")


def test_accept_all_then_undo(project, article):
    for word, label in (("Putin", "ACTOR"), ("Moscow", "LOCATION"), ("Ushakov", "ACTOR")):
        suggest(project, article, word, label)
    edit = edits.perform(project, edits.accept_all, article, annotator="ann")
    assert all(s.status == "accepted" and s.annotator == "ann" for s in project.spans_for(article, "ann"))
    edits.revert(project, edit)
    assert all(s.annotator is None for s in project.spans_for(article, "ann"))


def test_accept_all_never_puts_two_entity_labels_on_one_token(project, article):
    suggest(project, article, "Moscow", "LOCATION", score=0.8)
    suggest(project, article, "Moscow", "ACTOR", score=0.95)  # better supported: taken
    suggest(project, article, "Ushakov", "LOCATION", score=0.8)
    suggest(project, article, "we agree", "QUOTE", score=0.9)  # not an entity label: taken
    start = TEXT.index("Ushakov")
    own = edits.perform(project, edits.add_span, article, start, start + 3, "ACTOR", annotator="ann")
    edits.perform(project, edits.accept_all, article, annotator="ann")
    view = project.spans_for(article, "ann")
    accepted = {(s.text_in(TEXT), s.label) for s in view if s.status == "accepted"}
    assert accepted == {("Moscow", "ACTOR"), ("we agree", "QUOTE"), ("Ush", "ACTOR")}
    left = {(s.text_in(TEXT), s.label) for s in view if s.annotator is None}
    assert left == {("Moscow", "LOCATION"), ("Ushakov", "LOCATION")}  # still pending, not rejected
    assert own.focus_span_id in {s.id for s in view}


def test_link_speaker_replaces_earlier_link(project, article):
    quote = suggest(project, article, "we agree", "QUOTE")
    putin = suggest(project, article, "Putin", "ACTOR")
    ushakov = suggest(project, article, "Ushakov", "ACTOR")
    first = edits.perform(project, edits.link_speaker, quote, putin, annotator="ann")
    own_quote = first.focus_span_id
    edits.perform(project, edits.link_speaker, own_quote, ushakov, annotator="ann")
    links = [r for r in project.relations_for(article, "ann") if r.status == "accepted"]
    assert len(links) == 1 and project.span(links[0].child_id).text_in(TEXT) == "Ushakov"


def test_mark_done_and_next_unfinished(project, article):
    with project.transaction():
        articles.insert_batch(project.db, [{"text": "second"}])
    edits.perform(project, edits.set_state, article, "done", annotator="ann")
    assert articles.next_unfinished(project.db, "ann") == 2
    assert articles.next_unfinished(project.db, "bob") == 1


def test_history_records_who_what_before_after(project, article):
    sid = suggest(project, article, "Putin", "ACTOR")
    edits.perform(project, edits.accept, sid, annotator="ann")
    span_change = next(r for r in project.history() if r["table_name"] == "spans")
    assert span_change["annotator"] == "ann" and span_change["before"] is None
    assert '"status": "accepted"' in span_change["after"]

"""Annotation memory: accepted strings come back as suggestions elsewhere, unless turned off."""

from __future__ import annotations

import pytest
from suggest_helpers import new_articles

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


# -- memory that helps instead of contradicting (issue 14) ----------------------------------------


def add(project, article_id, word, label, annotator="ann", nth=0):
    text = project.article(article_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return edits.perform(
        project, edits.add_span, article_id, start, start + len(word), label, annotator=annotator
    ).focus_span_id


def test_an_article_being_edited_is_not_learnt_until_left(project):
    [first] = new_articles(project, "The US Army said the Army would stay.")
    span = add(project, first, "US Army", "ACTOR")
    edits.perform(project, edits.resize, span, 7, 11, annotator="ann")  # briefly just "Army"
    assert remembered(project, editing={first}) == {}
    assert remembered(project) == {"Army": "ACTOR"}  # what a finished article says


def test_titles_are_not_learnt():
    from annotator.core.suggest.memory import is_title

    assert is_title("Ukrainian President") and is_title("Russian Foreign Minister")
    assert not is_title("Volodymyr Zelensky") and not is_title("President Zelensky")
    assert not is_title("US Army")


def test_titles_accepted_by_someone_are_not_remembered(project):
    [first] = new_articles(project, "Ukrainian President Volodymyr Zelensky spoke.")
    add(project, first, "Ukrainian President", "ACTOR")
    add(project, first, "Volodymyr Zelensky", "ACTOR")
    assert remembered(project) == {"Volodymyr Zelensky": "ACTOR"}


def test_merge_never_puts_memory_inside_a_longer_name_and_keeps_one_suggestion_per_place():
    from annotator.core.suggest.memory import merge
    from annotator.core.suggest.suggestion import Suggestion

    found = [
        Suggestion(0, 14, "ACTOR"),  # "Friedrich Merz"
        Suggestion(20, 22, "LOCATION"),  # "US"
        Suggestion(30, 40, "QUOTE", "pattern"),
    ]
    memory = [Suggestion(10, 14, "ACTOR", "memory", 0.95), Suggestion(20, 22, "ACTOR", "memory", 0.95)]
    merged = merge(found, memory)
    assert [(s.start, s.end, s.label, s.origin) for s in merged] == [
        (0, 14, "ACTOR", "model"),
        (30, 40, "QUOTE", "pattern"),
        (20, 22, "ACTOR", "memory"),
    ]
    assert merged[2].alternatives == [("LOCATION", "model")]


def test_memory_finds_only_the_longest_of_nested_strings(pipeline):
    from annotator.core.suggest.memory import Memory

    memory = Memory(pipeline.nlp, {"Merz": "ACTOR", "Friedrich Merz": "ACTOR"})
    doc = pipeline.nlp.make_doc("Friedrich Merz met voters. Merz said no.")
    assert [(doc.text[m.start : m.end]) for m in memory.find(doc)] == ["Friedrich Merz", "Merz"]


def pending_here(project, article_id):
    text = project.article(article_id).text
    return sorted(
        (text[s.start : s.end], s.start, s.label, s.origin)
        for s in project.spans_for(article_id, "bob")
        if s.annotator is None
    )


def test_memory_replaces_a_pending_suggestion_at_the_same_place(project, pipeline):
    first, second = new_articles(
        project, "The US said no.", "Talks with the US went on. Chancellor Friedrich Merz agreed."
    )
    suggest_articles(project, [first, second], pipeline)
    start = project.article(second).text.index("US")
    with project.transaction():  # the model's guess at the place memory will take
        model_row = span_rows.insert(
            project.db,
            span_rows.Span(second, start, start + 2, "LOCATION", origin="model", status="suggested"),
        )
    add(project, first, "US", "ACTOR")
    [merz] = [s for s in project.spans_for(second, "ann") if s.label == "ACTOR" and s.annotator is None]
    add(project, second, "Merz", "ACTOR", annotator="cy", nth=0)  # someone else's "Merz" alone
    edits.perform(project, edits.reject, project.spans_for(second, "cy")[-1].id, annotator="cy")
    add(project, first, "US", "ACTOR", annotator="cy")
    suggest_articles(project, [second], pipeline, force=True)
    here = pending_here(project, second)
    assert ("US", start, "ACTOR", "memory") in here
    assert not [h for h in here if h[1] == start and h[2] == "LOCATION"]  # replaced, not duplicated
    [us] = [s for s in project.spans_for(second, "bob") if s.origin == "memory"]
    assert project.alternatives(second) == {us.id: [("LOCATION", "model")]}
    assert model_row not in {s.id for s in project.spans_in([second], ("suggested",))}
    assert merz.text_in(project.article(second).text) == "Friedrich Merz"


def test_memory_never_replaces_a_suggestion_someone_decided_on(project, pipeline):
    first, second = new_articles(project, "The US said no.", "Talks with the US went on.")
    start = project.article(second).text.index("US")
    with project.transaction():
        model_row = span_rows.insert(
            project.db,
            span_rows.Span(second, start, start + 2, "LOCATION", origin="model", status="suggested"),
        )
    edits.perform(project, edits.reject, model_row, annotator="dee")
    add(project, first, "US", "ACTOR")
    suggest_articles(project, [second], pipeline, force=True)
    assert [s for s in project.spans_for(second, "bob") if s.origin == "memory"] == []
    assert project.alternatives(second) == {model_row: [("ACTOR", "memory")]}  # one per place
    edits.perform(project, edits.accept, model_row, annotator="eve")  # a person's label there:
    add(project, first, "US", "ACTOR", annotator="fay")
    suggest_articles(project, [second], pipeline, force=True)
    assert [s for s in project.spans_for(second, "bob") if s.origin == "memory"] == []  # never a 2nd


def test_accepting_us_on_the_samples_adds_no_contradicting_suggestion(sample_project, pipeline):
    """The issue's scenario: accept "US" once as ACTOR, leave the article; memory looks again."""
    project = sample_project
    ids = project.article_ids()
    suggest_articles(project, ids, pipeline)
    before = [s for i in ids for s in project.spans_for(i, "ann") if s.annotator is None]
    first, us = next(
        (i, s)
        for i in ids
        for s in project.spans_for(i, "ann")
        if s.annotator is None and s.text_in(project.article(i).text) == "US" and s.label == "LOCATION"
    )
    edits.perform(project, edits.relabel, us.id, "ACTOR", annotator="ann")
    suggest_articles(project, ids, pipeline, force=True, editing={first})  # still open: not learnt
    assert (
        len([s for i in ids for s in project.spans_for(i, "ann") if s.annotator is None]) == len(before) - 1
    )
    edits.perform(project, edits.set_state, first, "done", annotator="ann")
    suggest_articles(project, ids, pipeline, force=True)
    after = [s for i in ids for s in project.spans_for(i, "ann") if s.annotator is None]
    places: dict[tuple[int, int, int], set[str]] = {}
    for s in after:
        if s.label in ("ACTOR", "LOCATION"):
            places.setdefault((s.article_id, s.start, s.end), set()).add(s.label)
    assert all(len(labels) == 1 for labels in places.values())  # one suggestion per place
    memory = [s for s in after if s.origin == "memory"]
    assert memory and all(project.article(s.article_id).text[s.start : s.end] == "US" for s in memory)
    new_places = {(s.article_id, s.start) for s in memory} - {(s.article_id, s.start) for s in before}
    assert len(after) - (len(before) - 1) == len(new_places)  # a rise only where nothing was


def test_a_longer_remembered_name_takes_the_place_of_shorter_pending_ones_inside_it():
    from annotator.core.model import Span
    from annotator.core.suggest.one_per_place import place
    from annotator.core.suggest.suggestion import Suggestion

    rows = [
        Span(1, 10, 14, "ACTOR", origin="memory", status="suggested", annotator=None, id=7),  # "Merz"
        Span(1, 0, 4, "ACTOR", origin="model", status="suggested", annotator=None, id=8),  # shorter, inside
        Span(1, 30, 36, "LOCATION", origin="model", status="suggested", annotator=None, id=9),
    ]
    longer = place(Suggestion(0, 14, "ACTOR", "memory", 0.95), rows)  # "Friedrich Merz"
    assert longer.store and sorted(longer.replaces) == [7, 8]
    inner = place(Suggestion(32, 34, "ACTOR", "memory", 0.95), rows)
    assert not inner.store  # inside a longer suggested name
    model = place(Suggestion(30, 36, "ACTOR", "model", 0.8), rows)
    assert not model.store and model.alternatives == [(9, "ACTOR", "model")]


def test_a_suggestion_with_an_alternative_can_still_be_deleted(project):
    """Deleting suggestion rows (a new model's run, taking back an import) takes their
    alternatives with them (the project file enforces foreign keys)."""
    [first] = new_articles(project, "Talks with the US went on.")
    with project.transaction():
        row = span_rows.insert(
            project.db, span_rows.Span(first, 16, 18, "LOCATION", origin="model", status="suggested")
        )
        project.add_alternatives([(row, "ACTOR", "memory")])
    with project.transaction():
        assert project.drop_pending_suggestions(first) == 1
    assert project.alternatives(first) == {}

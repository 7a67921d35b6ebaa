"""Pending suggestions follow the model: a new model replaces another model's undecided
suggestions and never touches a person's decisions."""

from __future__ import annotations

import pytest

from annotator.core import edits
from annotator.core.store import articles, suggest_runs
from annotator.core.store import spans as span_rows
from annotator.core.suggest import SuggestPipeline, suggest_articles
from annotator.core.suggest.runner import SUGGESTER, pending_ids, stale_ids

pytestmark = pytest.mark.model

TEXT = (
    '"Europe is not a plaything," Friedrich Merz told the German Bundestag in Berlin. '
    "At least 19 people were wounded in Zaporizhzhia, officials in Kyiv said."
)


def _article(project) -> int:
    with project.transaction():
        [(aid, _)] = articles.insert_batch(project.db, [{"text": TEXT}])
    return aid


def _as(pipeline, name: str) -> SuggestPipeline:
    """The same spaCy pipeline under another model name (a changed project model)."""
    return SuggestPipeline(pipeline.nlp, name)


def _pending(project, aid):
    """Suggestions nobody has decided on yet."""
    rows = span_rows.by_article(project.db, aid)
    decided = {s.suggestion_id for s in rows if s.suggestion_id}
    return [s for s in rows if s.annotator is None and s.status == "suggested" and s.id not in decided]


def _find(project, aid, label, words):
    text = project.article(aid).text
    return next(
        s
        for s in span_rows.by_article(project.db, aid)
        if s.annotator is None and s.label == label and text[s.start : s.end] == words
    )


def test_the_model_is_recorded_and_a_rerun_with_it_does_nothing(project, pipeline):
    aid = _article(project)
    suggest_articles(project, [aid], pipeline)
    assert suggest_runs.done_models(project.db, SUGGESTER) == {aid: pipeline.model_name}
    assert pending_ids(project, [aid], pipeline.model_name) == []
    assert pending_ids(project, [aid], "/models/trained") == [aid]


def test_a_new_model_replaces_pending_suggestions_and_keeps_decisions(project, pipeline):
    aid = _article(project)
    suggest_articles(project, [aid], pipeline)
    accepted = _find(project, aid, "ACTOR", "Friedrich Merz")
    rejected = _find(project, aid, "LOCATION", "Berlin")
    edits.perform(project, edits.accept, accepted.id, "ana")
    edits.perform(project, edits.reject, rejected.id, "ana")
    before = {s.id for s in _pending(project, aid)}
    people = [s for s in span_rows.by_article(project.db, aid) if s.annotator]

    stored = suggest_articles(project, [aid], _as(pipeline, "/models/trained"))

    after = _pending(project, aid)
    assert stored == len(after) > 0
    assert before and before.isdisjoint(s.id for s in after)  # replaced, not added to
    assert [s for s in span_rows.by_article(project.db, aid) if s.annotator] == people
    kept = {s.id for s in span_rows.by_article(project.db, aid)}
    assert {accepted.id, rejected.id} <= kept  # decided suggestions stay for their decisions
    keys = [(s.start, s.end, s.label) for s in span_rows.by_article(project.db, aid) if s.annotator is None]
    assert len(keys) == len(set(keys))
    assert suggest_runs.done_models(project.db, SUGGESTER)[aid] == "/models/trained"
    links = span_rows.relations_of(project.db, aid)
    ids = {s.id for s in span_rows.by_article(project.db, aid)}
    assert all(r.head_id in ids and r.child_id in ids for r in links)


def test_rows_from_before_models_were_recorded_count_as_the_default_models(project, pipeline):
    aid = _article(project)
    suggest_articles(project, [aid], pipeline)
    project.db.execute("UPDATE suggest_done SET model = NULL")
    assert stale_ids(project, [aid], pipeline.model_name) == set()
    assert stale_ids(project, [aid], "/models/trained") == {aid}


def test_migration_adds_the_model_column_and_keeps_done_rows(old_project_file):
    from annotator.core.store import open_project

    path = old_project_file(
        "m006_suggest_model",
        5,
        {
            "articles": [{"id": 1, "text": "kept", "content_hash": "h", "meta": "{}"}],
            "suggest_done": [{"article_id": 1, "suggester": SUGGESTER, "done_at": "then"}],
        },
    )
    with open_project(path) as project:
        assert suggest_runs.done_models(project.db, SUGGESTER) == {1: None}

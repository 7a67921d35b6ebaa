"""Paged article listing: states, counts, FTS search, filters, row lookup."""

import pytest

from annotator.core import edits
from annotator.core.model import Span
from annotator.core.store import articles
from annotator.core.store import spans as span_rows
from annotator.core.store.listing import ArticleQuery, count, next_unfinished, page, progress, row_of


@pytest.fixture
def listed(project):
    with project.transaction():
        ids = [
            i
            for i, _ in articles.insert_batch(
                project.db,
                [
                    {"text": f"Article {n} about {'Kyiv' if n % 2 else 'Moscow'} talks.", "title": ""}
                    for n in range(30)
                ],
            )
        ]
        span_rows.insert(project.db, Span(ids[0], 0, 7, "ACTOR", origin="model", status="suggested"))
        span_rows.insert(project.db, Span(ids[0], 11, 12, "ACTOR", origin="model", status="suggested"))
    edits.perform(project, edits.add_span, ids[1], 0, 7, "ACTOR", annotator="ann")
    edits.perform(project, edits.set_state, ids[2], "done", annotator="ann")
    return project, ids


def test_pages_show_state_and_counts(listed):
    project, ids = listed
    q = ArticleQuery("ann")
    assert count(project.db, q) == 30
    rows = page(project.db, q, 0, 3)
    assert [r.id for r in rows] == ids[:3]
    assert (rows[0].state, rows[0].spans, rows[0].suggestions) == ("new", 0, 2)
    assert (rows[1].state, rows[1].spans) == ("in_progress", 1)
    assert rows[2].state == "done"
    assert rows[0].title == "Article 0 about Moscow talks."
    assert [r.id for r in page(project.db, q, 28, 10)] == ids[28:]


def test_decided_suggestions_no_longer_count(listed):
    project, ids = listed
    first = project.spans_for(ids[0], "ann")[0]
    edits.perform(project, edits.accept, first.id, annotator="ann")
    row = page(project.db, ArticleQuery("ann"), 0, 1)[0]
    assert (row.spans, row.suggestions) == (1, 1)
    assert page(project.db, ArticleQuery("other"), 0, 1)[0].suggestions == 2


def test_filters_and_search(listed):
    project, ids = listed
    assert [r.id for r in page(project.db, ArticleQuery("ann", state="done"), 0, 50)] == [ids[2]]
    assert count(project.db, ArticleQuery("ann", state="new")) == 28
    kyiv = ArticleQuery("ann", search="kyi")
    assert count(project.db, kyiv) == 15
    assert all(r.id % 2 == ids[1] % 2 for r in page(project.db, kyiv, 0, 50))
    assert count(project.db, ArticleQuery("ann", search='"unbalanced')) == 0
    with pytest.raises(ValueError, match="unknown article state"):
        count(project.db, ArticleQuery("ann", state="finished"))


def test_row_of_and_progress(listed):
    project, ids = listed
    assert row_of(project.db, ArticleQuery("ann"), ids[5]) == 5
    assert row_of(project.db, ArticleQuery("ann", state="done"), ids[5]) is None
    assert row_of(project.db, ArticleQuery("ann", search="Kyiv"), ids[5]) == 2
    assert progress(project.db, "ann") == (1, 30)


def test_next_unfinished_stays_in_the_listing(listed):
    project, ids = listed
    kyiv = ArticleQuery("ann", search="Kyiv")  # the odd articles
    assert next_unfinished(project.db, kyiv, ids[1]) == ids[3]
    assert next_unfinished(project.db, kyiv, ids[29]) == ids[1]  # from the top again
    assert next_unfinished(project.db, kyiv, ids[29], wrap=False) is None
    assert next_unfinished(project.db, ArticleQuery("ann"), ids[1]) == ids[3]  # ids[2] is done
    for n in range(1, 30, 2):
        edits.perform(project, edits.set_state, ids[n], "done", annotator="ann")
    assert next_unfinished(project.db, kyiv, ids[1]) is None
    assert project.list_next_unfinished(ArticleQuery("ann", state="new"), ids[1]) == ids[4]


def test_blind_counts_only_the_suggestions_blind_labelling_shows(listed):
    project, ids = listed
    with project.transaction():
        span_rows.insert(project.db, Span(ids[0], 17, 22, "LOCATION", origin="memory", status="suggested"))
    assert page(project.db, ArticleQuery("ann"), 0, 1)[0].suggestions == 3
    assert page(project.db, ArticleQuery("ann", blind=True), 0, 1)[0].suggestions == 2

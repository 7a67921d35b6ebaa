"""The store's named queries: what the rest of the program asks of a project file."""

from __future__ import annotations

import pytest

from annotator.core import edits
from annotator.core.batching import batched
from annotator.core.errors import EditError, StorageError


def _articles(project, n: int) -> list[int]:
    with project.transaction():
        placed = project.add_articles([{"text": f"Story number {i}."} for i in range(n)])
    return [article_id for article_id, _ in placed]


def test_next_unfinished_wraps_round_only_when_asked(project):
    ids = _articles(project, 4)
    for article_id in (ids[2], ids[3]):
        edits.perform(project, edits.set_state, article_id, "done", annotator="ann")
    edits.perform(project, edits.set_state, ids[0], "skipped", annotator="ann")
    assert project.next_unfinished("ann") == ids[1]
    assert project.next_unfinished("ann", ids[1]) is None
    assert project.next_unfinished("ann", ids[1], wrap=True) == ids[1]
    assert project.next_unfinished("other", ids[3], wrap=True) == ids[0]
    edits.perform(project, edits.set_state, ids[1], "done", annotator="ann")
    assert project.next_unfinished("ann", ids[1], wrap=True) is None


def test_bulk_reads_keep_the_order_asked_across_batches(project):
    ids = _articles(project, 1203)
    wanted = [ids[-1], ids[0], *ids[500:1001], 999_999]
    assert [a.id for a in project.articles(wanted)] == wanted[:-1]
    assert [i for _, i in project.article_texts(wanted)] == wanted[:-1]
    assert project.has_article(ids[7]) and not project.has_article(999_999)
    assert project.first_article_id() == ids[0]


def test_untouched_ids_leave_out_articles_someone_worked_on(project):
    ids = _articles(project, 3)
    edits.perform(project, edits.add_span, ids[1], 0, 5, "ACTOR", annotator="ann")
    assert project.untouched_ids() == [ids[0], ids[2]]


def test_a_missing_span_is_an_edit_error_not_a_key_error(project):
    with pytest.raises(EditError, match="no span with id 42"):
        project.span(42)


def test_a_database_refusal_comes_out_as_a_storage_error(project):
    ids = _articles(project, 1)
    with pytest.raises(StorageError, match="FOREIGN KEY"), project.transaction():
        project.write_state(ids[0] + 100, "ann", "done")  # no such article: a foreign key refuses it
    assert project.state(ids[0] + 100, "ann") == "new"


def test_batched_cuts_a_stream_without_reading_ahead():
    read = []

    def stream():
        for i in range(7):
            read.append(i)
            yield i

    batches = batched(stream(), 3)
    assert next(batches) == [0, 1, 2] and read == [0, 1, 2]
    assert list(batches) == [[3, 4, 5], [6]]
    with pytest.raises(ValueError):
        next(batched([1], 0))

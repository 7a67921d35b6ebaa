"""Annotation memory learns "the state when the article is left OR marked done" (issue 14,
item 3): a done (or reviewed) article that stays open in a window counts, in every process;
one set back to unfinished, or edited again while open, is left out again (until it is left or
marked done again), and an open article that is not done stays out."""

from __future__ import annotations

from annotator.core import edits
from annotator.core.store import articles, open_project
from annotator.core.suggest.memory import remembered

OPEN = "The convoy reached the Abu Shouk camp on Monday with Oxfam."
WHERE = OPEN.index("Abu Shouk")


def one_article(project):
    with project.transaction():
        [(article_id, _)] = articles.insert_batch(project.db, [{"text": OPEN}])
    return article_id


def test_a_done_article_left_open_counts_in_another_process(project_path):
    window = open_project(project_path, create=True, lock=True)
    first = one_article(window)
    window.note_open_article("ann", first)
    edits.perform(window, edits.add_span, first, WHERE, WHERE + 9, "LOCATION", annotator="ann")
    with open_project(project_path) as cli:  # `annotator suggest` from a shell
        assert remembered(cli) == {}  # open, not done: half-done decisions stay out
        done = edits.perform(window, edits.set_state, first, "done", annotator="ann")
        assert remembered(cli) == {"Abu Shouk": "LOCATION"}  # still open, but done
        edits.revert(window, done)  # Ctrl+Z: set back to unfinished, out again
        assert window.state(first, "ann") == "in_progress" and remembered(cli) == {}
        edits.reapply(window, done)  # Ctrl+Shift+Z: done again
        assert remembered(cli) == {"Abu Shouk": "LOCATION"}
    window.close()


def test_edits_after_done_while_open_count_once_left_or_marked_done_again(project_path):
    """Done, then a boundary moved again while still open: "Shouk" is an intermediate state
    (as in the issue's "Army"), not learnt until the article is left or marked done again."""
    window = open_project(project_path, create=True, lock=True)
    first = one_article(window)
    window.note_open_article("ann", first)
    span = edits.perform(window, edits.add_span, first, WHERE, WHERE + 9, "LOCATION", annotator="ann")
    edits.perform(window, edits.set_state, first, "done", annotator="ann")
    oxfam = OPEN.index("Oxfam")
    with open_project(project_path) as cli:
        assert remembered(cli) == {"Abu Shouk": "LOCATION"}
        moved = edits.perform(window, edits.resize, span.focus_span_id, WHERE + 4, WHERE + 9, annotator="ann")
        assert window.state(first, "ann") == "done" and remembered(cli) == {}  # "Shouk" is not learnt
        edits.perform(window, edits.resize, moved.focus_span_id, WHERE, WHERE + 9, annotator="ann")
        edits.perform(window, edits.add_span, first, oxfam, oxfam + 5, "ACTOR", annotator="ann")
        assert remembered(cli) == {}
        edits.perform(window, edits.set_state, first, "done", annotator="ann")  # Ctrl+Enter again
        assert remembered(cli) == {"Abu Shouk": "LOCATION", "Oxfam": "ACTOR"}
        edits.perform(window, edits.reject, moved.focus_span_id, annotator="ann")
        assert remembered(cli) == {}
        window.note_open_article("ann", None)  # left: what it says now counts
        assert remembered(cli) == {"Oxfam": "ACTOR"}
    window.close()


def test_reviewed_counts_and_someone_elses_done_does_not(project_path):
    window = open_project(project_path, create=True, lock=True)
    first = one_article(window)
    edits.perform(window, edits.add_span, first, WHERE, WHERE + 9, "LOCATION", annotator="bob")
    edits.perform(window, edits.set_state, first, "done", annotator="bob")
    window.note_open_article("rev", first)  # the reviewer's window has it open, not finished
    with open_project(project_path) as cli:
        assert remembered(cli) == {}
        edits.perform(window, edits.set_state, first, "reviewed", annotator="rev")
        assert remembered(cli) == {"Abu Shouk": "LOCATION"}
    window.close()


def test_the_windows_own_run_counts_its_done_article_for_its_annotator_only(project):
    first = one_article(project)
    edits.perform(project, edits.add_span, first, WHERE, WHERE + 9, "LOCATION", annotator="ann")
    assert remembered(project, editing={first}, editor="ann") == {}
    edits.perform(project, edits.set_state, first, "done", annotator="ann")
    assert remembered(project, editing={first}, editor="ann") == {"Abu Shouk": "LOCATION"}
    assert remembered(project, editing={first}, editor="cat") == {}  # cat has it open, unfinished
    assert remembered(project, editing={first}) == {}  # no editor named: open means unfinished

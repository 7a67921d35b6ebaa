"""Undo and redo from the edit log: per article and annotator, without Qt, across a restart."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core import edits, undo
from annotator.core.errors import EditError
from annotator.core.model import Cause, Change, Span
from annotator.core.store import open_project

TEXT = "Putin said “we agree” in Moscow, said Ushakov."


def _word(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def saved(project_path):
    """A project on disk with two articles and one suggestion (Putin, ACTOR) in the first."""
    with open_project(project_path, create=True) as project, project.transaction():
        [(first, _), (second, _)] = project.add_articles([{"text": TEXT}, {"text": "Another story."}])
        project.add_span(Span(first, *_word("Putin"), "ACTOR", origin="model", status="suggested"))
    return project_path, first, second


def _mine(project, article_id, annotator="ann") -> list[tuple[str, str]]:
    return sorted(
        (TEXT[s.start : s.end], s.label)
        for s in project.spans_for(article_id, annotator)
        if s.annotator == annotator and s.status == "accepted"
    )


def test_undo_after_reopening_takes_back_the_last_edit(saved):
    path, first, _ = saved
    with open_project(path) as project:
        [suggestion] = project.spans_for(first, "ann")
        edits.perform(project, edits.accept, suggestion.id, annotator="ann")
        edits.perform(project, edits.add_span, first, *_word("Moscow"), "LOCATION", annotator="ann")
    with open_project(path) as project:
        assert undo.state(project, first, "ann") == undo.UndoState(undo="add LOCATION", redo=None)
        assert undo.undo(project, first, "ann").name == "add LOCATION"
        assert _mine(project, first) == [("Putin", "ACTOR")]
    with open_project(path) as project:
        assert undo.undo(project, first, "ann").name == "accept ACTOR"
        assert _mine(project, first) == [] and project.state(first, "ann") == "new"
        assert [s.annotator for s in project.spans_for(first, "ann")] == [None]  # the suggestion is back
        assert undo.undo(project, first, "ann") is None
    with open_project(path) as project:
        assert undo.state(project, first, "ann") == undo.UndoState(undo=None, redo="accept ACTOR")
        assert undo.redo(project, first, "ann").name == "accept ACTOR"
        assert undo.redo(project, first, "ann").name == "add LOCATION"
        assert undo.redo(project, first, "ann") is None
        assert _mine(project, first) == [("Moscow", "LOCATION"), ("Putin", "ACTOR")]


def test_undo_and_redo_are_their_own_history_rows(saved):
    path, first, _ = saved
    with open_project(path) as project:
        edits.perform(project, edits.add_span, first, *_word("Moscow"), "LOCATION", annotator="ann")
        undo.undo(project, first, "ann")
        undo.redo(project, first, "ann")
        actions = [row["action"] for row in reversed(project.history(first))]
    assert list(dict.fromkeys(actions)) == ["add LOCATION", "undo add LOCATION", "redo add LOCATION"]


def test_stacks_are_per_article_and_per_annotator(saved):
    path, first, second = saved
    with open_project(path) as project:
        edits.perform(project, edits.add_span, first, *_word("Moscow"), "LOCATION", annotator="ann")
        edits.perform(project, edits.set_state, second, "done", annotator="ann")
        edits.perform(project, edits.add_span, first, *_word("Ushakov"), "ACTOR", annotator="bob")
        assert undo.undo(project, first, "ann").name == "add LOCATION"
        assert project.state(second, "ann") == "done"
        assert _mine(project, first, "bob") == [("Ushakov", "ACTOR")]
        assert undo.undo(project, second, "ann").name == "mark done"
        assert undo.undo(project, first, "bob").name == "add ACTOR"


def test_a_new_edit_empties_the_redo_stack(saved):
    path, first, _ = saved
    with open_project(path) as project:
        edits.perform(project, edits.add_span, first, *_word("Moscow"), "LOCATION", annotator="ann")
        undo.undo(project, first, "ann")
        edits.perform(project, edits.add_span, first, *_word("Ushakov"), "ACTOR", annotator="ann")
        assert undo.redo(project, first, "ann") is None
        assert undo.undo(project, first, "ann").name == "add ACTOR"
        assert undo.undo(project, first, "ann") is None


def test_undo_refuses_when_something_else_changed_the_rows_since(saved):
    path, first, _ = saved
    with open_project(path) as project:
        edits.perform(project, edits.add_span, first, *_word("Moscow"), "LOCATION", annotator="ann")
        with project.transaction():  # e.g. an import marking the article done for ann
            project.write_state(first, "ann", "done")
        with pytest.raises(EditError, match="changed since"):
            undo.undo(project, first, "ann")
        assert _mine(project, first) == [("Moscow", "LOCATION")] and project.state(first, "ann") == "done"


def test_undo_and_redo_commands(saved):
    path, first, _ = saved
    with open_project(path) as project:
        edits.perform(project, edits.add_span, first, *_word("Moscow"), "LOCATION", annotator="ann")

    def run(*args):
        return CliRunner().invoke(cli, [*map(str, args)], catch_exceptions=False)

    result = run("undo", path, "--article", first, "--annotator", "ann")
    assert result.exit_code == 0 and "undone: add LOCATION" in result.output
    result = run("undo", path, "--article", first, "--annotator", "ann")
    assert result.exit_code == 1 and f"error: nothing to undo in article {first} for ann" in result.output
    result = run("redo", path, "--article", first, "--annotator", "ann")
    assert result.exit_code == 0 and "redone: add LOCATION" in result.output
    with open_project(path) as project:
        assert _mine(project, first) == [("Moscow", "LOCATION")]
    result = run("undo", path, "--article", 999)
    assert result.exit_code == 1 and "no article with id 999" in result.output


def test_history_written_before_the_edit_log_is_simply_not_undoable(saved):
    path, first, _ = saved
    with open_project(path) as project, project.transaction():
        project.write_change(
            Change(
                "article_states",
                None,
                {"article_id": first, "annotator": "ann", "state": "done", "updated_at": ""},
            ),
            Cause("ann", "mark done", first),
        )  # a change with no edit-log entry, as every change before schema 4
    with open_project(path) as project:
        assert undo.undo(project, first, "ann") is None and project.state(first, "ann") == "done"


def test_a_stopped_import_keeps_an_article_someone_edited_even_after_undo(project):
    with project.transaction():
        [(article, _)] = project.add_articles([{"text": TEXT}])
        project.note_import("job-1", "articles", [article])
    edits.perform(project, edits.add_span, article, *_word("Moscow"), "LOCATION", annotator="ann")
    undo.undo(project, article, "ann")
    with project.transaction():  # the import stops: its rows are taken back, the edited article stays
        assert project.take_back_import("job-1") == 1
    assert project.has_article(article) and undo.state(project, article, "ann").redo == "add LOCATION"


def test_redo_refuses_when_something_else_changed_the_rows_since(saved):
    path, first, _ = saved
    with open_project(path) as project:
        edits.perform(project, edits.add_span, first, *_word("Moscow"), "LOCATION", annotator="ann")
        undo.undo(project, first, "ann")
        with project.transaction():
            project.write_state(first, "ann", "flagged")
        with pytest.raises(EditError, match="cannot redo 'add LOCATION'"):
            undo.redo(project, first, "ann")
        assert project.state(first, "ann") == "flagged" and _mine(project, first) == []

"""Undo and redo per article and annotator, read from the project's edit log (no Qt).

Every edit, undo and redo is an entry of the append-only edit log, so the stacks are
rebuilt from the file: undo works the same after a restart, from the window or the CLI
(``annotator undo PROJECT --article ID``). An undo or redo is itself written and logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.edits import Edit, check_unchanged, reapply, revert
from annotator.core.errors import EditError
from annotator.core.model import EditRecord

if TYPE_CHECKING:
    from annotator.core.store import Project


@dataclass(frozen=True)
class UndoState:
    """What undo and redo would do now in one article for one annotator (None: nothing)."""

    undo: str | None
    redo: str | None


def stacks(entries: list[EditRecord]) -> tuple[list[int], list[int]]:
    """The ids of the edits that can be undone (last on top) and redone, replaying the log:
    a new edit empties the redo stack, an undo moves its edit across, a redo moves it back."""
    done: list[int] = []
    undone: list[int] = []
    for entry in entries:
        if entry.kind == "do":
            done.append(entry.id)
            undone.clear()
        elif entry.kind == "undo":
            _move(entry.undoes, done, undone)
        else:
            _move(entry.undoes, undone, done)
    return done, undone


def _move(edit_id: int | None, source: list[int], target: list[int]) -> None:
    assert edit_id is not None, "undo and redo entries name the edit they move"
    if edit_id in source:
        source.remove(edit_id)
    target.append(edit_id)


def state(project: Project, article_id: int, annotator: str) -> UndoState:
    """The names of the edits undo and redo would take back or make again."""
    done, undone = stacks(project.edit_entries(article_id, annotator))
    return UndoState(
        undo=_name(project, done[-1]) if done else None,
        redo=_name(project, undone[-1]) if undone else None,
    )


def undo(project: Project, article_id: int, annotator: str) -> Edit | None:
    """Take back the annotator's last edit in the article (None: nothing to undo). EditError
    when its rows were changed since by something else."""
    return _step(project, article_id, annotator, forward=False)


def redo(project: Project, article_id: int, annotator: str) -> Edit | None:
    """Make the last undone edit again (None: nothing to redo)."""
    return _step(project, article_id, annotator, forward=True)


def _step(project: Project, article_id: int, annotator: str, forward: bool) -> Edit | None:
    """Redo (``forward``) or undo the top edit of its stack, in one person's transaction."""
    with project.person_transaction("the redo" if forward else "the undo"):
        done, undone = stacks(project.edit_entries(article_id, annotator))
        stack = undone if forward else done
        if not stack:
            return None
        edit = load(project, stack[-1])
        check_unchanged(project, edit, forward=forward)
        (reapply if forward else revert)(project, edit)
    return edit


def load(project: Project, edit_id: int) -> Edit:
    """The edit of edit-log entry ``edit_id``, with the row changes it wrote."""
    entry = project.edit_entry(edit_id)
    if entry is None:
        raise EditError(f"no edit with id {edit_id} in the edit log")
    return Edit(
        entry.name,
        entry.article_id,
        entry.annotator,
        project.edit_changes(entry.id),
        entry.focus_span_id,
        entry.id,
    )


def _name(project: Project, edit_id: int) -> str:
    entry = project.edit_entry(edit_id)
    return entry.name if entry else "?"

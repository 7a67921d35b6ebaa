"""QUndoCommand wrappers around core edits, and one QUndoStack per article.

An edit is performed (written in its own transaction) before its command is pushed, so the
command's first ``redo`` (which QUndoStack calls on push) does nothing; later redos call
``project.reapply`` and undos ``project.revert``, each written and logged too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from annotator.core.edits import Edit
from annotator.core.errors import AnnotatorError

Refresh = Callable[[Edit, bool], None]


class EditCommand(QUndoCommand):
    """One applied core edit on the undo stack."""

    def __init__(self, project, edit: Edit, refresh: Refresh):
        super().__init__(edit.name)
        self.project, self.edit, self._refresh = project, edit, refresh
        self._pushed = False
        self.error: Exception | None = None  # why the last undo/redo was not saved
        self.skip_once = False  # step the stack back over a failed undo/redo without writing

    def redo(self) -> None:
        if self._step(lambda: self.project.reapply(self.edit) if self._pushed else None):
            self._pushed = True
            self._refresh(self.edit, True)

    def undo(self) -> None:
        if self._step(lambda: self.project.revert(self.edit)):
            self._refresh(self.edit, False)

    def _step(self, write) -> bool:
        """Write, remembering a failure (Qt cannot take an exception out of undo/redo)."""
        self.error = None
        if self.skip_once:
            self.skip_once = False
            return False
        try:
            write()
        except AnnotatorError as exc:
            self.error = exc
            return False
        return True


class ArticleStacks(QUndoGroup):
    """A QUndoStack per article; the open article's stack is the active one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stacks: dict[int, QUndoStack] = {}

    def activate(self, article_id: int) -> QUndoStack:
        stack = self._stacks.get(article_id)
        if stack is None:
            stack = QUndoStack(self)
            self._stacks[article_id] = stack
            self.addStack(stack)
        self.setActiveStack(stack)
        return stack

    def push(self, project, edit: Edit, refresh: Refresh) -> None:
        """Put an already performed edit on its article's stack."""
        self.activate(edit.article_id).push(EditCommand(project, edit, refresh))

    def clear(self) -> None:
        for stack in self._stacks.values():
            stack.clear()

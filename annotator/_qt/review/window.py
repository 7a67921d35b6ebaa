"""Review mode: every annotator's version of an article overlaid, disagreements first in the
side panel, settled from the keyboard into the reviewer's own decisions.

Keys: ``n``/``p`` next/previous disagreement, ``1``..``9`` take annotator N's version of the
focused region, ``v`` focus the region's next alternative version, ``a`` accept the focused
version (at first the majority's; pressed again on the version you already have, it moves on to
the next alternative and accepts that), ``x`` reject every version, ``Shift+A`` accept
everything all annotators agree on, ``Ctrl+Enter`` mark reviewed and open the next article
needing review, ``c`` comment on the focused span (or the article), ``Ctrl+Z``/``Ctrl+Shift+Z``
undo/redo, ``h`` history of the article / the focused span; the labelling window's edit keys
fix your span in the region (see :mod:`annotator._qt.review.fixing`: ``[ ]``, ``Shift+[ ]``,
``s``, ``e``, ``Delete``, ``Alt`` + a label's hotkey).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog

from annotator._qt.annotating import SECOND_LABEL
from annotator._qt.review.canvas import ReviewCanvas
from annotator._qt.review.fixing import FIX_KEYS, SpanFixer, label_keys
from annotator._qt.review.region_text import keys_text
from annotator.core import edits, undo
from annotator.core import review as adjudicate
from annotator.core.errors import AnnotatorError
from annotator.core.review import Key, add_comment

KEYS = (
    ("next", ("N",), "Next disagreement, or agreed region where yours differs"),
    ("prev", ("P",), "Previous disagreement, or agreed region where yours differs"),
    ("version", ("V",), "Focus the next alternative version of the region (a accepts it)"),
    ("accept", ("A",), "Accept the focused version (again: the next alternative)"),
    ("reject", ("X",), "Reject every version of the focused region"),
    ("accept_agreed", ("Shift+A",), "Accept everything all annotators agree on"),
    ("reviewed_next", ("Ctrl+Return", "Ctrl+Enter"), "Mark reviewed, open the next article to review"),
    ("comment", ("C",), "Comment on the focused span (or the article)"),
    ("undo", ("Ctrl+Z",), "Undo"),
    ("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo"),
    ("history", ("H",), "History: the focused span / the whole article"),
)


class ReviewWindow(ReviewCanvas):
    """Review mode for one reviewer on an open (writable) project: the picture
    (:class:`ReviewCanvas`) and the keys that move around it and settle its regions."""

    def __init__(self, project, reviewer: str, parent=None, palette: str = "scheme"):
        super().__init__(project, reviewer, parent, palette)
        self.fixer = SpanFixer(self, self._perform, self.message.emit)
        self._actions()

    # -- keys ----------------------------------------------------------------------------
    def _actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        menu = self.menuBar().addMenu("&Review")
        for name, keys, text in KEYS:
            self._add_action(menu, name, keys, text, getattr(self, name))
        for n in range(1, 10):
            self._add_action(
                menu, f"take_{n}", (str(n),), f"Take annotator {n}'s version", lambda n=n: self.take(n)
            )
        fix = self.menuBar().addMenu("&Fix span")
        for name, keys, text in FIX_KEYS:
            self._add_action(fix, name, keys, text, lambda name=name: self.fixer.run(name))
        for label in self.project.scheme.labels:
            if label.hotkey:
                self._add_action(
                    fix,
                    f"label_{label.name}",
                    (label_keys(label.hotkey),),
                    f"Label the selection (or relabel the focused span) {label.name}",
                    lambda name=label.name: self.fixer.label(name),
                )
        menu.addSeparator()
        menu.addAction("Close review", self.close)

    def _add_action(self, menu, name: str, keys: tuple[str, ...], text: str, handler) -> None:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setEnabled(not self.project.read_only)
        action.triggered.connect(lambda _checked=False: handler())
        menu.addAction(action)
        self.actions_by_name[name] = action
        if name in ("next", "prev", "history"):
            action.setEnabled(True)

    # -- moving --------------------------------------------------------------------------
    def _step(self, delta: int) -> None:
        """``n``/``p``: the next region that needs a decision, a disagreement or an agreed
        region where the reviewer's own result differs; every region when none does."""
        disputed = [i for i, r in enumerate(self.regions) if not r.agreed or r.reviewer_differs]
        disputed = disputed or list(range(len(self.regions)))
        if not disputed:
            self.message.emit("No regions in this article.")
            return
        later = [i for i in disputed if (i - self.focus) * delta > 0]
        if not later:
            self.message.emit("Last disagreement." if delta > 0 else "First disagreement.")
            return
        target = min(later) if delta > 0 else max(later)
        self.list.setCurrentRow(target)

    def next(self) -> None:
        self._step(+1)

    def prev(self) -> None:
        self._step(-1)

    # -- settling ------------------------------------------------------------------------
    def _perform(self, build, *args) -> bool:
        """Perform one edit and show it; False (and the reason in the status bar) if not."""
        try:
            edit = edits.perform(self.project, build, *args)
        except AnnotatorError as exc:
            self.message.emit(str(exc))
            return False
        if edit.focus_span_id is not None:
            self.fix_id = edit.focus_span_id
        self.message.emit(f"Saved: {edit.name}")
        self._after_edit()
        return True

    def _after_edit(self) -> None:
        if self.article_id is not None:
            self.edited_here.add(self.article_id)
        self.reload()
        self.edited.emit(self.article_id)

    def _region(self):
        if not self.regions:
            self.message.emit("Nothing to settle here.")
            return None
        return self.regions[self.focus]

    def take(self, number: int) -> None:
        """Take annotator ``number``'s version of the focused region."""
        region = self._region()
        if region is None:
            return
        if number > len(self.names):
            self.message.emit(f"There is no annotator {number} on this article.")
            return
        self._take(region, region.version_of(self.names[number - 1]), "Saved: take version")

    def version(self) -> None:
        """Focus the region's next alternative version (``a`` accepts it)."""
        region = self._region()
        if region is None:
            return
        versions = region.alternatives(self.names)
        self.pick = (self.pick + 1) % len(versions)
        self.message.emit(
            f"Version {self.pick + 1} of {len(versions)}: {self._version_text(versions)} (a accepts it)"
        )

    def accept(self) -> None:
        """Accept the focused version; on the version the reviewer already has, move on to the
        next alternative and accept that (so repeated presses go round the versions)."""
        region = self._region()
        if region is None:
            return
        versions = region.alternatives(self.names)
        self.pick %= len(versions)
        if versions[self.pick][0] == region.accepted and len(versions) > 1:
            self.pick = (self.pick + 1) % len(versions)
        keys = versions[self.pick][0]
        pick, text = self.pick, self._version_text(versions)
        if self._take(region, keys, f"Saved: version {pick + 1} of {len(versions)}: {text}"):
            self.pick = pick

    def _take(self, region, keys: list[Key], saved: str) -> bool:
        """Make ``keys`` the reviewer's version of ``region``, never a second entity label on a
        token; the status bar says ``saved`` and how many spans were left, and why. A version whose
        spans would all be left is not taken: the region stays as it was."""
        if self.article_id is None:
            return False
        try:
            taken, skipped = adjudicate.version_split(
                self.project, self.article_id, self.reviewer, region, keys
            )
        except AnnotatorError as exc:
            self.message.emit(str(exc))
            return False
        if skipped and not taken:  # the version can't be taken at all: leave the region as it is
            self.message.emit(f"Not taken: {len(skipped)} span(s) of that version {SECOND_LABEL}")
            return False
        if not self._perform(adjudicate.take_version, self.article_id, self.reviewer, region, keys):
            return False
        self.message.emit(saved + (f"; left {len(skipped)} that {SECOND_LABEL}" if skipped else ""))
        return True

    def _version_text(self, versions: list[tuple[list[Key], list[str]]]) -> str:
        keys, givers = versions[self.pick]
        return f"{', '.join(givers)}: {keys_text(keys, self.text)}"

    def reject(self) -> None:
        region = self._region()
        if region is not None:
            self._perform(adjudicate.take_version, self.article_id, self.reviewer, region, [])

    def accept_agreed(self) -> None:
        """Shift+A: accept what all annotators agree on, never a second entity label on a
        token; the status bar says how many agreed spans were left, and why."""
        if self.article_id is None:
            return
        try:
            taken, skipped = adjudicate.agreed_split(self.project, self.article_id, self.reviewer, self.names)
        except AnnotatorError as exc:
            self.message.emit(str(exc))
            return
        why = SECOND_LABEL
        if not taken:
            self.message.emit(
                f"Not accepted: {len(skipped)} agreed span(s) {why}"
                if skipped
                else "Nothing agreed to accept"
            )
            return
        if not self._perform(adjudicate.accept_agreed, self.article_id, self.reviewer, self.names):
            return
        more = f"; left {len(skipped)} that {why}" if skipped else ""
        self.message.emit(f"Saved: accepted {len(taken)} agreed span{'s' if len(taken) > 1 else ''}{more}")

    def reviewed_next(self) -> None:
        if self.article_id is None:
            return
        self._perform(edits.set_state, self.article_id, "reviewed", self.reviewer)
        if not self.open_next():
            self.message.emit("Every article that needs review is reviewed.")

    def comment(self) -> None:
        if self.article_id is None:
            return
        span_id = self._focused_span_id()
        where = "the focused span" if span_id else "the article"
        text, ok = QInputDialog.getText(self, "Note", f"Note on {where}:")
        if ok and text.strip():
            self._perform(add_comment, self.article_id, text, self.reviewer, span_id)

    def undo(self) -> None:
        self._undo_redo(undo.undo)

    def redo(self) -> None:
        self._undo_redo(undo.redo)

    def _undo_redo(self, step) -> None:
        if self.article_id is None:
            return
        try:
            edit = step(self.project, self.article_id, self.reviewer)
        except AnnotatorError as exc:
            self.message.emit(str(exc))
            return
        self.message.emit(
            f"{step.__name__.capitalize()}: {edit.name}" if edit else f"Nothing to {step.__name__}."
        )
        self._after_edit()

    def history(self) -> None:
        self.history_scope_span = not self.history_scope_span
        self._show_history()
        self.message.emit(f"History of {self.history_panel.scope}")

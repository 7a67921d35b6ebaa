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

import json
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
)

from annotator._qt.review.fixing import FIX_KEYS, SpanFixer, label_keys
from annotator._qt.review.history_panel import HistoryPanel
from annotator._qt.review.layout import beside_column
from annotator._qt.review.overlay_view import PEN_STYLES, Lane, OverlayTextView
from annotator._qt.widgets.text_view import DrawSpan
from annotator.core import edits, undo
from annotator.core import review as adjudicate
from annotator.core.errors import AnnotatorError
from annotator.core.offsets import OffsetMap
from annotator.core.review import Cluster, Key, add_comment, comments_of

LANE_NAMES = {
    Qt.PenStyle.SolidLine: "solid",
    Qt.PenStyle.DashLine: "dashed",
    Qt.PenStyle.DotLine: "dotted",
    Qt.PenStyle.DashDotLine: "dash-dot",
    Qt.PenStyle.DashDotDotLine: "dash-dot-dot",
}

KEYS = (
    ("next", ("N",), "Next disagreement"),
    ("prev", ("P",), "Previous disagreement"),
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


class ReviewWindow(QMainWindow):
    """Review mode for one reviewer on an open (writable) project."""

    edited = Signal(int)
    message = Signal(str)

    def __init__(self, project, reviewer: str, parent=None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.project, self.reviewer = project, reviewer
        self.colors = {label.name: label.color for label in project.scheme.labels}
        self.article_id: int | None = None
        self.text, self.focus = "", 0
        self.names: list[str] = []
        self.regions: list[Cluster] = []
        self.history_scope_span = True
        self.fix_id: int | None = None  # the reviewer's span the edit keys fix
        self.pick = 0  # the focused alternative version of the focused region
        self.view = OverlayTextView()
        self.view.spanClicked.connect(self._clicked)
        self.legend, self.list, self.notes = QLabel(), QListWidget(), QLabel()
        for label in (self.legend, self.notes):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
        self.list.currentRowChanged.connect(self._row_chosen)
        self.history_panel = HistoryPanel(project)
        self.fixer = SpanFixer(self, self._perform, self.message.emit)
        self._layout()
        self._actions()
        self.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.setWindowTitle(f"Review — {project.path.name} — reviewer {reviewer}")
        self.resize(1280, 820)

    # -- building ------------------------------------------------------------------------
    def _layout(self) -> None:
        column = [
            (self.legend, 0),
            (QLabel("<b>Regions</b> (disagreements first)"), 0),
            (self.list, 3),
            (QLabel("<b>Notes</b>"), 0),
            (self.notes, 1),
        ]
        top = beside_column(self.view, column, (820, 420))
        whole = QSplitter(Qt.Orientation.Vertical)
        whole.addWidget(top)
        whole.addWidget(self.history_panel)
        whole.setSizes([600, 200])
        self.setCentralWidget(whole)

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

    # -- showing -------------------------------------------------------------------------
    def open_article(self, article_id: int) -> None:
        """Show ``article_id`` with every annotator's version; focus its first disagreement."""
        self.article_id = article_id
        self.text = self.project.article(article_id).text
        self.offsets = OffsetMap(self.text, collapse_crlf=True)
        self.names = adjudicate.review_annotators(self.project, article_id, self.reviewer)
        self.view.show_article(self.text, [], None)
        self.fixer.state = None
        self.view.snapper = lambda a, b: self.fixer.state.snap_qt(a, b) if self.fixer.state else None
        self.view.token_at = lambda pos: self.fixer.state.token_at_qt(pos) if self.fixer.state else None
        self.focus, self.fix_id = 0, None
        self.reload()
        self.view.setFocus()

    def open_next(self) -> bool:
        """Open the next article needing review; False when there is none."""
        following = adjudicate.next_to_review(self.project, self.reviewer, self.article_id or 0)
        if following is None:
            return False
        self.open_article(following)
        return True

    def reload(self) -> None:
        if self.article_id is None:
            return
        self.regions = adjudicate.clusters(self.project, self.article_id, self.reviewer, self.names)
        self.focus = min(self.focus, max(len(self.regions) - 1, 0))
        self.fixer.load(self.article_id, self.fix_id)
        fixed = self.fixer.state.focused() if self.fixer.state else None
        if fixed is None:
            self._focus_region_span()
        else:  # follow the fixed span to its (possibly re-sorted or regrown) region
            self.focus = next(
                (i for i, r in enumerate(self.regions) if r.start <= fixed.start < r.end), self.focus
            )
        self._draw()
        self._fill_list()
        self._show_notes()
        self._show_history()

    def _draw(self) -> None:
        mine = [
            s
            for s in self.project.spans_for(self.article_id, self.reviewer)
            if s.annotator == self.reviewer and s.status == "accepted"
        ]
        spans = [
            DrawSpan(
                s.id, *self.offsets.span_to_units(s.start, s.end), self.colors.get(s.label, "#999"), False
            )
            for s in mine
        ]
        lanes = []
        for lane, name in enumerate(self.names):
            for span in self.project.spans_for(self.article_id, name):
                if span.annotator == name and span.status == "accepted":
                    lanes.append(
                        Lane(
                            *self.offsets.span_to_units(span.start, span.end),
                            self.colors.get(span.label, "#999"),
                            lane,
                        )
                    )
        region = self.regions[self.focus] if self.regions else None
        box = self.offsets.span_to_units(region.start, region.end) if region else None
        self.view.set_spans(spans, self.fix_id)
        self.view.set_lanes(lanes, box)
        if box:
            self.view.select(*box)  # scrolls the region into view; a selection would be labelled
            cursor = self.view.textCursor()
            cursor.clearSelection()
            self.view.setTextCursor(cursor)
        self.legend.setText(self._legend_html())

    def _legend_html(self) -> str:
        state = self.project.state(self.article_id, self.reviewer)
        rows = [f"<b>Article {self.article_id}</b> · your state: <b>{escape(state)}</b><br>"]
        for i, name in enumerate(self.names):
            style = LANE_NAMES[PEN_STYLES[i % len(PEN_STYLES)]]
            rows.append(
                f"<b>{i + 1}</b> {escape(name)} <span style='color:#666'>({style} underline, lane {i + 1})</span><br>"
            )
        rows.append(f"<span style='color:#666'>filled: your result as {escape(self.reviewer)}</span>")
        return "".join(rows)

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for region in self.regions:
            item = QListWidgetItem(self._describe(region))
            item.setForeground(Qt.GlobalColor.darkGreen if region.agreed else Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        self.list.setCurrentRow(self.focus if self.regions else -1)
        self.list.blockSignals(False)

    def _describe(self, region: adjudicate.Cluster) -> str:
        words = " ".join(self.text[region.start : region.end].split())
        head = ("agreed" if region.agreed else "DISAGREE") + f": “{words[:60]}”"
        lines = [head]
        for i, name in enumerate(self.names):
            lines.append(f"  {i + 1} {name}: {_keys_text(region.version_of(name), self.text)}")
        lines.append(f"  you: {_keys_text(region.reviewer, self.text)}")
        return "\n".join(lines)

    def _show_notes(self) -> None:
        if self.article_id is None:
            return
        notes = comments_of(self.project, [self.article_id]).get(self.article_id, [])
        if not notes:
            self.notes.setText("<span style='color:#777'>none yet (<b>c</b> adds one)</span>")
            return
        rows = []
        for note in notes:
            where = (
                f"on {note['label']} {note['start']}..{note['end']}" if note["span_id"] else "on the article"
            )
            rows.append(f"<b>{escape(note['annotator'] or '')}</b> {where}: {escape(note['text'])}")
        self.notes.setText("<br>".join(rows))

    def _show_history(self) -> None:
        span_id = self._focused_span_id() if self.history_scope_span else None
        self.history_panel.show_for(self.article_id, span_id)

    def _focused_span_id(self) -> int | None:
        return self.fix_id

    def _focus_region_span(self) -> None:
        """Give the edit keys the reviewer's first span in the focused region (if any), and
        focus the alternative version the reviewer has (else the majority's)."""
        region = self.regions[self.focus] if self.regions else None
        state = self.fixer.state
        inside = [
            s for s in (state.spans if state else []) if region and region.start <= s.start < region.end
        ]
        self.fix_id = inside[0].id if inside else None
        if state is not None:
            state.focus_id = self.fix_id
        versions = [keys for keys, _ in region.alternatives(self.names)] if region else []
        self.pick = versions.index(region.accepted) if region and region.accepted in versions else 0

    # -- moving --------------------------------------------------------------------------
    def _row_chosen(self, row: int) -> None:
        if 0 <= row < len(self.regions):
            self.focus = row
            self._focus_region_span()
            self._draw()
            self._show_history()

    def _clicked(self, span_id: int) -> None:
        span = self.project.span(span_id)
        for i, region in enumerate(self.regions):
            if region.start <= span.start < region.end:
                self._row_chosen(i)
                self.list.setCurrentRow(i)
        if self.fixer.state and self.fixer.state.span(span_id):  # one of the reviewer's spans
            self.fix_id = self.fixer.state.focus_id = span_id
            self._draw()
            self._show_history()

    def _step(self, delta: int) -> None:
        disputed = [i for i, r in enumerate(self.regions) if not r.agreed] or list(range(len(self.regions)))
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
    def _perform(self, build, *args) -> None:
        try:
            edit = edits.perform(self.project, build, *args)
        except AnnotatorError as exc:
            self.message.emit(str(exc))
            return
        if edit.focus_span_id is not None:
            self.fix_id = edit.focus_span_id
        self.message.emit(f"Saved: {edit.name}")
        self._after_edit()

    def _after_edit(self) -> None:
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
        keys = region.version_of(self.names[number - 1])
        self._perform(adjudicate.take_version, self.article_id, self.reviewer, region, keys)

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
        self._perform(adjudicate.take_version, self.article_id, self.reviewer, region, keys)
        self.pick = pick
        self.message.emit(f"Saved: version {pick + 1} of {len(versions)}: {text}")

    def _version_text(self, versions: list[tuple[list[Key], list[str]]]) -> str:
        keys, givers = versions[self.pick]
        return f"{', '.join(givers)}: {_keys_text(keys, self.text)}"

    def reject(self) -> None:
        region = self._region()
        if region is not None:
            self._perform(adjudicate.take_version, self.article_id, self.reviewer, region, [])

    def accept_agreed(self) -> None:
        if self.article_id is not None:
            self._perform(adjudicate.accept_agreed, self.article_id, self.reviewer, self.names)

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


def _keys_text(keys: list[Key], text: str = "") -> str:
    """A version as the side panel lists it: label, range, attributes, a QUOTE's speaker."""
    if not keys:
        return "—"
    shown = []
    for start, end, label, attrs, speaker in sorted(keys):
        values = {k: v for k, v in json.loads(attrs).items() if v is not None}
        extra = " " + ", ".join(f"{k}={v}" for k, v in values.items()) if values else ""
        said = f" said by “{' '.join(text[speaker[0] : speaker[1]].split())}”" if speaker else ""
        shown.append(f"{label} {start}..{end}{extra}{said}")
    return "; ".join(shown)

"""The review window's picture: every annotator's version of an article overlaid, its regions
(disagreements first) in the side panel, their notes and history; it keeps the focus that
the keys (:mod:`annotator._qt.review.window`) move."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMainWindow, QSplitter

from annotator._qt.label_style import label_styles
from annotator._qt.open_article import OpenArticleNote
from annotator._qt.review.fixing import SpanFixer
from annotator._qt.review.history_panel import HistoryPanel
from annotator._qt.review.layout import beside_column
from annotator._qt.review.overlay_view import PEN_STYLES, Lane, OverlayTextView
from annotator._qt.review.region_text import describe_region
from annotator._qt.widgets.text_view import DrawSpan
from annotator.core import review as adjudicate
from annotator.core.offsets import OffsetMap
from annotator.core.review import Cluster, comments_of

YOURS_DIFFER_COLOR = "#b35900"  # an agreed region where the reviewer's result is something else
LANE_NAMES = {
    Qt.PenStyle.SolidLine: "solid",
    Qt.PenStyle.DashLine: "dashed",
    Qt.PenStyle.DotLine: "dotted",
    Qt.PenStyle.DashDotLine: "dash-dot",
    Qt.PenStyle.DashDotDotLine: "dash-dot-dot",
}


def _region_color(region: Cluster) -> QColor:
    """Green agreed, red disagreed, orange agreed but the reviewer's result differs."""
    if region.reviewer_differs:
        return QColor(YOURS_DIFFER_COLOR)
    return QColor(Qt.GlobalColor.darkGreen if region.agreed else Qt.GlobalColor.darkRed)


class ReviewCanvas(QMainWindow):
    """Draws review mode for one reviewer; :class:`~annotator._qt.review.window.ReviewWindow`
    adds its keys (and the span fixer they share)."""

    edited = Signal(int)
    left = Signal(int)  # an article edited here was left: annotation memory may learn it now
    message = Signal(str)
    fixer: SpanFixer

    def __init__(self, project, reviewer: str, parent=None, palette: str = "scheme"):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.project, self.reviewer = project, reviewer
        self.article_id: int | None = None
        self.open_note = OpenArticleNote(project, self, view="review")  # memory leaves it out
        self.edited_here: set[int] = set()  # edited since opened: memory learns once left
        self.set_palette(palette)
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
        self._layout()
        self.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.setWindowTitle(f"Review — {project.path.name} — reviewer {reviewer}")
        self.resize(1280, 820)

    def set_palette(self, palette: str) -> None:
        """Colour the labels with ``palette`` (label_style.PALETTES), as the annotating view does."""
        styles = label_styles(self.project.scheme, palette)
        self.colors = {name: style.color for name, style in styles.items()}
        if self.article_id is not None:
            self._draw()

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

    # -- showing -------------------------------------------------------------------------
    def open_article(self, article_id: int) -> None:
        """Show ``article_id`` with every annotator's version; focus its first disagreement."""
        self._leave(article_id)
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

    def _leave(self, following: int | None) -> None:
        """Record ``following`` as this window's open article (None: none), as the annotating
        view does, so memory in every process learns the article left only now; ``left``
        says so when it was edited here."""
        gone = self.article_id
        self.open_note.note(self.reviewer, following)
        if gone is not None and gone != following and gone in self.edited_here:
            self.edited_here.discard(gone)
            self.left.emit(gone)

    def closeEvent(self, event) -> None:
        """Closing review mode leaves its article (reopening it opens one again)."""
        self._leave(None)
        super().closeEvent(event)

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
            item = QListWidgetItem(describe_region(region, self.names, self.text))
            item.setForeground(_region_color(region))
            if region.reviewer_differs:
                item.setToolTip("Every annotator agrees here, but your result differs (a takes theirs)")
            self.list.addItem(item)
        self.list.setCurrentRow(self.focus if self.regions else -1)
        self.list.blockSignals(False)

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

"""The article text with its spans painted in label colours.

Accepted spans are filled with a solid underline; suggestions get a faint fill and a dashed
underline; each label has an underline shape of its own (``label_style``), so labels differ
without colour; nested spans are inset and underlined one step higher per level, so a QUOTE holding
ACTORs shows both; the focused span is boxed. Only the spans in view are painted. Paragraphs
(text blocks) are set apart by a gap that scales with the font (``ParagraphGapLayout``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QToolTip

from annotator._qt.label_style import underline_path

Snapper = Callable[[int, int], "tuple[int, int] | None"]


@dataclass(frozen=True)
class DrawSpan:
    """A span as drawn: Qt positions, colour, kind and nesting depth."""

    id: int
    start: int
    end: int
    color: str
    suggested: bool
    depth: int = 0
    underline: str = "single"


TEXT_POINTS = 12  # the article text's smallest size: larger than most menus'
PARAGRAPH_GAP = 0.6  # the space after a paragraph, in line spacings of the text's font
SEARCH_HIT = QColor(255, 200, 0, 120)  # a search's matching words: translucent over span fills


class ParagraphGapLayout(QPlainTextDocumentLayout):
    """A plain-text layout that adds a gap below each paragraph followed by another one.

    QPlainTextDocumentLayout ignores block margins and line height, but QPlainTextEdit stacks,
    paints and hit-tests blocks by ``blockBoundingRect``: a taller rect is a gap under the text.
    A blank line already separates paragraphs, so no gap goes next to an empty block.
    """

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)
        following = block.next()
        if rect.height() > 0 and following.isValid() and block.length() > 1 and following.length() > 1:
            rect.setHeight(rect.height() + self.gap())
        return rect

    def gap(self) -> float:
        """The space after a paragraph, in pixels: it follows the document's font size."""
        return round(PARAGRAPH_GAP * QFontMetricsF(self.document().defaultFont()).lineSpacing())


class SpanTextView(QPlainTextEdit):
    """Read-only article text; mouse selections snap to token edges through ``snapper``."""

    spanClicked = Signal(int)
    painted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._gap_layout = ParagraphGapLayout(self.document())
        self.document().setDocumentLayout(self._gap_layout)
        self.setDocument(self.document())  # the view keeps a pointer to its layout: renew it
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(False)
        self._follow_app_font()
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self._spans: list[DrawSpan] = []
        self._focus_id: int | None = None
        self.snapper: Snapper | None = None
        self.token_at: Callable[[int], tuple[int, int] | None] | None = None
        self.describe: Callable[[int], str] | None = None  # a span's tooltip (its label in words)

    def _follow_app_font(self) -> None:
        """The text in TEXT_POINTS, or larger when the font size setting asks for more."""
        size = max(TEXT_POINTS, QApplication.font().pointSize())
        self.setFont(QFont("DejaVu Sans", size))

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:  # the Settings' font size
            self._follow_app_font()
        return super().event(event)

    # -- content -----------------------------------------------------------------------
    def show_article(self, text: str, spans: list[DrawSpan], focus_id: int | None) -> None:
        """Replace the text and its spans."""
        self._spans, self._focus_id = _paint_order(spans), focus_id
        self.setExtraSelections([])
        self.setPlainText(text)
        self.document().setDocumentMargin(14)

    def show_hits(self, hits: list[tuple[int, int]], scroll: bool) -> None:
        """Highlight a search's matching words (Qt ranges); with ``scroll``, put the cursor on
        the first one and bring it into view (``n`` then steps on from the match)."""
        marks = []
        for start, end in hits:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(self.document())
            mark.cursor.setPosition(start)
            mark.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            look = QTextCharFormat()
            look.setBackground(SEARCH_HIT)
            mark.format = look
            marks.append(mark)
        self.setExtraSelections(marks)
        if scroll and hits:
            cursor = self.textCursor()
            cursor.setPosition(hits[0][0])
            self.setTextCursor(cursor)
            self._show_with_context(*hits[0])

    def set_spans(self, spans: list[DrawSpan], focus_id: int | None) -> None:
        """Replace the spans (same text) and repaint."""
        self._spans, self._focus_id = _paint_order(spans), focus_id
        self.viewport().update()

    def set_focus_span(self, focus_id: int | None, with_context: bool = True) -> None:
        """Box the span ``focus_id`` and scroll it into view (with lines around it, unless it
        was clicked: the text must not move under the mouse)."""
        self._focus_id = focus_id
        span = next((s for s in self._spans if s.id == focus_id), None)
        if span is not None:
            cursor = self.textCursor()
            cursor.setPosition(span.start)
            self.setTextCursor(cursor)
            if with_context:
                self._show_with_context(span.start, span.end)
        self.viewport().update()

    def _show_with_context(self, start: int, end: int) -> None:
        """Scroll so ``start``..``end`` (the text cursor at ``start``) has a few lines of text
        around it: centred when it comes near an edge (ensureCursorVisible alone leaves it on
        the very last line while stepping down)."""
        margin = 3 * self.fontMetrics().lineSpacing()
        first, last = QTextCursor(self.document()), QTextCursor(self.document())
        first.setPosition(start)
        last.setPosition(end)
        top, bottom = self.cursorRect(first).top(), self.cursorRect(last).bottom()
        if top < margin or bottom > self.viewport().height() - margin:
            self.centerCursor()

    def top_position(self) -> int:
        """The Qt position starting the first line in view (the line across half a line's
        height from the top: the one above it may show only its lower edge)."""
        return self.cursorForPosition(QPoint(0, self.fontMetrics().lineSpacing() // 2)).position()

    def scroll_to_top_position(self, position: int) -> None:
        """Scroll so that the line holding ``position`` is the first in view (as far as the
        scroll bar goes): the largest scroll value whose first character is not after it."""
        bar = self.verticalScrollBar()
        low, high = 0, bar.maximum()
        while low < high:
            middle = (low + high + 1) // 2
            bar.setValue(middle)
            if self.top_position() <= position:
                low = middle
            else:
                high = middle - 1
        bar.setValue(low)

    def selection(self) -> tuple[int, int] | None:
        """The selected Qt range, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def select(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # -- mouse -------------------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        chosen = self.selection()
        if chosen and self.snapper:
            snapped = self.snapper(*chosen)
            if snapped:
                self.select(*snapped)
            else:
                self._clear_selection()
        elif chosen is None:
            hit = self.span_at(self.cursorForPosition(event.position().toPoint()).position())
            if hit is not None:
                self.spanClicked.emit(hit)

    def mouseDoubleClickEvent(self, event) -> None:
        position = self.cursorForPosition(event.position().toPoint()).position()
        token = self.token_at(position) if self.token_at else None
        if token:
            self.select(*token)
        else:
            super().mouseDoubleClickEvent(event)

    def _clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def span_at(self, position: int) -> int | None:
        """The innermost span covering Qt position ``position``."""
        hits = [s for s in self._spans if s.start <= position < s.end]
        return max(hits, key=lambda s: (s.depth, -s.start)).id if hits else None

    def tooltip_at(self, point: QPoint) -> str:
        """What the tooltip says over viewport ``point``: the innermost span there, in words."""
        hit = self.span_at(self.cursorForPosition(point).position())
        return self.describe(hit) if hit is not None and self.describe is not None else ""

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self.viewport())
        try:
            self._paint_spans(painter)
        finally:  # an unfinished painter would take the process down
            painter.end()
        super().paintEvent(event)
        self.painted.emit()

    def _visible_range(self) -> tuple[int, int]:
        first = self.firstVisibleBlock().position()
        corner = QPoint(self.viewport().width(), self.viewport().height())
        last = self.cursorForPosition(corner).block()
        return first, last.position() + last.length()

    def _paint_spans(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # smooth wavy lines, also at high DPI
        painter.setBrush(Qt.BrushStyle.NoBrush)
        first, last = self._visible_range()
        for span in self._spans:
            if span.start < last and span.end > first:
                self._paint_span(painter, span, span.id == self._focus_id)

    def _paint_span(self, painter: QPainter, span: DrawSpan, focused: bool) -> None:
        color = QColor(span.color)
        inset = min(span.depth, 3) * 2.0
        fill = QColor(color)
        fill.setAlpha(150 if focused else 28 if span.suggested else 85)
        pen = QPen(color.darker(130) if focused else color, 2)
        pen.setStyle(Qt.PenStyle.DashLine if span.suggested and not focused else Qt.PenStyle.SolidLine)
        for rect in self._rects(span.start, span.end):
            box = rect.adjusted(0, inset, 0, -inset)
            painter.fillRect(box, fill)
            painter.setPen(pen)
            if focused:
                painter.drawRect(box.adjusted(1, 1, -1, -1))
            else:
                painter.drawPath(underline_path(span.underline, box.left(), box.right(), box.bottom() - 1))

    def _rects(self, start: int, end: int):
        offset = self.contentOffset()
        bottom = self.viewport().height()
        document = self.document()
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > bottom:
                return
            layout, base = block.layout(), block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                a = max(start - base, line.textStart())
                b = min(end - base, line.textStart() + line.textLength())
                while b > a and document.characterAt(base + b - 1) == " ":  # a wrapped line's end
                    b -= 1
                if a < b:
                    # PySide6's stubs type cursorToX's (x, position) tuple as object
                    x1, x2 = line.cursorToX(a)[0], line.cursorToX(b)[0]  # type: ignore[index]
                    yield QRectF(geo.left() + x1, geo.top() + line.y(), x2 - x1, line.height())
            block = block.next()


def _paint_order(spans: list[DrawSpan]) -> list[DrawSpan]:
    """Outer spans first, so nested ones are painted over them."""
    return sorted(spans, key=lambda s: (s.depth, s.start))

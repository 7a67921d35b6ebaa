"""The article text with every annotator's version drawn in its own lane under the words.

The reviewer's spans are drawn as the annotation window draws accepted spans (filled); each
annotator's spans are an underline in the label colour, one lane (and pen style) per
annotator, numbered as the 1..9 keys take them. The focused region is boxed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen

from annotator._qt.widgets.text_view import SpanTextView

PEN_STYLES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
LANE_STEP = 3.0


@dataclass(frozen=True)
class Lane:
    """One annotator's span, in Qt positions."""

    start: int
    end: int
    color: str
    lane: int


class OverlayTextView(SpanTextView):
    """SpanTextView plus annotator lanes and a boxed focus region."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lanes: list[Lane] = []
        self._region: tuple[int, int] | None = None

    def set_lanes(self, lanes: list[Lane], region: tuple[int, int] | None) -> None:
        self._lanes, self._region = lanes, region
        self.viewport().update()

    def _paint_spans(self, painter: QPainter) -> None:
        super()._paint_spans(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for lane in self._lanes:
            pen = QPen(QColor(lane.color), 2)
            pen.setStyle(PEN_STYLES[lane.lane % len(PEN_STYLES)])
            painter.setPen(pen)
            for rect in self._rects(lane.start, lane.end):
                y = rect.bottom() + 1 - lane.lane * LANE_STEP
                painter.drawLine(rect.left(), y, rect.right(), y)
        if self._region:
            painter.setPen(QPen(QColor("#222222"), 1.5))
            for rect in self._rects(*self._region):
                painter.drawRect(rect.adjusted(-1, -1, 1, 1))

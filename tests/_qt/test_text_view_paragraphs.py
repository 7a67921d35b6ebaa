"""Space between paragraphs in the text view: block heights, clicks, selections, scrolling."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator._qt.widgets.text_view import PARAGRAPH_GAP, SpanTextView

PARAGRAPHS = [
    "First paragraph of the article.",
    "Second one, short.",
    "Third paragraph starts here.",
    "Last.",
]


def _view(qtbot, text: str) -> SpanTextView:
    view = SpanTextView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show_article(text, [], None)
    view.show()
    qtbot.waitExposed(view)
    return view


def _line_heights(view: SpanTextView, block) -> float:
    layout = block.layout()
    return sum(layout.lineAt(i).height() for i in range(layout.lineCount()))


def _gap(view: SpanTextView) -> float:
    return round(PARAGRAPH_GAP * QFontMetricsF(view.document().defaultFont()).lineSpacing())


def test_each_paragraph_but_the_last_has_a_gap_below(qtbot):
    view = _view(qtbot, "\n".join(PARAGRAPHS))
    layout, gap = view.document().documentLayout(), _gap(view)
    assert gap >= 5
    block = view.document().firstBlock()
    for _ in PARAGRAPHS[:-1]:
        assert layout.blockBoundingRect(block).height() == _line_heights(view, block) + gap
        block = block.next()
    margin = view.document().documentMargin()  # the last block has the bottom margin, no gap
    assert layout.blockBoundingRect(block).height() == _line_heights(view, block) + margin


def test_the_gap_survives_new_text_and_follows_the_font_size(qtbot):
    view = _view(qtbot, "a\nb")
    small = _gap(view)
    view.show_article("\n".join(PARAGRAPHS), [], None)  # setPlainText keeps the layout
    first = view.document().firstBlock()
    assert view.blockBoundingRect(first).height() == _line_heights(view, first) + small
    view.setFont(QFont("DejaVu Sans", 24))
    first = view.document().firstBlock()
    assert _gap(view) > small
    assert view.blockBoundingRect(first).height() == _line_heights(view, first) + _gap(view)


def test_blank_lines_get_no_extra_gap(qtbot):
    view = _view(qtbot, "One.\n\nTwo.")
    block = view.document().firstBlock()
    for _ in range(2):  # "One." and the blank line: no gap (the last block has the margin)
        assert view.blockBoundingRect(block).height() == _line_heights(view, block)
        block = block.next()


def test_click_at_the_start_of_the_third_paragraph_puts_the_cursor_there(qtbot):
    text = "\n".join(PARAGRAPHS)
    view = _view(qtbot, text)
    third = view.document().findBlockByNumber(2)
    top = view.blockBoundingGeometry(third).translated(view.contentOffset()).top()
    line = third.layout().lineAt(0)
    point = QPoint(int(view.document().documentMargin()) + 1, int(top + line.height() / 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.textCursor().position() == text.index("Third")
    # a click in the gap under the second paragraph stays in the second paragraph
    second = view.document().findBlockByNumber(1)
    bottom = view.blockBoundingGeometry(second).translated(view.contentOffset()).bottom()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, int(bottom) - 2))
    assert view.textCursor().block().blockNumber() == 1


def test_drag_selection_across_paragraphs_maps_to_the_right_characters(qtbot):
    text = "\n".join(PARAGRAPHS)
    view = _view(qtbot, text)

    def point(position: int) -> QPoint:
        cursor = QTextCursor(view.document())
        cursor.setPosition(position)
        rect = view.cursorRect(cursor)
        return QPoint(rect.left() + 1, rect.center().y())

    start, end = text.index("Second"), text.index("paragraph starts") + len("paragraph")
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(start))
    qtbot.mouseMove(view.viewport(), point(end))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(end))
    assert view.selection() == (start, end)


def test_scrolling_reaches_the_end_of_a_long_article(qtbot):
    paragraphs = [f"Paragraph {i} " + "word " * (10 + i % 30) for i in range(200)]
    view = _view(qtbot, "\n".join(paragraphs))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    last = view.document().lastBlock()
    geo = view.blockBoundingGeometry(last).translated(view.contentOffset())
    assert geo.top() >= 0 and geo.bottom() <= view.viewport().height() + 1
    corner = QPoint(view.viewport().width() // 2, int(geo.top() + last.layout().lineAt(0).height() / 2))
    assert view.cursorForPosition(corner).block().blockNumber() == 199


def test_the_font_size_setting_enlarges_the_text_and_its_gap(qtbot):
    app = QApplication.instance()
    before = app.font()
    view = _view(qtbot, "\n".join(PARAGRAPHS))
    size, gap = view.font().pointSize(), _gap(view)
    try:
        larger = app.font()
        larger.setPointSize(size + 8)
        app.setFont(larger)
        qtbot.waitUntil(lambda: view.font().pointSize() == size + 8, timeout=2000)
        assert view.font().pointSize() == size + 8 and _gap(view) > gap
        first = view.document().firstBlock()
        assert view.blockBoundingRect(first).height() == _line_heights(view, first) + _gap(view)
    finally:
        app.setFont(before)
    qtbot.waitUntil(lambda: view.font().pointSize() == size, timeout=2000)
    assert view.font().pointSize() == size

"""Stepping with n / p keeps the focused span away from the view's edges, with text around it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.core.model import Span
from annotator.core.store import articles, open_project
from annotator.core.store import spans as span_rows

LINES = [f"Line {i} of the report says Putin met envoys again." for i in range(120)]
TEXT = "\n".join(LINES)


def _span_rect(view, span):
    start, end = QTextCursor(view.document()), QTextCursor(view.document())
    start.setPosition(span.start)
    end.setPosition(span.end)
    return view.cursorRect(start).top(), view.cursorRect(end).bottom()


def _long_window(open_win, tmp_path):
    path = tmp_path / "long.db"
    with open_project(path, create=True) as project, project.transaction():
        [(article, _)] = articles.insert_batch(project.db, [{"text": TEXT}])
        offset = 0
        for line in LINES:  # one ACTOR suggestion a line
            start = offset + line.index("Putin")
            span_rows.insert(
                project.db,
                Span(article, start, start + 5, "ACTOR", origin="model", status="suggested", score=0.9),
            )
            offset += len(line) + 1
    return open_win(path)


def test_focused_span_keeps_lines_of_context_above_and_below(qtbot, open_win, tmp_path):
    window = _long_window(open_win, tmp_path)
    view = window.view
    spacing = view.fontMetrics().lineSpacing()
    height = view.viewport().height()
    assert height > 10 * spacing, "the view is too small for this test"
    checked = 0
    for key in [Qt.Key_N] * 100 + [Qt.Key_P] * 80:
        qtbot.keyClick(view, key)
        state = window.annotating.state
        drawn = next(s for s in view._spans if s.id == state.focus_id)
        top, bottom = _span_rect(view, drawn)
        first_line = state.article.text.count("\n", 0, state.focused().start)
        if 10 < first_line < len(LINES) - 10:  # the view can scroll both ways here
            assert top >= 2 * spacing and bottom <= height - 2 * spacing, (key, first_line, top, bottom)
            checked += 1
    assert checked > 100


def test_a_clicked_span_is_focused_without_moving_the_text(qtbot, open_win, tmp_path):
    window = _long_window(open_win, tmp_path)
    view = window.view
    height, spacing = view.viewport().height(), view.fontMetrics().lineSpacing()
    for _ in range(20):  # scroll line by line until a span sits near the bottom edge
        drawn = [s for s in view._spans if height - 3 * spacing < _span_rect(view, s)[1] < height]
        if drawn:
            break
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 1)
    assert drawn, "no span near the bottom edge"
    cursor = QTextCursor(view.document())
    cursor.setPosition(drawn[-1].start + 1)
    scrolled = view.verticalScrollBar().value()
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.cursorRect(cursor).center())
    assert window.annotating.state.focus_id == drawn[-1].id
    assert view.verticalScrollBar().value() == scrolled

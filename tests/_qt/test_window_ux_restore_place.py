"""A restart, also after ``kill -9``, opens the last article with the same span focused and
scrolled where it was (QSettings ``last_place``), not at the top with nothing focused."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from window_helpers import activate, lines_before_kill_9, suggest

from annotator._qt.app import open_window
from annotator.core.store import articles, open_project

LONG = "\n\n".join(f"Paragraph {n}: officials in Kharkiv said the talks would resume." for n in range(80))


@pytest.fixture
def long_project(tmp_path):
    """A short article, then one long enough to scroll, with a suggestion per paragraph."""
    path = tmp_path / "long.annotator.db"
    with open_project(path, create=True) as project, project.transaction():
        _, long_id = (i for i, _ in articles.insert_batch(project.db, [{"text": "Short."}, {"text": LONG}]))
        for n in range(80):
            suggest(project.db, long_id, LONG, f"Paragraph {n}:", "ACTOR")
    return path


def _open(qtbot, path, ini):
    window = open_window(path, "ann", QSettings(str(ini), QSettings.IniFormat), suggest=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def _place(window) -> tuple[int, int | None, int]:
    """Open article, focused span, and the first line in view (the code point starting it)."""
    state = window.annotating.state
    return state.article.id, state.focus_id, window.view.top_position()


def _top_line_holds(window, position: int) -> bool:
    """Whether the first line in view holds ``position`` (a layout of another width wraps
    the text elsewhere, so the same character, not the same scroll value, is compared)."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    rect, middle = view.cursorRect(cursor), view.fontMetrics().lineSpacing() // 2
    return rect.top() <= middle <= rect.bottom()


def test_close_and_reopen_comes_back_to_the_focused_span_and_scroll(qtbot, long_project, tmp_path):
    window = _open(qtbot, long_project, tmp_path / "s.ini")
    qtbot.keyClick(window.view, Qt.Key_Down, Qt.ControlModifier)  # the long article
    for _ in range(50):
        qtbot.keyClick(window.view, Qt.Key_N)
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().value() + 3)
    before = _place(window)
    assert before[2] > 1000
    window.close()
    again = _open(qtbot, long_project, tmp_path / "s.ini")
    qtbot.waitUntil(lambda: _place(again)[:2] == before[:2], timeout=3000)
    qtbot.waitUntil(lambda: _top_line_holds(again, before[2]), timeout=3000)
    span = again.annotating.state.focused()
    assert span.text_in(LONG) == "Paragraph 49:"


FOCUS_THE_30TH_SPAN = """
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key_Down, Qt.ControlModifier)
    for _ in range(30):
        QTest.keyClick(window.view, Qt.Key_N)
    QTest.qWait(800)  # the place is saved a moment after the last change
    state = window.annotating.state
    print("PLACED", state.article.id, state.focus_id, window.view.top_position(), flush=True)
    while True:
        QTest.qWait(50)
"""


def test_after_kill_9_the_window_reopens_at_the_focused_span(qtbot, long_project, tmp_path):
    ini = tmp_path / "crash.ini"
    (line,) = lines_before_kill_9(long_project, ini, FOCUS_THE_30TH_SPAN, 1)
    assert line.startswith("PLACED"), line
    article, span, top = (int(v) for v in line.split()[1:])
    window = _open(qtbot, long_project, ini)
    qtbot.waitUntil(lambda: _place(window)[:2] == (article, span), timeout=3000)
    qtbot.waitUntil(lambda: _top_line_holds(window, top), timeout=3000)
    assert window.annotating.state.focused().text_in(LONG) == "Paragraph 29:"
    assert os.path.getsize(ini) > 0

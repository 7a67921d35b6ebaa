"""Emoji and CRLF before spans, mouse selections snapping to word edges, double-click."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from window_helpers import EMOJI_TEXT

from annotator.core.store import spans as span_rows


def _units(text: str) -> int:
    """UTF-16 length, with CRLF counted once as QTextDocument does (independent of OffsetMap)."""
    return len(text.replace("\r\n", "\n").encode("utf-16-le")) // 2


def _qt_range(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return _units(text[:start]), _units(text[: start + len(words)])


def _open_emoji(window):
    emoji_id = window.project.db.execute("SELECT id FROM articles WHERE text LIKE '%Zelensky%'").fetchone()[0]
    window.open_article(emoji_id)
    return emoji_id


def _point(view, position: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def test_emoji_article_labels_and_saves_the_right_characters(qtbot, window):
    emoji_id = _open_emoji(window)
    for words, key in (("Zelensky", Qt.Key_1), ("Macron", Qt.Key_1), ("Kyiv", Qt.Key_2)):
        window.view.select(*_qt_range(EMOJI_TEXT, words))
        qtbot.keyClick(window.view, key)
    saved = span_rows.accepted(window.project.db, emoji_id, "ann")
    assert sorted(s.text_in(EMOJI_TEXT) for s in saved) == ["Kyiv", "Macron", "Zelensky"]
    drawn = sorted((d.start, d.end) for d in window.view._spans)
    assert drawn == sorted(_qt_range(EMOJI_TEXT, w) for w in ("Zelensky", "Macron", "Kyiv"))
    document = window.view.document()
    for start, end in drawn:
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.KeepAnchor)
        assert cursor.selectedText() in ("Zelensky", "Macron", "Kyiv")


def test_mouse_selection_snaps_to_word_edges(qtbot, window):
    _open_emoji(window)
    view = window.view
    start, end = _qt_range(EMOJI_TEXT, "elensky met Bi")
    qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=_point(view, start))
    qtbot.mouseMove(view.viewport(), _point(view, end))
    qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=_point(view, end))
    assert view.textCursor().selectedText() == "Zelensky met Biden"
    # a drag over punctuation and spaces alone selects nothing
    start, end = _qt_range(EMOJI_TEXT, "! ")
    qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=_point(view, start))
    qtbot.mouseMove(view.viewport(), _point(view, end))
    qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=_point(view, end))
    assert view.selection() is None


def test_double_click_selects_a_token_and_click_focuses_a_span(qtbot, window):
    _open_emoji(window)
    view = window.view
    start, _ = _qt_range(EMOJI_TEXT, "Biden")
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=_point(view, start + 2))
    assert view.textCursor().selectedText() == "Biden"
    qtbot.keyClick(view, Qt.Key_1)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=_point(view, 0))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=_point(view, start + 1))
    assert window.annotating.state.focused().text_in(EMOJI_TEXT) == "Biden"

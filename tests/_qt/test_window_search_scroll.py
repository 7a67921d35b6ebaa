"""Opening an article from the search box shows where the search matched: the text scrolls to
the first matching word and every matching word is highlighted. Seen under Xvfb: searching
"Abdulkadiri" (the last line of a sample) opened the article at its top, the match out of view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.core.store import articles, open_project, search_hits

LINES = [f"Line {i} of the report says the envoys met again." for i in range(150)]
LONG_TEXT = "\n".join([*LINES, "Reported by Faridah Abdulkadiri in Zaporizhzhia."])


def _window(open_win, tmp_path):
    path = tmp_path / "search.db"
    with open_project(path, create=True) as project, project.transaction():
        articles.insert_batch(project.db, [{"text": "A short first article."}, {"text": LONG_TEXT}])
    return open_win(path)


def _in_view(view, start: int, end: int) -> bool:
    first, last = QTextCursor(view.document()), QTextCursor(view.document())
    first.setPosition(start)
    last.setPosition(end)
    return view.cursorRect(first).top() >= 0 and view.cursorRect(last).bottom() <= view.viewport().height()


def test_enter_in_the_search_box_scrolls_to_the_match(qtbot, open_win, tmp_path):
    window = _window(open_win, tmp_path)
    view = window.view
    qtbot.keyClick(view, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(window.article_list.search, "abdulk")
    qtbot.keyClick(window.article_list.search, Qt.Key_Return)
    assert window.annotating.state.article.text == LONG_TEXT
    start = LONG_TEXT.index("Abdulkadiri")
    assert _in_view(view, start, start + len("Abdulkadiri"))
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()] == [
        (start, start + len("Abdulkadiri"))
    ]
    assert view.hasFocus() and view.textCursor().position() == start  # n starts from the match


def test_the_highlight_goes_when_the_search_is_cleared(qtbot, open_win, tmp_path):
    window = _window(open_win, tmp_path)
    pane = window.article_list
    qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(pane.search, "zaporiz")
    qtbot.keyClick(pane.search, Qt.Key_Return)
    assert len(window.view.extraSelections()) == 1
    qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier)
    pane.search.clear()
    pane._apply()  # what the search box does 250 ms after the last key
    assert window.view.extraSelections() == []


def test_search_hits_match_words_by_prefix_ignoring_case_and_accents():
    text = "Zelensky met Zelenskyy; Séverine and SEVERAL others. Mr zel."
    found = [text[a:b] for a, b in search_hits(text, "zelensk severi")]
    assert found == ["Zelensky", "Zelenskyy", "Séverine"]
    assert search_hits(text, "") == []
    assert [text[a:b] for a, b in search_hits(text, '"sev"')] == ["Séverine", "SEVERAL"]


def test_n_after_a_search_focuses_the_span_holding_the_match(qtbot, window):
    """Seen under Xvfb: searching 'Federov' and pressing n skipped the ACTOR 'Ivan Federov'
    (it starts before the match) for the span after it."""
    pane = window.article_list
    qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(pane.search, "retreat")
    qtbot.keyClick(pane.search, Qt.Key_Return)
    qtbot.keyClick(window.view, Qt.Key_N)
    focused = window.annotating.state.focused()
    text = window.annotating.state.article.text
    assert text[focused.start : focused.end] == "We will not retreat from Donbas"

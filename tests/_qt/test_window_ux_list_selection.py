"""After Ctrl+Enter with a search or a status filter, the article list still shows the opened
article's row selected and in view: the next article comes from the list while it holds an
unfinished one; after that the filter is cleared."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _search(qtbot, window, words: str) -> None:
    qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier)
    qtbot.keyClicks(window.article_list.search, words)
    qtbot.keyClick(window.article_list.search, Qt.Key_Return)  # opens the first hit


def _selected_row_shown(window) -> int | None:
    """The selected row, when it is the open article's and visible in the table."""
    table = window.article_list.table
    rows = table.selectionModel().selectedRows()
    if len(rows) != 1:
        return None
    row = rows[0].row()
    assert window.list_model.article_id(row) == window.annotating.state.article.id
    assert table.viewport().rect().intersects(table.visualRect(rows[0]))
    return row


def test_ctrl_enter_stays_in_the_search_results(qtbot, window):
    _search(qtbot, window, "said")  # the quote article (1) and the Kharkiv one (3)
    assert window.list_model.rowCount() == 2
    first = window.annotating.state.article.id
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert window.project.state(first, "ann") == "done"
    assert "Kharkiv" in window.annotating.state.article.text  # not the emoji article (2)
    assert window.list_model.rowCount() == 2 and _selected_row_shown(window) == 1


def test_when_the_search_holds_nothing_unfinished_it_is_cleared(qtbot, window):
    _search(qtbot, window, "Kharkiv")
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert window.article_list.search.text() == ""
    assert window.list_model.rowCount() == 4
    assert "Kremlin" in window.annotating.state.article.text  # the next unfinished: 4, not listed
    assert _selected_row_shown(window) == 3
    assert "showing all articles" in window.statusBar().currentMessage()


def test_a_status_filter_drops_the_done_row_and_selects_the_next(qtbot, window):
    pane = window.article_list
    pane.status.setCurrentIndex(pane.status.findData("new"))
    assert window.list_model.rowCount() == 4
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert window.list_model.rowCount() == 3
    assert _selected_row_shown(window) == 0

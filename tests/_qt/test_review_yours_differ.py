"""Review mode flags an agreed region where the reviewer's own result is something else:
the side panel heads it "agreed, YOURS DIFFERS" in orange, not plain green "agreed"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from window_helpers import REVIEW_TEXT, open_review, words_at

from annotator._qt.review.canvas import YOURS_DIFFER_COLOR
from annotator.core import edits
from annotator.core.store import open_project


def _kharkiv_row(review):
    start = words_at(REVIEW_TEXT, "Kharkiv")[0]
    row = next(i for i, r in enumerate(review.regions) if r.start == start)
    return row, review.list.item(row)


def test_an_agreed_region_where_yours_differs_is_flagged(qtbot, open_win, qt_project_path, two_annotators):
    article = two_annotators
    window = open_win(qt_project_path, annotator="rev")
    review = open_review(qtbot, window, article)
    _, item = _kharkiv_row(review)  # nothing of yours there yet: still to take, not flagged
    assert item.text().startswith("agreed: “Kharkiv”")
    assert item.foreground().color() == QColor(Qt.GlobalColor.darkGreen)
    with open_project(qt_project_path) as project:
        edits.perform(project, edits.add_span, article, *words_at(REVIEW_TEXT, "Kharkiv"), "ACTOR", "rev")
    review.reload()
    row, item = _kharkiv_row(review)
    assert item.text().startswith("agreed, YOURS DIFFERS: “Kharkiv”")
    assert item.foreground().color() == QColor(YOURS_DIFFER_COLOR)
    assert "your result differs" in item.toolTip()
    review.list.setCurrentRow(row)
    qtbot.keyClick(review.view, Qt.Key_A)  # take the agreed version: the flag goes
    _, item = _kharkiv_row(review)
    assert item.text().startswith("agreed: “Kharkiv”")
    assert item.foreground().color() == QColor(Qt.GlobalColor.darkGreen)


def test_n_and_p_stop_at_an_agreed_region_where_yours_differs(
    qtbot, open_win, qt_project_path, two_annotators
):
    """It needs a decision like a disagreement, so next/previous land on it too."""
    article = two_annotators
    with open_project(qt_project_path) as project:
        edits.perform(project, edits.add_span, article, *words_at(REVIEW_TEXT, "Kharkiv"), "ACTOR", "rev")
    window = open_win(qt_project_path, annotator="rev")
    review = open_review(qtbot, window, article)
    row, _ = _kharkiv_row(review)
    stops = {i for i, r in enumerate(review.regions) if not r.agreed} | {row}
    review.list.setCurrentRow(0)
    seen = {review.list.currentRow()} & stops
    for _ in review.regions:
        qtbot.keyClick(review.view, Qt.Key_N)
        seen.add(review.list.currentRow())
    assert row in seen
    assert seen <= stops | {0}
    review.list.setCurrentRow(row)
    qtbot.keyClick(review.view, Qt.Key_P)
    assert review.list.currentRow() != row
    qtbot.keyClick(review.view, Qt.Key_N)  # and back: it is a stop both ways
    assert review.list.currentRow() == row

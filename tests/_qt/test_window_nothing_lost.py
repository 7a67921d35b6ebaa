"""Closing mid-edit keeps every decision; reopening shows the same state at the same article;
a second window on the same file is read-only and cannot change it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import EMOJI_TEXT, activate

from annotator.core.store import open_project
from annotator.core.store import spans as span_rows


def _decisions(path) -> list[tuple]:
    with open_project(path, read_only=True) as project:
        rows = project.db.execute(
            "SELECT article_id, start, end, label, status FROM spans "
            "WHERE annotator = 'ann' ORDER BY 1, 2, 3, 4"
        ).fetchall()
        states = project.db.execute(
            "SELECT article_id, state FROM article_states WHERE annotator = 'ann' ORDER BY 1"
        ).fetchall()
    return [tuple(r) for r in rows] + [tuple(s) for s in states]


def test_closing_mid_edit_keeps_every_decision_and_reopens_there(qtbot, open_win, qt_project_path):
    window = open_win(qt_project_path)
    view = window.view
    qtbot.keyClick(view, Qt.Key_N)
    qtbot.keyClick(view, Qt.Key_A)  # accept Putin
    qtbot.keyClick(view, Qt.Key_N)
    qtbot.keyClick(view, Qt.Key_X)  # reject the quote
    qtbot.keyClick(view, Qt.Key_Return, Qt.ControlModifier)  # done, on to the emoji article
    second = window.annotating.state.article.id
    view.select(4, 7)  # "Big" in Qt units (two emoji before it count twice)
    qtbot.keyClick(view, Qt.Key_1)
    qtbot.keyClick(view, Qt.Key_BraceRight, Qt.ShiftModifier)  # end one token right: "Big day"
    shown = sorted((s.start, s.end, s.label) for s in window.annotating.state.spans)
    before = _decisions(qt_project_path)
    window.close()  # no save step exists: every edit was committed when it was shown
    assert _decisions(qt_project_path) == before
    big_day = EMOJI_TEXT.index("Big day")
    assert (second, big_day, big_day + 7, "ACTOR", "accepted") in before
    again = open_win(qt_project_path)
    assert again.annotating.state.article.id == second
    assert sorted((s.start, s.end, s.label) for s in again.annotating.state.spans) == shown


def test_second_window_is_read_only(qtbot, open_win, qt_project_path):
    writer = open_win(qt_project_path)
    reader = open_win(qt_project_path)
    assert reader.project.read_only and not writer.project.read_only
    assert reader.banner.isVisible() and "read-only" in reader.windowTitle()
    assert (
        not reader.named_actions["accept"].isEnabled() and not reader.named_actions["label:ACTOR"].isEnabled()
    )
    qtbot.keyClick(reader.view, Qt.Key_N)
    qtbot.keyClick(reader.view, Qt.Key_A)
    qtbot.keyClick(reader.view, Qt.Key_A, Qt.ShiftModifier)
    article = reader.annotating.state.article.id
    assert span_rows.accepted(reader.project.db, article) == []
    reader.annotating.accept()  # even called directly, the edit is refused, not written
    assert span_rows.accepted(writer.project.db, article) == []
    activate(qtbot, writer)
    qtbot.keyClick(writer.view, Qt.Key_N)
    qtbot.keyClick(writer.view, Qt.Key_A)
    assert len(span_rows.accepted(writer.project.db, article)) == 1

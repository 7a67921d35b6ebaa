"""An article marked done that stays open in the window (the last one: "Every article is
done") counts for annotation memory at once, in another process too; undoing "done", or an
edit after it, takes it out again until it is marked done again (issue 14, item 3: memory
learns the state when the article is left or marked done)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core import edits
from annotator.core.store import open_project
from annotator.core.suggest.memory import remembered


def test_done_and_still_open_counts_for_memory_until_set_back(qtbot, open_win, qt_project_path):
    with open_project(qt_project_path) as project:
        for other in project.article_ids()[1:]:
            edits.perform(project, edits.set_state, other, "done", annotator="ann")
    window = open_win(qt_project_path)
    first = window.annotating.state.article.id
    assert first == 1
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    with open_project(qt_project_path) as cli:  # `annotator suggest` from a shell
        assert remembered(cli) == {}  # open and unfinished
        qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
        assert window.annotating.state.article.id == first  # nothing left to open: it stays
        assert "Every article is done" in window.statusBar().currentMessage()
        assert cli.open_articles() == {first}
        learnt = {"Putin": "ACTOR", "Donbas": "LOCATION", "Kyiv": "LOCATION"}
        assert remembered(cli) == learnt
        qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)  # undo "mark done"
        assert window.project.state(first, "ann") == "in_progress"
        assert remembered(cli) == {}
        qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
        assert remembered(cli) == learnt
        while window.annotating.state.focused() is None or window.annotating.state.focused().label != "ACTOR":
            qtbot.keyClick(window.view, Qt.Key_N)
        qtbot.keyClick(window.view, Qt.Key_X)  # Putin deleted after "done", still open
        assert window.project.state(first, "ann") == "done" and remembered(cli) == {}
        qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)  # done again: counts
        assert remembered(cli) == {"Donbas": "LOCATION", "Kyiv": "LOCATION"}

"""The real file dialogs (Open, New project, Import, Export), cancelled: each is modal to the
window and runs its own event loop (the window's timers and background results keep coming
while it is up, nothing waits on it), and cancelling leaves the project, the open file, the
remembered folders and the jobs as they were. Offscreen they are Qt's own dialogs; the same
tests pass under Xvfb with the openbox window manager, on xcb with Qt's dialogs and with GTK's
native ones (``QT_QPA_PLATFORMTHEME=gtk3``: the QFileDialog then has no widgets of its own)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator._qt import first_run
from annotator._qt import settings as saved

TABLES = ("articles", "spans", "relations", "edits", "history", "article_states")


def _state(window) -> dict:
    db = window.project.db
    rows = {t: db.execute(f"SELECT count(*), coalesce(max(rowid), 0) FROM {t}").fetchone() for t in TABLES}
    return {
        "rows": rows,
        "project": str(window.project.path),
        "files": saved.files_folder(window.settings),
        "export": saved.export_choice(window.settings),
        "jobs": len(window.jobs._jobs),
    }


@pytest.fixture
def cancel(qtbot, window, monkeypatch, tmp_path):
    """Answer the next modal dialog with Cancel, only once a timer of the window's event loop has
    fired while it is up (a dialog that stopped the loop would never be answered); what was seen
    of it: (dialog class, title, parent is the window, modal)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    seen: list[tuple] = []
    ticks: list[int] = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not ticks:
            QTimer.singleShot(20, close)
            return
        seen.append((type(dialog), dialog.windowTitle(), dialog.parent() is window, dialog.isModal()))
        dialog.reject()

    def arm() -> None:
        ticks.clear()
        QTimer.singleShot(50, lambda: ticks.append(1))  # a window timer, due while the dialog is up
        QTimer.singleShot(0, close)

    return arm, seen


@pytest.mark.parametrize(
    ("title", "choose"),
    [
        ("Open project", lambda w: w._choose_project()),
        ("New project", lambda w: first_run.new_project(w)),
        ("Import articles", lambda w: w.jobs.choose_import()),
        ("Export done articles", lambda w: w.jobs.choose_export()),
    ],
)
def test_a_cancelled_file_dialog_leaves_everything_as_it_was(window, cancel, title, choose):
    arm, seen = cancel
    opened: list = []
    window._open_project_cb = opened.append
    before = _state(window)
    arm()
    choose(window)
    assert seen == [(QFileDialog, title, True, True)]
    assert _state(window) == before
    assert opened == []

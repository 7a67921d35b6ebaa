"""The file dialogs (open, new project, import, export) start in the folder a file was last
chosen in, else the home folder; never in the process's working folder (seen under Xvfb: the
export dialog opened in the source checkout the app was started from)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator._qt import file_jobs, first_run
from annotator._qt.widgets import file_dialogs


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """Each file dialog's start folder, as (caption, folder); the dialogs answer "cancel"."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    seen: list[tuple[str, str]] = []

    def fake(answer):
        return lambda parent, caption, folder, *a, **k: (seen.append((caption, folder)), answer)[1]

    for name in ("open_file_name", "save_file_name"):
        monkeypatch.setattr(file_dialogs, name, fake(("", "")))
    monkeypatch.setattr(file_dialogs, "open_file_names", fake(([], "")))
    return seen


def test_dialogs_start_at_home_then_where_a_file_was_last_chosen(
    qtbot, window, dialogs, monkeypatch, tmp_path
):
    home = str(tmp_path / "home")
    window.jobs.choose_import()
    window._choose_project()
    first_run.new_project(window)
    assert dialogs == [
        ("Import articles", home),
        ("Open project", home),
        ("New project", f"{home}/project.annotator.db"),
    ]
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    out = tmp_path / "corpora" / "c.jsonl"
    out.parent.mkdir()
    monkeypatch.setattr(file_jobs, "ask_export_file", lambda *a: (str(out), ""))
    window.jobs._report = lambda text, report: window.statusBar().showMessage(text)  # no modal box
    window.jobs.choose_export()
    qtbot.waitUntil(lambda: out.exists(), timeout=20000)
    window.jobs.choose_import()
    assert dialogs[-1] == ("Import articles", str(out.parent))

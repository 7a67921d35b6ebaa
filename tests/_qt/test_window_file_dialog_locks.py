"""A file dialog showing the project's folder must not open the project file: closing that
descriptor dropped the window's SQLite locks, and the next process to close the project
deleted the WAL the window went on writing to (seen under Xvfb after File -> Export)."""

from __future__ import annotations

from other_process import other_process_reads
from PySide6.QtCore import QFileInfo, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from annotator._qt import file_jobs
from annotator._qt.widgets import file_dialogs


def _type_then_cancel(folder: str) -> None:
    """On the open file dialog: type a name in the project's folder (its completer lists the
    folder), then cancel."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(20, lambda: _type_then_cancel(folder))
        return
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    name.clear()
    QTest.keyClicks(name, f"{folder}/w")
    QTimer.singleShot(1500, dialog.reject)


def test_the_export_dialog_in_the_projects_folder_keeps_the_wal_for_everyone(qtbot, window, qt_project_path):
    project, folder = window.project, str(qt_project_path.parent)
    project.set_meta("probe", "before")
    QTimer.singleShot(20, lambda: _type_then_cancel(folder))
    file_jobs.ask_export_file(window, folder, "window", {"jsonl (*.jsonl)": "jsonl"}, "jsonl")
    assert other_process_reads(qt_project_path) == "before"  # it closes the project: the last?
    project.set_meta("probe", "after")
    assert other_process_reads(qt_project_path) == "after"


def test_the_dialogs_icons_and_types_never_open_a_file(qtbot, window, qt_project_path):
    """What the list asks for each file it shows, under a desktop's icon theme too (Qt's own
    provider reads the file to find its icon)."""
    project = window.project
    project.set_meta("probe", "before")
    dialog = file_dialogs.file_dialog(window, "Open project", str(qt_project_path.parent))
    qtbot.addWidget(dialog)
    listed = QFileInfo(str(qt_project_path))
    icons = dialog.iconProvider()
    icons.icon(listed)  # as the list asks for each file it shows
    assert icons.type(listed) == "DB file"
    assert other_process_reads(qt_project_path) == "before"
    project.set_meta("probe", "after")
    assert other_process_reads(qt_project_path) == "after"

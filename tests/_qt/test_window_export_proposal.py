"""File → Export's dialog proposes a file: the project's name with the suffix of the format
chosen (the last one exported, else spaCy's), in the folder exported to last; the name follows
the file-type filter (brat writes a folder: no suffix). Seen under Xvfb: an empty name field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit

from annotator._qt import file_jobs


def on_export_dialog(qtbot, window, look) -> list[tuple[str, str, str]]:
    """Ctrl+E; ``look(dialog)`` runs once the dialog is open. Returns (folder, name, filter)
    as it first showed."""
    seen: list[tuple[str, str, str]] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, poll)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit").text()
        seen.append((dialog.directory().absolutePath(), name, dialog.selectedNameFilter()))
        look(dialog)

    QTimer.singleShot(20, poll)
    qtbot.keyClick(window.view, Qt.Key_E, Qt.ControlModifier)
    return seen


def test_the_dialog_proposes_the_project_name_with_the_formats_suffix(qtbot, window, tmp_path):
    followed: list[str] = []

    def pick_filters(dialog) -> None:
        combo, name = (
            dialog.findChild(QComboBox, "fileTypeCombo"),
            dialog.findChild(QLineEdit, "fileNameEdit"),
        )
        combo.setFocus()  # as Tab or a click on it does: the name field no longer has the keys
        for shown in ("jsonl (*.jsonl)", "brat (folder)", "conll (*.conll)"):
            while combo.currentText() != shown:  # the keyboard's way down the filters
                qtbot.keyClick(combo, Qt.Key_Down)
            followed.append(name.text())
        dialog.reject()

    seen = on_export_dialog(qtbot, window, pick_filters)
    assert seen == [(str(Path.home()), "window.spacy", "spacy (*.spacy)")]
    assert followed == ["window.jsonl", "window", "window.conll"]


def test_the_next_export_proposes_the_last_folder_and_format(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "corpora"
    out.mkdir()
    monkeypatch.setattr(file_jobs, "ask_export_file", lambda *a: (str(out / "mine.jsonl"), "jsonl (*.jsonl)"))
    window.jobs._report = lambda text, report: window.statusBar().showMessage(text)  # no modal box
    qtbot.keyClick(window.view, Qt.Key_E, Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Exported"), timeout=20000)
    monkeypatch.undo()
    seen = on_export_dialog(qtbot, window, lambda dialog: dialog.reject())
    assert seen == [(str(out), "window.jsonl", "jsonl (*.jsonl)")]


def test_the_project_name_leaves_out_the_project_suffixes():
    assert file_jobs.project_stem(Path("/p/samples.annotator.db")) == "samples"
    assert file_jobs.project_stem(Path("/p/my.db")) == "my"
    assert file_jobs.project_stem(Path("/p/news 2024.sqlite")) == "news 2024"
    assert file_jobs.follow_format("window.spacy", "jsonl") == "window.jsonl"
    assert file_jobs.follow_format("window.jsonl", "brat") == "window"
    assert file_jobs.follow_format("corpus", "conll") == "corpus.conll"
    assert file_jobs.follow_format("v1.2.spacy", "labelstudio") == "v1.2.json"

"""The window shows the core's errors and reports in window words: it names its controls, not
the command-line flags the CLI's text names (that text is a contract and stays as it is).
Before, Model -> Train said "leave it out with --labels" (the dialog had no labels to leave
out) and File -> Export's box said "--strict refuses them"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QProcess
from window_helpers import finished_articles

from annotator._qt import train_dialog as train_module
from annotator._qt.window_words import flags_in
from annotator.core.store import open_project
from annotator.core.train import TrainingError, gather
from annotator.core.training_needs import MIN_ARTICLES


def _training_error(path) -> str:
    with open_project(path) as project, pytest.raises(TrainingError) as caught:
        gather(project)
    return str(caught.value)


def test_a_training_error_names_the_dialog_control_not_the_flag(qtbot, qt_settings, tmp_path, open_win):
    path = tmp_path / "train.annotator.db"
    finished_articles(path, MIN_ARTICLES, ("Kharkiv", "ACTOR"))  # no LOCATION anywhere
    error = _training_error(path)
    assert "leave it out with --labels" in error  # the CLI keeps its words
    window = open_win(path)
    dialog = train_module.train_dialog(window)
    qtbot.addWidget(dialog)
    dialog._read_lines([f"error: {error}"])  # what `annotator train` prints
    dialog._finished(1, QProcess.ExitStatus.NormalExit)
    shown = dialog.status.text()
    assert shown.startswith("Cannot train: no article marked done has a LOCATION span")
    assert "untick it under Labels" in shown and flags_in(shown) == []
    assert list(dialog.labels) == ["ACTOR", "LOCATION"]


def test_unticking_a_label_trains_without_it(qtbot, open_win, tmp_path, monkeypatch):
    path = tmp_path / "train.annotator.db"
    finished_articles(path, MIN_ARTICLES, ("Kharkiv", "LOCATION"), ("Officials", "ACTOR"))
    dialog = train_module.train_dialog(open_win(path))
    qtbot.addWidget(dialog)
    started: list[list[str]] = []
    monkeypatch.setattr(dialog.process, "start", lambda _program, args: started.append(args))
    dialog.start()
    dialog._finished(1, QProcess.ExitStatus.NormalExit)
    dialog.labels["LOCATION"].setChecked(False)
    dialog.start()
    dialog._finished(1, QProcess.ExitStatus.NormalExit)
    assert "--labels" not in started[0]
    assert started[1][started[1].index("--labels") + 1] == "ACTOR"
    assert dialog.start_button.isEnabled()
    dialog.labels["ACTOR"].setChecked(False)
    assert not dialog.start_button.isEnabled()  # nothing left to learn


def test_the_export_box_names_no_strict_flag(qtbot, open_win, tmp_path, shown):
    path = tmp_path / "conflicts.annotator.db"
    finished_articles(path, MIN_ARTICLES, ("Kharkiv", "ACTOR"), ("Kharkiv", "LOCATION"))  # two entity labels
    window = open_win(path)
    job = window.jobs.start_export(tmp_path / "out.spacy", "spacy")
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    [box] = shown
    assert f"entity conflicts ({MIN_ARTICLES})" in box and "fix them in the articles named below" in box
    assert flags_in(box) == []

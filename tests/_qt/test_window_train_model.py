"""Model -> Train, after the run: the window's suggestions follow the new model without a
restart, and Stop or Close never break off the saving of the model."""

from __future__ import annotations

import os
import signal
import sys

import pytest
from PySide6.QtCore import QProcess, Qt
from window_helpers import PLAIN_TEXTS

import annotator.core.suggest as suggest_pkg
from annotator._qt import train_dialog as train_module
from annotator._qt.app import open_window
from annotator.cli.train_cmd import below_base_warning
from annotator.core import edits
from annotator.core.store import articles, open_project
from annotator.core.suggest.pipeline import SuggestPipeline, rules_pipeline

TRAINED = "/models/trained-on-this-project"


@pytest.fixture
def rules_as_models(monkeypatch):
    """The rules pipeline under the project's model name (the base's until one is saved):
    real suggestions, no spaCy model to load. Returns the names loaded, in order."""
    loads: list[str] = []

    def load(model, project):
        name = model or project.get_meta("model") or "base-model"
        loads.append(name)
        return SuggestPipeline(rules_pipeline(), name)

    monkeypatch.setattr(suggest_pkg, "load_pipeline", load)
    return loads


def test_a_trained_model_replaces_the_pending_suggestions_in_the_open_window(
    qtbot, qt_settings, tmp_path, rules_as_models
):
    path = tmp_path / "trained.annotator.db"
    with open_project(path, create=True) as project, project.transaction():
        articles.insert_batch(project.db, [{"text": t} for t in PLAIN_TEXTS])
    window = open_window(path, "ann", qt_settings, suggest=True)
    qtbot.addWidget(window)
    window.show()
    state = window.annotating.state
    qtbot.waitUntil(lambda: len(state.spans) == 2, timeout=20_000)  # Kharkiv, Geneva
    kharkiv, geneva = state.spans
    edits.perform(window.project, edits.accept, kharkiv.id, annotator="ann")
    with open_project(path) as trainer:  # what `annotator train` records at its end
        trainer.set_meta("model", TRAINED)
    dialog = train_module.train_dialog(window)
    qtbot.addWidget(dialog)
    dialog._finished(0, QProcess.ExitStatus.NormalExit)
    article = state.article.id
    qtbot.waitUntil(lambda: window.project.suggested_models("news").get(article) == TRAINED, timeout=20_000)
    qtbot.waitUntil(lambda: geneva.id not in {s.id for s in window.annotating.state.spans}, timeout=5000)
    shown = {(s.text_in(PLAIN_TEXTS[0]), s.status) for s in window.annotating.state.spans}
    assert shown == {("Kharkiv", "accepted"), ("Geneva", "suggested")}  # the decision stays
    assert rules_as_models[-1] == TRAINED
    assert "project's model now" in dialog.status.text()


@pytest.fixture
def sleeping_run(qtbot, qt_project_path, monkeypatch):
    """The dialog with a stand-in training process that runs until killed; the signals it
    was sent."""
    sent: list[int] = []
    monkeypatch.setattr(train_module.os, "kill", lambda _pid, sig: sent.append(sig))
    dialog = train_module.TrainDialog(qt_project_path)
    qtbot.addWidget(dialog)
    dialog.process.start(sys.executable, ["-c", "import time; time.sleep(60)"])
    assert dialog.process.waitForStarted(10_000)
    dialog.stop_button.setEnabled(True)
    yield dialog, sent
    os.kill(dialog.process.processId(), 9)
    dialog.process.waitForFinished(10_000)


def test_stop_then_close_sends_ctrl_c_once(sleeping_run):
    """A second Ctrl+C would break off the saving of the best model."""
    dialog, sent = sleeping_run
    dialog.stop()
    dialog.reject()
    dialog.reject()
    assert len(sent) == 1
    assert dialog.isVisible() or "close again" in dialog.status.text()


def test_once_the_model_is_saved_close_does_not_interrupt_the_scoring(sleeping_run):
    dialog, sent = sleeping_run
    dialog._read_lines(["epoch 3: loss 1.0", "saved the best model to /m (62 s)"])
    assert not dialog.stop_button.isEnabled()
    dialog.reject()
    assert sent == [] and "Scoring" in dialog.status.text()


_BELOW_BASE_LINE = below_base_warning(  # what `annotator train` prints
    {"base": {"ACTOR": ((0, 0, 0.95), 9)}, "trained": {"ACTOR": ((0, 0, 0.84), 9)}}, "p.db", "base", True
)


@pytest.mark.parametrize(
    ("stopping", "lines", "code", "says"),
    [
        (False, ["error: training needs at least 10 articles marked done; this project has 3"], 1,
         "Cannot train: training needs at least 10 articles marked done; this project has 3"),
        (True, ["Aborted!"], 1, "Stopped before a model was saved: the project's model is unchanged."),
        (True, ["interrupted: keeping the best model so far"], 0, "Stopped; the best model so far"),
        (False, [_BELOW_BASE_LINE], 0, "Done: the new model is the project's model now"),
    ],
)  # fmt: skip
def test_the_outcome_says_what_happened(qtbot, qt_project_path, stopping, lines, code, says):
    dialog = train_module.TrainDialog(qt_project_path)
    qtbot.addWidget(dialog)
    dialog._stopping = stopping
    dialog._read_lines(lines)
    trained: list[bool] = []
    dialog.trained.connect(lambda: trained.append(True))
    dialog._finished(code, QProcess.ExitStatus.NormalExit)
    assert dialog.status.text().startswith(says)
    below_base = lines == [_BELOW_BASE_LINE]
    assert (
        "scores below the base model on the held-out articles (ACTOR 0.84 < 0.95)" in dialog.status.text()
    ) is below_base
    assert trained == ([True] if code == 0 else [])  # the window switches only to a saved model


def test_enter_in_the_time_limit_starts_training_rather_than_closing(qtbot, window, qt_project_path):
    dialog = train_module.TrainDialog(qt_project_path, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.minutes.setFocus()
    qtbot.keyClick(dialog.minutes.lineEdit(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.process.state() != QProcess.ProcessState.NotRunning or dialog.log.toPlainText()
    qtbot.waitUntil(lambda: dialog.process.state() == QProcess.ProcessState.NotRunning, timeout=60_000)
    assert dialog.status.text().startswith("Cannot train: training needs at least 10 articles")


_RUN = (  # stands in for `annotator train`: SIGTERM is its Ctrl+C, it keeps the best model
    "import signal, time\n"
    "signal.signal(signal.SIGTERM, signal.default_int_handler)\n"
    "try:\n"
    "    print('epoch 1: loss 1.0', flush=True)\n"
    "    time.sleep(60)\n"
    "except KeyboardInterrupt:\n"
    "    print('interrupted: keeping the best model so far', flush=True)\n"
)


def test_stop_stops_a_run_from_a_window_started_in_the_background(qtbot, qt_project_path):
    """A window started with ``&`` or nohup has SIGINT ignored, and so has its training run."""
    dialog = train_module.TrainDialog(qt_project_path)
    qtbot.addWidget(dialog)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        dialog.process.start(sys.executable, ["-c", _RUN])
        assert dialog.process.waitForStarted(10_000)
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        qtbot.waitUntil(lambda: "epoch 1" in dialog.log.toPlainText(), timeout=20_000)
        dialog.stop()
        qtbot.waitUntil(lambda: dialog.process.state() == QProcess.ProcessState.NotRunning, timeout=10_000)
        assert "interrupted: keeping the best model" in dialog.log.toPlainText()
    finally:
        dialog.process.kill()
        dialog.process.waitForFinished(5000)


@pytest.mark.parametrize(("frozen", "head"), [(False, ["-m", "annotator", "train"]), (True, ["train"])])
def test_the_run_is_the_annotator_command_in_python_and_in_the_built_app(
    qtbot, qt_project_path, monkeypatch, frozen, head
):
    """The built app's executable is the ``annotator`` command itself: ``-m`` there was
    refused as an unknown option, so Model -> Train failed in the desktop app."""
    monkeypatch.setattr(train_module.sys, "frozen", frozen, raising=False)
    dialog = train_module.TrainDialog(qt_project_path)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog.process, "start", lambda program, args: started.append((program, args)))
    started: list[tuple[str, list[str]]] = []
    dialog.start()
    program, args = started[0]
    assert program == sys.executable
    assert args[: len(head)] == head and args[len(head)] == str(qt_project_path)


def test_a_model_named_in_settings_is_said_to_replace_the_trained_one_next_time(qtbot, window, qt_settings):
    """Settings -> Model is handed to every project opened, as the project's model: the
    trained one would be dropped silently on the next start."""
    qt_settings.setValue("model", "en_core_web_sm")
    dialog = train_module.train_dialog(window)
    qtbot.addWidget(dialog)
    dialog._finished(0, QProcess.ExitStatus.NormalExit)
    assert "Settings → Model names en_core_web_sm" in dialog.status.text()
    qt_settings.setValue("model", "")
    quiet = train_module.train_dialog(window)
    qtbot.addWidget(quiet)
    quiet._finished(0, QProcess.ExitStatus.NormalExit)
    assert "Settings" not in quiet.status.text()

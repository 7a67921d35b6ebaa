"""Model -> Train runs ``annotator train`` in a separate process and shows what it says."""

from __future__ import annotations

from PySide6.QtCore import QProcess

from annotator._qt.train_dialog import TrainDialog


def test_the_model_menu_has_train(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Model" in titles
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Model")
    assert [a.text() for a in menu.actions()] == ["&Train on finished articles…"]


def test_training_runs_in_another_process_and_its_refusal_is_shown(qtbot, window, qt_project_path):
    dialog = TrainDialog(qt_project_path, window)
    qtbot.addWidget(dialog)
    dialog.start()
    assert dialog.process.state() != QProcess.NotRunning  # not in the GUI thread
    qtbot.waitUntil(lambda: dialog.process.state() == QProcess.NotRunning, timeout=60_000)
    assert "training needs at least 10 articles marked done" in dialog.log.toPlainText()
    assert dialog.status.text().startswith("Cannot train: training needs at least 10 articles")
    assert dialog.start_button.isEnabled() and not dialog.stop_button.isEnabled()

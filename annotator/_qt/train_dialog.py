"""Model -> Train: runs ``annotator train PROJECT`` in a separate process and shows its
per-epoch progress; Stop sends Ctrl+C, which keeps the best model so far."""

from __future__ import annotations

import os
import re
import signal
import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

MAX_EPOCHS = 30
_EPOCH = re.compile(r"^epoch (\d+):")


def add_model_menu(window) -> None:
    """The window's Model menu with Train…"""
    menu = window.menuBar().addMenu("&Model")
    action = menu.addAction("&Train on finished articles…")
    action.setEnabled(not window.project.read_only)
    action.triggered.connect(lambda: TrainDialog(window.project.path, window).exec())


class TrainDialog(QDialog):
    """Start, follow and stop one training run of the project."""

    def __init__(self, project_path, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Train the suggestion model")
        self.project_path = str(project_path)
        self.minutes = QSpinBox(minimum=1, maximum=240, value=10, suffix=" min at most")
        self.log = QPlainTextEdit(readOnly=True)
        self.bar = QProgressBar(maximum=MAX_EPOCHS, format="epoch %v of at most %m")
        self.status = QLabel("Learns ACTOR and LOCATION from the articles marked done.")
        self.start_button, self.stop_button = QPushButton("&Start"), QPushButton("S&top")
        self.stop_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.minutes, self.bar, self.log, buttons):
            layout.addWidget(widget)
        self.resize(640, 420)
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._finished)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)

    def start(self) -> None:
        """Run ``python -m annotator train PROJECT`` (a separate process: the GUI never waits)."""
        self.log.clear()
        self.bar.setValue(0)
        args = ["-m", "annotator", "train", self.project_path, "--max-epochs", str(MAX_EPOCHS)]
        args += ["--max-minutes", str(self.minutes.value())]
        self.process.start(sys.executable, args)
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText("Training… Stop keeps the best model so far.")

    def stop(self) -> None:
        """Ctrl+C for the training process: it stops cleanly and keeps the best model."""
        pid = self.process.processId()
        if pid:
            os.kill(pid, signal.SIGINT)
        self.stop_button.setEnabled(False)

    def _read(self) -> None:
        text = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        for line in text.splitlines():
            self.log.appendPlainText(line)
            if match := _EPOCH.match(line):
                self.bar.setValue(int(match.group(1)))

    def _finished(self, code: int, _status) -> None:
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.status.setText(
            "Done: the project's model is the new one; suggestions for articles not yet decided use it."
            if code == 0
            else "Training stopped with an error (see above)."
        )

    def reject(self) -> None:
        """Close; while training, the first Close stops it (the window never waits for it)."""
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.stop()
            self.status.setText("Stopping: the best model so far is being saved; close again when done.")
            return
        super().reject()

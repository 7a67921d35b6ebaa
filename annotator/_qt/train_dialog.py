"""Model -> Train: runs ``annotator train PROJECT`` in a separate process and shows its
per-epoch progress; Stop stops it as Ctrl+C does, keeping the best model so far. When it ends with
a model, the window's suggestions switch to it."""

from __future__ import annotations

import os
import re
import signal
import sys

from PySide6.QtCore import QProcess, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from annotator._qt.window_words import in_window_words
from annotator.core.training_needs import MIN_ARTICLES, finished_count

MAX_EPOCHS = 30
_EPOCH = re.compile(r"^epoch (\d+):")
_LOOP_OVER = ("saved ",)  # the model is on disk: what follows is scoring, not to be stopped
_ERROR = "error: "
_BELOW_BASE = re.compile(r"^warning: the trained suggestions score below .*?\((.*?)\)")


def add_model_menu(window) -> None:
    """The window's Model menu with Train…"""
    menu = window.menuBar().addMenu("&Model")
    action = menu.addAction("&Train on finished articles…")
    action.setEnabled(not window.project.read_only)
    action.triggered.connect(lambda: train_dialog(window).exec())


def train_dialog(window) -> TrainDialog:
    """The dialog for ``window``'s project; a model it trains becomes the window's."""
    labels = window.project.scheme.entity_label_names
    dialog = TrainDialog(window.project.path, window, labels, finished_count(window.project))
    dialog.settings_model = str(window.settings.value("model", "") or "")
    dialog.trained.connect(window.suggest_with_project_model)
    return dialog


def _opening_words(done: int | None, labels: list[str] | tuple[str, ...] = ()) -> str:
    """What the dialog says before a run: what it learns (the scheme's entity ``labels``) and
    from what, and whether there is enough."""
    if done is not None and done < MIN_ARTICLES:
        return (
            f"Training needs at least {MIN_ARTICLES} articles marked done; this project has {done}. "
            "Ctrl+Enter marks the open article done."
        )
    articles = "articles" if done is None else f"{done} articles"
    return f"Learns {_listed(labels)} from the {articles} marked done."


def _listed(labels: list[str] | tuple[str, ...]) -> str:
    """ "A", "A and B", "A, B and C"; the scheme's entity labels when none are named."""
    if not labels:
        return "the scheme's entity labels"
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


def _run_annotator() -> list[str]:
    """What follows ``sys.executable`` to run the ``annotator`` command: ``-m annotator`` for
    Python; nothing for the built app (its executable is the command, and takes no ``-m``)."""
    return [] if getattr(sys, "frozen", False) else ["-m", "annotator"]


class TrainDialog(QDialog):
    """Start, follow and stop one training run of the project."""

    trained = Signal()  # the run ended with a model, now the project's

    def __init__(
        self,
        project_path,
        parent=None,
        labels: list[str] | tuple[str, ...] = (),
        done: int | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Train the suggestion model")
        self.project_path = str(project_path)
        self.minutes = QSpinBox(minimum=1, maximum=240, value=10, suffix=" min at most")
        self.labels = {name: QCheckBox(name) for name in labels}  # the entity labels to learn
        for box in self.labels.values():
            box.setChecked(True)
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))  # score table
        self.bar = QProgressBar(maximum=MAX_EPOCHS, format="epoch %v of at most %m")
        self._too_few = done is not None and done < MIN_ARTICLES  # a run could only be refused
        self.status = QLabel(_opening_words(done, labels))
        self.status.setWordWrap(True)
        self.start_button, self.stop_button = QPushButton("&Start"), QPushButton("S&top")
        self.stop_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in buttons.findChildren(QPushButton):  # Enter (in the time limit) starts, never closes
            button.setAutoDefault(button is self.start_button)
        self.start_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        if self.labels:
            layout.addLayout(self._labels_row())
        for widget in (self.minutes, self.bar, self.log, buttons):
            layout.addWidget(widget)
        self.resize(720, 440)
        self._new_run()
        self.start_button.setEnabled(not self._too_few)
        self.settings_model = ""  # Settings -> Model: opening a project makes it the project's
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._finished)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)

    def _labels_row(self) -> QHBoxLayout:
        """ "Labels:" and a box per entity label: an unticked one is left out of the run."""
        row = QHBoxLayout()
        row.addWidget(QLabel("Labels:"))
        for box in self.labels.values():
            row.addWidget(box)
            box.toggled.connect(self._labels_chosen)
        row.addStretch()
        return row

    def _labels_chosen(self) -> None:
        """Start needs at least one label to learn."""
        running = self.process.state() != QProcess.ProcessState.NotRunning
        self.start_button.setEnabled(not running and self._can_start())

    def _can_start(self) -> bool:
        """Enough finished articles, and a label to learn."""
        return not self._too_few and (bool(self._chosen_labels()) or not self.labels)

    def _chosen_labels(self) -> list[str]:
        return [name for name, box in self.labels.items() if box.isChecked()]

    def _labels_args(self) -> list[str]:
        """``--labels A,B`` when some label is unticked (none: the scheme's entity labels)."""
        chosen = self._chosen_labels()
        return [] if len(chosen) == len(self.labels) else ["--labels", ",".join(chosen)]

    def _new_run(self) -> None:
        """Forget what the last run said: stopping, saved, its error, its warning."""
        self._stopping = self._saved = False
        self._error = self._below_base = ""

    def start(self) -> None:
        """Run ``annotator train PROJECT`` (a separate process: the GUI never waits)."""
        self.log.clear()
        self.bar.setValue(0)
        self._new_run()
        args = ["train", self.project_path, *self._labels_args(), "--max-epochs", str(MAX_EPOCHS)]
        self.process.start(
            sys.executable, _run_annotator() + args + ["--max-minutes", str(self.minutes.value())]
        )
        self.start_button.setEnabled(False)
        self._enable_choices(False)
        self.stop_button.setEnabled(True)
        self.status.setText("Training… Stop keeps the best model so far.")

    def stop(self) -> None:
        """Stop the training process, once: ``annotator train`` takes SIGTERM as Ctrl+C, stops
        cleanly and keeps the best model (a second one would break off the saving). Not SIGINT:
        a window started in the background (``&``, nohup) hands its children SIGINT ignored."""
        pid = self.process.processId()
        if pid and not (self._stopping or self._saved):
            self._stopping = True
            os.kill(pid, signal.SIGTERM)
            self.status.setText("Stopping: the best model so far is being saved…")
        self.stop_button.setEnabled(False)

    def _read(self) -> None:
        text = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        self._read_lines(text.splitlines())

    def _read_lines(self, lines: list[str]) -> None:
        """Show the run's lines; follow its epochs, the end of its loop, its error."""
        for line in lines:
            self.log.appendPlainText(line)
            if match := _EPOCH.match(line):
                self.bar.setValue(int(match.group(1)))
            elif line.startswith(_LOOP_OVER):
                self._saved = True
                self.stop_button.setEnabled(False)
                self.status.setText("Saved; scoring the base and the new model on the held-out articles…")
            elif line.startswith(_ERROR):
                self._error = line[len(_ERROR) :]
            elif match := _BELOW_BASE.match(line):
                self._below_base = match.group(1)

    def _finished(self, code: int, _status) -> None:
        self.start_button.setEnabled(self._can_start())
        self._enable_choices(True)
        self.stop_button.setEnabled(False)
        self.status.setText(self._outcome(code))
        if code == 0:
            self.trained.emit()

    def _enable_choices(self, enabled: bool) -> None:
        for widget in (self.minutes, *self.labels.values()):
            widget.setEnabled(enabled)

    def _outcome(self, code: int) -> str:
        if code == 0:
            kept = "Stopped; the best model so far" if self._stopping else "Done: the new model"
            overridden = (
                f" But Settings → Model names {self.settings_model}: it becomes the project's "
                "model again when the project is next opened; choose the default there to keep this one."
                if self.settings_model
                else ""
            )
            below = (
                f" It scores below the base model on the held-out articles ({self._below_base}): "
                "label more articles before relying on it (Settings → Model can name the base again)."
                if self._below_base
                else ""
            )
            return (
                f"{kept} is the project's model now: the window's suggestions for articles "
                f"nobody decided are being redone with it (your decisions stay).{below}{overridden}"
            )
        if self._stopping:
            return "Stopped before a model was saved: the project's model is unchanged."
        if self._error:
            return f"Cannot train: {in_window_words(self._error)}"
        return "Training stopped with an error (see above); the project's model is unchanged."

    def reject(self) -> None:
        """Close; while training, Close stops it first (the window never waits for it)."""
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.stop()
            self.status.setText(
                (
                    "Scoring the saved model"
                    if self._saved
                    else "Stopping: the best model so far is being saved"
                )
                + "; close again when it has ended."
            )
            return
        super().reject()

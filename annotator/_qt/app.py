"""Start-up: the QApplication, the annotator's name, the project (locked), the window."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator._qt import settings as saved
from annotator._qt import startup_probe
from annotator._qt.first_run import show_welcome
from annotator._qt.main_window import MainWindow
from annotator._qt.suggest_ahead import SuggestWorker
from annotator._qt.widgets.settings_dialog import apply_appearance, flag
from annotator.core.errors import AnnotatorError
from annotator.core.ingest import default_annotator
from annotator.core.store import open_project
from annotator.core.tokens import tokenizer


def choose_annotator(settings: QSettings, given: str | None) -> tuple[str, bool]:
    """``--annotator`` wins; else the saved name; else the login name for now, and True: the
    welcome panel asks (first run)."""
    if given:
        return given, False
    name = saved.annotator_name(settings)
    if name:
        return name, False
    return default_annotator(), True


def open_window(
    path: Path,
    annotator: str,
    settings: QSettings,
    model: str | None = None,
    suggest: bool = True,
    blind: bool | None = None,
) -> MainWindow:
    """Open ``path`` (locked for writing; read-only when another process holds it) in a window."""
    project = open_project(path, lock=True)
    suggester = None
    model = model or str(settings.value("model", "") or "") or None
    if suggest and flag(settings, "suggestions", True) and not project.read_only:
        suggester = SuggestWorker(path, model)
        suggester.start()
    saved.add_recent(settings, path)
    window = MainWindow(
        project,
        annotator,
        settings,
        suggester,
        open_project_cb=lambda other: _replace(window, other, annotator, settings, model),
        blind=blind,
    )
    window.open_start_article()
    return window


_OPEN: list[MainWindow] = []  # the open window: a Python reference keeps it alive


def _replace(window: MainWindow, path: Path, annotator: str, settings: QSettings, model) -> None:
    try:
        new = open_window(path, window.annotator, settings, model)
    except (AnnotatorError, OSError) as exc:
        QMessageBox.warning(window, "Cannot open project", str(exc))
        return
    new.present()
    window.close()
    _OPEN[:] = [new]


def run(
    path: Path, annotator: str | None, model: str | None, review: bool = False, blind: bool = False
) -> int:
    """Show the window on the project at ``path`` until the user quits; the exit status.
    ``review`` opens review mode too; ``blind`` turns blind labelling on (else the setting)."""
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setOrganizationName("news-annotator")
    threading.Thread(target=tokenizer, daemon=True).start()  # warm token snapping off the GUI thread
    startup_probe.install(app)
    settings = saved.app_settings()
    apply_appearance(settings, app)
    name, first_run = choose_annotator(settings, annotator)
    window = open_window(Path(path), name, settings, model)
    _OPEN[:] = [window]
    if first_run:
        show_welcome(window, name)
    window.present()
    if blind:
        window.view_menu.actions["blind"].setChecked(True)
    if review:
        window.view_menu.open_review()
    if window.project.read_only:
        reason = window.project.read_only_reason
        window.statusBar().showMessage(reason[0].upper() + reason[1:], 0)
    return app.exec()

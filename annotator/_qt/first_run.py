"""First run: the welcome panel inside the window (no bare name dialog before a window exists)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from annotator._qt import settings as saved
from annotator._qt.widgets import file_dialogs
from annotator._qt.widgets.welcome import WelcomePanel
from annotator.core.errors import AnnotatorError
from annotator.core.store import open_project


def show_welcome(window, default_name: str) -> WelcomePanel:
    """Put the welcome panel above the article text; its name becomes the annotator's."""
    styles = window.annotating.styles
    labels = [
        (label.name, label.hotkey, styles[label.name].color, styles[label.name].underline)
        for label in window.project.scheme.labels
    ]
    panel = WelcomePanel(str(Path(window.project.path).resolve()), labels, default_name, window)
    column = window.view.parentWidget().layout()  # the middle column: banner, text
    column.insertWidget(column.indexOf(window.view), panel)
    panel.show()  # a child added to a shown window stays hidden until shown
    panel.started.connect(lambda name: _start(window, name))
    panel.open_requested.connect(window.named_actions["open"].trigger)
    panel.import_requested.connect(window.named_actions["import"].trigger)
    panel.new_requested.connect(lambda: new_project(window))
    panel.name_edit.setFocus()
    panel.name_edit.selectAll()
    window.welcome = panel
    return panel


def _start(window, name: str) -> None:
    window.set_annotator(name)
    # the panel's name field had the keys; without a window manager the window may never
    # have been activated (typing reached the field, the shortcuts n, a, x did not)
    window.activateWindow()
    window.view.setFocus()


def new_project(window) -> None:
    """Ask for a file name, create an empty project there and open it."""
    start = Path(saved.files_folder(window.settings)) / "project.annotator.db"
    path, _ = file_dialogs.save_file_name(window, "New project", str(start), "Projects (*.db)")
    if not path:
        return
    saved.remember_folder(window.settings, path)
    try:
        with open_project(Path(path), create=True):
            pass
    except (AnnotatorError, OSError) as exc:
        QMessageBox.warning(window, "Cannot create project", str(exc))
        return
    window._switch(Path(path))

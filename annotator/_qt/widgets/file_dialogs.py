"""File dialogs that never read the files they list.

Qt's own file dialog (and GTK's, which runs in the process) opens every file of the folder it
shows to guess its type from its first bytes. Closing such a descriptor drops every POSIX lock
this process holds on that file: for the open project, SQLite's. Another process closing the
project (``annotator stats``, a training run) then takes itself for the last one and deletes the
WAL the window still writes to (seen under Xvfb after File -> Export in the project's folder).
These dialogs are Qt's (not native, except on Windows, whose locks belong to a handle) and name
a file's type from its name only.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QFileDialog, QWidget


class NameOnlyTypes(QAbstractFileIconProvider):
    """Generic icons, and a type told from the file name: the file is never opened (the
    default guesses both from the file's first bytes)."""

    def icon(self, what):  # Qt's two overloads: a QFileInfo or an IconType
        if isinstance(what, QFileInfo):
            kind = (
                QAbstractFileIconProvider.IconType.Folder
                if what.isDir()
                else QAbstractFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        return f"{info.suffix().upper()} file" if info.suffix() else "File"


_TYPES = NameOnlyTypes()  # one for every dialog: a dialog does not own its provider


def file_dialog(parent: QWidget | None, caption: str, folder: str, filters: str = "") -> QFileDialog:
    """A QFileDialog that lists ``folder`` without opening its files."""
    dialog = QFileDialog(parent, caption, folder, filters)
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_TYPES)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []


def open_file_name(parent: QWidget | None, caption: str, folder: str, filters: str) -> tuple[str, str]:
    """As ``QFileDialog.getOpenFileName``: (file, filter), ``("", "")`` when cancelled."""
    dialog = file_dialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def open_file_names(parent: QWidget | None, caption: str, folder: str, filters: str) -> tuple[list[str], str]:
    """As ``QFileDialog.getOpenFileNames``: (files, filter), ``([], "")`` when cancelled."""
    dialog = file_dialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    chosen = _run(dialog)
    return (chosen, dialog.selectedNameFilter()) if chosen else ([], "")


def save_file_name(parent: QWidget | None, caption: str, proposed: str, filters: str) -> tuple[str, str]:
    """As ``QFileDialog.getSaveFileName`` (``proposed``: a folder or a file in one)."""
    dialog = file_dialog(parent, caption, proposed, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    chosen = _run(dialog)
    return (chosen[0], dialog.selectedNameFilter()) if chosen else ("", "")


def existing_folder(parent: QWidget | None, caption: str, folder: str = "") -> str:
    """As ``QFileDialog.getExistingDirectory``: the folder, or "" when cancelled."""
    dialog = file_dialog(parent, caption, folder)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""

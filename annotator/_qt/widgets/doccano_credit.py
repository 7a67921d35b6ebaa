"""Whose labels a doccano per-member export file holds: doccano exports one ``USERNAME.jsonl``
per project member, so a file imported on its own may be that member's work (as the CLI's
``--format doccano`` without ``--annotator`` takes it), or the user's own (a renamed download)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

MEMBERS = "members"  # each file's labels go to the doccano user it is named for
MINE = "mine"  # every label goes to the window's annotator


def credit_box(parent, files: list[str], users: list[str], me: str) -> QMessageBox:
    """The question for ``files`` (named for doccano ``users``), imported by annotator ``me``."""
    box = QMessageBox(parent)
    box.setWindowTitle("Import a doccano export")
    box.setIcon(QMessageBox.Icon.Question)
    names = ", ".join(users)
    if len(files) == 1:
        box.setText(f"{Path(files[0]).name} looks like doccano's export of one member's labels.")
        box.setInformativeText(
            f"doccano names that file after the member. Give its labels to doccano user {names}, or to you ({me})?"
        )
        theirs = box.addButton(f"To {names}", QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setText(f"These {len(files)} files look like doccano's exports of its members' labels.")
        box.setInformativeText(
            f"doccano names each file after its member. Give each file's labels to its member ({names}), "
            f"or all of them to you ({me})?"
        )
        theirs = box.addButton("To each member", QMessageBox.ButtonRole.AcceptRole)
    theirs.setProperty("credit", MEMBERS)
    mine = box.addButton(f"To me ({me})", QMessageBox.ButtonRole.AcceptRole)
    mine.setProperty("credit", MINE)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(theirs)
    return box


def ask_doccano_credit(parent, files: list[str], users: list[str], me: str) -> str | None:
    """:data:`MEMBERS` or :data:`MINE`; None when cancelled."""
    box = credit_box(parent, files, users, me)
    box.exec()
    clicked = box.clickedButton()
    return clicked.property("credit") if clicked is not None else None

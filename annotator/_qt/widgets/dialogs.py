"""Small modal questions: the annotator's name, a quote's speaker, a span's attributes."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)

from annotator._qt.widgets.speaker_picker import SpeakerPicker
from annotator.core.scheme import Attribute


def ask_name(parent, current: str) -> str | None:
    """Ask for the annotator's name; None when cancelled or empty."""
    name, ok = QInputDialog.getText(
        parent, "Annotator", "Your name (saved with every decision):", text=current
    )
    name = name.strip()
    return name if ok and name else None


def pick_speaker(parent, choices: list[tuple[int, str]], current: int = 0, quote: str = "") -> int | None:
    """Pick an ACTOR span (``(span_id, shown text)``, nearest first) as the speaker of ``quote``,
    row ``current`` preselected; None when cancelled."""
    if not choices:
        return None
    picker = SpeakerPicker(parent, choices, current, quote)
    return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None


def confirm_done(parent, pending: int) -> tuple[bool, bool]:
    """Ask before marking an article done while ``pending`` suggestions are undecided:
    ``(mark it done, don't ask again)``; "don't ask again" counts only with "Mark done"."""
    box = QMessageBox(
        QMessageBox.Icon.Question, "Mark done?", "", QMessageBox.StandardButton.NoButton, parent
    )
    plural = "s are" if pending > 1 else " is"
    box.setText(f"{pending} suggestion{plural} still undecided in this article.")
    box.setInformativeText("Undecided suggestions are not exported. Mark the article done anyway?")
    # m, k and d are no keys of the window: a letter typed on in its rhythm (a, x, n) does nothing
    done = box.addButton("&Mark done", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("&Keep labelling", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)  # a hurried second Enter must not mark the article done
    never = QCheckBox("&Don't ask again")
    box.setCheckBox(never)
    box.exec()
    go = box.clickedButton() is done
    return go, go and never.isChecked()


class AttributesDialog(QDialog):
    """A form with one field per attribute of a label."""

    def __init__(self, parent, label: str, attributes: tuple[Attribute, ...], values: dict[str, Any]):
        super().__init__(parent)
        self.setWindowTitle(f"{label} attributes")
        self._fields = {}
        form = QFormLayout(self)
        for attr in attributes:
            widget = _field(attr, values.get(attr.name))
            widget.setToolTip(attr.description)
            form.addRow(attr.name, widget)
            self._fields[attr.name] = (attr, widget)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#b00020")
        self.problem.setVisible(False)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        first = next(iter(self._fields.values()), (None, None))[1]
        if isinstance(first, QLineEdit):  # typing replaces the suggested number
            first.selectAll()
        if first is not None:
            first.setFocus()

    def accept(self) -> None:
        """Close only when the values make sense together (a range's low end ≤ its high end)."""
        problem = _range_problem(self.values())
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        if not problem:
            super().accept()

    def values(self) -> dict[str, Any]:
        """The attributes as entered (an empty number field is None)."""
        out = {}
        for name, (attr, widget) in self._fields.items():
            if isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif attr.type == "int":
                out[name] = int(widget.text()) if widget.text().strip() else None
            else:
                out[name] = widget.text() or None
        return out


def _range_problem(values: dict[str, Any]) -> str | None:
    """A pair ``<name>_low`` / ``<name>_high`` whose low end is above its high end, named."""
    for low_name, low in values.items():
        if not low_name.endswith("_low"):
            continue
        high_name = low_name[:-4] + "_high"
        high = values.get(high_name)
        if isinstance(low, int) and isinstance(high, int) and low > high:
            return f"{high_name} ({high}) is below {low_name} ({low})"
    return None


def _field(attr: Attribute, value):
    if attr.type in ("choice", "bool"):
        choices = attr.choices if attr.type == "choice" else (True, False, None)
        box = QComboBox()
        for choice in choices:
            box.addItem({None: "—", True: "yes", False: "no"}.get(choice, str(choice)), choice)
        if value in choices:
            box.setCurrentIndex(next(i for i, c in enumerate(choices) if c is value or c == value))
        return box
    edit = QLineEdit("" if value is None else str(value))
    if attr.type == "int":
        edit.setValidator(QIntValidator(0, 2_000_000_000))
    return edit


def edit_attributes(
    parent, label: str, attributes: tuple[Attribute, ...], values: dict[str, Any]
) -> dict[str, Any] | None:
    """Ask for a span's attributes; None when cancelled."""
    dialog = AttributesDialog(parent, label, attributes, values)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

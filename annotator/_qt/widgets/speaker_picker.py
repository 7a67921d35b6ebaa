"""The `s` dialog: pick a quote's speaker from the article's ACTORs, from the keyboard alone.

The quote is shown on top; each ACTOR is listed with the words around it and whether it comes
before or after the quote, so two mentions of one name can be told apart. Up/Down move,
Enter or a row's number links, Esc cancels; the preselected row is what Enter most often means.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout


class SpeakerPicker(QDialog):
    """A list of ``(span id, shown text)`` choices with one preselected."""

    def __init__(self, parent, choices: list[tuple[int, str]], current: int = 0, quote: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Speaker")
        heading = QLabel(
            "<b>Who said this quote?</b>" + (f"<br><i>{escape(_short(quote))}</i>" if quote else "")
        )
        heading.setWordWrap(True)
        self.list = QListWidget()
        for i, (span_id, text) in enumerate(choices):
            item = QListWidgetItem(f"{i + 1}. {text}")
            item.setData(Qt.ItemDataRole.UserRole, span_id)
            self.list.addItem(item)
        self.list.setCurrentRow(max(0, min(current, len(choices) - 1)))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Link")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.installEventFilter(self)
        self.list.setFocus()
        rows = self.list.sizeHintForRow(0) * max(3, len(choices)) + 2 * self.list.frameWidth()
        self.list.setMinimumHeight(rows + 4)
        self.resize(max(620, self.list.sizeHintForColumn(0) + 40), self.sizeHint().height())

    def eventFilter(self, watched, event) -> bool:
        """1–9 in the list pick that row and link it at once."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            text = event.text()
            if text.isdigit() and 0 < int(text) <= self.list.count():
                self.list.setCurrentRow(int(text) - 1)
                self.accept()
                return True
        return super().eventFilter(watched, event)

    def chosen(self) -> int | None:
        """The span id of the selected row."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

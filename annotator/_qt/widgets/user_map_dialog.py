"""The import's options for a Label Studio export: names for its users (the CLI's
``--user-map``), read and checked by the core's :func:`~annotator.core.ingest.parse_user_map`."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from annotator.core.ingest import UserMapError, parse_user_map


class UserMapDialog(QDialog):
    """Asks for ``ID=NAME[,ID=NAME...]`` or a JSON file ``{ID: NAME}``; empty keeps Label
    Studio's own names (the email, or ``labelstudio-user-ID``)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import a Label Studio export")
        self.user_map: dict[str, str] = {}
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("1=alice, 2=bob   or a JSON file {ID: NAME}")
        self.edit.setMinimumWidth(420)
        browse = QPushButton("JSON file…")
        browse.clicked.connect(self._browse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Label Studio names its users by id. Give them annotator names (ID is a user id or email);"
            " users not named keep their email, or become labelstudio-user-ID."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "User map", "", "JSON (*.json);;All files (*)")
        if path:
            self.edit.setText(path)

    def check(self) -> None:
        """OK: accept a map the core reads; else say what is wrong and stay open."""
        text = self.edit.text().strip()
        try:
            self.user_map = parse_user_map([text] if text else [])
        except UserMapError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


def ask_user_map(parent) -> dict[str, str] | None:
    """The user map for a Label Studio import (empty: none given); None when cancelled."""
    dialog = UserMapDialog(parent)
    return dialog.user_map if dialog.exec() == QDialog.DialogCode.Accepted else None

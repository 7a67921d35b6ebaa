"""Help → Keyboard shortcuts (F1): every key of the window, from the action table."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from annotator._qt.actions import shortcut_rows


class ShortcutsSheet(QDialog):
    """A non-modal sheet listing the keyboard contract."""

    def __init__(self, labels: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = "".join(
            f"<tr><td><b>{escape(keys)}</b>&nbsp;&nbsp;</td><td>{escape(text)}</td></tr>"
            for keys, text in shortcut_rows(labels)
        )
        view = QTextBrowser()
        view.setHtml(
            "<table cellpadding='3'>" + rows + "</table><p>A mouse selection snaps to "
            "whole words; a double-click selects a word. Every edit is saved at once.</p>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.view = view
        self._fit(view, buttons)

    def hideEvent(self, event) -> None:
        """Give the keys back to the window (no window manager does that for us)."""
        super().hideEvent(event)
        parent = self.parentWidget()
        if parent is not None:
            parent.activateWindow()

    def _fit(self, view: QTextBrowser, buttons: QDialogButtonBox) -> None:
        """As tall as the whole sheet (no scrolling to find a key), within the screen."""
        width = 640
        document = view.document()
        document.setTextWidth(width - 40)
        layout = self.layout()
        assert layout is not None, "the sheet's layout is set in __init__"
        margins = layout.contentsMargins()
        chrome = (
            margins.top()
            + margins.bottom()
            + layout.spacing()
            + buttons.sizeHint().height()
            + 2 * view.frameWidth()
            + 24
        )
        screen = self.screen().availableGeometry().height() if self.screen() else 900
        self.resize(width, min(int(document.size().height()) + chrome, screen - 60))

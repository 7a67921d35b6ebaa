"""The audit panel: every change to the focused span or the whole article, undo and redo
included as rows of their own (the same rows as ``annotator history``)."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from annotator.core.review import history_entries

COLUMNS = ("when (UTC)", "who", "action", "what")


class HistoryPanel(QTreeWidget):
    """Newest change first; ``show_for`` picks the span (or, without one, the article)."""

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(COLUMNS)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.scope = ""

    def show_for(
        self, article_id: int | None, span_id: int | None = None, annotator: str | None = None
    ) -> None:
        """The changes to ``span_id`` (or, without one, to the article), by ``annotator`` or anyone."""
        self.clear()
        if article_id is None:
            return
        entries = history_entries(self.project, article_id, annotator, span_id=span_id, limit=500)
        self.scope = f"span {span_id}" if span_id is not None else f"article {article_id}"
        for entry in reversed(entries):
            when = entry["at"].replace("T", " ")[:19]
            row = QTreeWidgetItem([when, entry["annotator"] or "-", entry["action"], entry["summary"]])
            self.addTopLevelItem(row)
        for column in range(len(COLUMNS) - 1):
            self.resizeColumnToContents(column)

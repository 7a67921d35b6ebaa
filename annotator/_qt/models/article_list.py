"""A lazy table model of the project's articles, read a page at a time from SQLite."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator._qt.widgets.title_elide import DEPARTS_ROLE, departures
from annotator.core.store import ArticleQuery, ArticleRow

PAGE = 200
COLUMNS = ("#", "Article", "Status", "Spans", "Sugg.")
_KEEP_PAGES = 50


class ArticleListModel(QAbstractTableModel):
    """Rows of :meth:`Project.list_page`; only pages in view are read."""

    def __init__(self, project, query: ArticleQuery, parent=None):
        super().__init__(parent)
        self._project, self._query = project, query
        self._pages: dict[int, list[ArticleRow]] = {}
        self._departs: dict[int, dict[str, int]] = {}  # page -> title -> where it departs
        self._count = project.list_count(query)

    # -- query -------------------------------------------------------------------------
    @property
    def query(self) -> ArticleQuery:
        return self._query

    def set_query(self, query: ArticleQuery) -> None:
        """Show another filter or search."""
        self.beginResetModel()
        self._query, self._pages, self._departs = query, {}, {}
        self._count = self._project.list_count(query)
        self.endResetModel()

    def refresh(self) -> None:
        """Read the rows again (states and counts changed)."""
        self.set_query(self._query)

    def apply_changes(self, changes) -> None:
        """Follow a change (``background.Changes``): every row, or the rows of some articles."""
        if changes.articles:
            self.refresh()
            return
        for article_id in changes.article_ids:
            self.refresh_article(article_id)

    def refresh_article(self, article_id: int) -> None:
        """Re-read the page holding one article and repaint its row."""
        row = self.row_of(article_id)
        if row is None:
            return
        self._pages.pop(row // PAGE, None)
        self._departs.pop(row // PAGE, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, article_id: int) -> int | None:
        return self._project.list_row_of(self._query, article_id)

    def article_id(self, row: int) -> int | None:
        item = self._row(row)
        return item.id if item else None

    def _row(self, row: int) -> ArticleRow | None:
        if not 0 <= row < self._count:
            return None
        number = row // PAGE
        rows = self._pages.get(number)
        if rows is None:
            if len(self._pages) >= _KEEP_PAGES:
                self._departs.pop(oldest := next(iter(self._pages)), None)
                self._pages.pop(oldest)
            rows = self._project.list_page(self._query, number * PAGE, PAGE)
            self._pages[number] = rows
            self._departs[number] = departures([r.title for r in rows])
        index = row - number * PAGE
        return rows[index] if index < len(rows) else None

    # -- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            DEPARTS_ROLE,
        ):
            return None
        item = self._row(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if index.column() in (0, 3, 4)
                else None
            )
        if role == DEPARTS_ROLE:
            return (
                self._departs.get(index.row() // PAGE, {}).get(item.title, 0) if index.column() == 1 else None
            )
        values = (item.id, item.title, item.state.replace("_", " "), item.spans, item.suggestions)
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.title[:300]
        return values[index.column()]

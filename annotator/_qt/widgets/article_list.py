"""The article list pane: a search box on the full-text index, a status filter, the table."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator._qt.models.article_list import ArticleListModel
from annotator._qt.widgets.title_elide import TitleDelegate
from annotator.core.model import ARTICLE_STATES


class ArticleListPane(QWidget):
    """Lists articles; emits :attr:`articleChosen` when the user picks one."""

    articleChosen = Signal(int)
    leave = Signal()

    def __init__(self, model: ArticleListModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit(placeholderText="Search articles (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            "Search the articles' text (every word, as a prefix); Enter opens the first hit (with nothing"
            " typed: back to the article), Down goes into the list, Esc goes back"
        )
        self.search.installEventFilter(self)
        self.status = QComboBox()
        self.status.addItem("All", None)
        for state in ARTICLE_STATES:
            self.status.addItem(state.replace("_", " "), state)
        self.status.setToolTip("Show only the articles in this state (yours)")
        self.table = _table(model)
        self._current: int | None = None  # the open article, selected whenever the list shows it
        model.modelReset.connect(lambda: self.show_current(self._current))
        self.table.setToolTip("Click an article to open it; Ctrl+Down / Ctrl+Up step through the list")
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._apply)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_entered)
        self.status.currentIndexChanged.connect(self._apply)
        self.table.activated.connect(self._chosen)
        self.table.clicked.connect(self._chosen)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_filters(self) -> None:
        """Show every article again (no search, every status)."""
        for widget in (self.search, self.status):
            widget.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        for widget in (self.search, self.status):
            widget.blockSignals(False)
        self._apply()

    def eventFilter(self, watched, event) -> bool:
        """Down / Up in the search box go into the list, at the open article's row (else the first)."""
        keys = (Qt.Key.Key_Down, Qt.Key.Key_Up)
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() in keys:
            self._apply()
            if self.model.rowCount():
                rows = self.table.selectionModel().selectedRows()
                self.table.setCurrentIndex(rows[0] if rows else self.model.index(0, 0))
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave.emit()
        else:
            super().keyPressEvent(event)

    def show_current(self, article_id: int | None) -> None:
        """Select the row of ``article_id`` (when the filter shows it), now and after the list
        is read again (a search typed, a filter chosen)."""
        self._current = article_id
        row = None if article_id is None else self.model.row_of(article_id)
        if row is None:
            self.table.clearSelection()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def _apply(self) -> None:
        self._debounce.stop()
        query = self.model.query
        wanted = replace(query, state=self.status.currentData(), search=self.search.text().strip())
        if wanted != query:
            self.model.set_query(wanted)

    def _search_entered(self) -> None:
        self._apply()
        if not self.search.text().strip():  # no search: keep the open article, back to its text
            self.leave.emit()
        elif self.model.rowCount():
            self._chosen(self.model.index(0, 0))

    def _chosen(self, index) -> None:
        article_id = self.model.article_id(index.row())
        if article_id is not None:
            self.articleChosen.emit(article_id)


def _table(model: ArticleListModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setItemDelegateForColumn(1, TitleDelegate(table))
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(22)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    for column, width in ((0, 48), (2, 78), (3, 48), (4, 48)):
        table.setColumnWidth(column, width)
    return table

"""The layout review's windows share: a main view beside a column of labelled lists."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget


def beside_column(main: QWidget, column: Sequence[tuple[QWidget, int]], sizes: tuple[int, int]) -> QSplitter:
    """A horizontal splitter: ``main`` on the left, the ``(widget, stretch)`` column on the right."""
    side = QWidget()
    layout = QVBoxLayout(side)
    for widget, stretch in column:
        layout.addWidget(widget, stretch)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(main)
    splitter.addWidget(side)
    splitter.setSizes(list(sizes))
    return splitter

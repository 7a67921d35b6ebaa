"""The dashboard: progress per annotator, labels per annotator, agreement per label and the
most disputed articles, drawn with matplotlib's Qt backend. The figures are the ones
``annotator stats --json`` prints (``agreement`` included), computed off the GUI thread on
a connection of their own; double-clicking a disputed article opens it in review mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
)

from annotator._qt.background import BackgroundOp
from annotator._qt.label_style import label_styles
from annotator._qt.review.layout import beside_column
from annotator.core.stats import project_stats
from annotator.core.store import open_project

MEASURES = (
    ("f1_exact", "F1 exact"),
    ("f1_overlap", "F1 overlap"),
    ("kappa", "Fleiss κ"),
    ("alpha", "Krippendorff α"),
)


def read_figures(path: Path) -> dict[str, Any]:
    """Everything the dashboard draws, read on a connection of its own (any thread)."""
    with open_project(path, read_only=True) as project:
        figures = project_stats(project)
        figures["labels_per_annotator"] = project.review.label_counts_by_annotator()
        figures["scheme"] = project.scheme
    return figures


class Dashboard(QMainWindow):
    """A window of charts; ``openReview(article_id)`` when a disputed article is double-clicked."""

    openReview = Signal(int)
    loaded = Signal()

    def __init__(self, path: Path, parent=None, palette: str = "scheme"):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.path = Path(path)
        self.label_palette = palette
        self.figures: dict[str, Any] | None = None
        self.figure = Figure(figsize=(10, 7), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.disputed = QListWidget()
        self.disputed.itemActivated.connect(self._activated)
        self.disputed.itemDoubleClicked.connect(self._activated)
        self.summary = QLabel("Reading the project…")
        self.summary.setWordWrap(True)
        column = [
            (self.summary, 0),
            (QLabel("<b>Most disputed articles</b> (double-click: review)"), 0),
            (self.disputed, 1),
        ]
        self.setCentralWidget(beside_column(self.canvas, column, (900, 330)))
        self.setWindowTitle(f"Dashboard — {self.path.name}")
        self.resize(1280, 780)
        self._op: BackgroundOp | None = None

    def refresh(self) -> None:
        """Read the figures again in the background; the charts follow when they arrive."""
        self._op = BackgroundOp(lambda _ctx: read_figures(self.path), parent=self)
        self._op.succeeded.connect(self.show_figures)
        self._op.failed.connect(lambda error: self.summary.setText(f"Cannot read the project: {error}"))
        self._op.start()

    def show_figures(self, figures: dict[str, Any]) -> None:
        self.figures = figures
        agreement = figures["agreement"]
        overall = agreement["overall"]
        self.summary.setText(
            f"<b>{figures['articles']:,}</b> articles, <b>{figures['done']:,}</b> done by someone. "
            f"Agreement over <b>{overall['articles']:,}</b> articles two or more people finished "
            f"({', '.join(agreement['annotators']) or 'nobody yet'}): "
            f"F1 {_fmt(overall['f1_exact'])}, κ {_fmt(overall['kappa'])}, α {_fmt(overall['alpha'])}."
        )
        self.disputed.clear()
        for row in agreement["disputed"]:
            item = QListWidgetItem(f"{row['disagreements']:>3}  #{row['article_id']}  {row['title']}")
            item.setData(Qt.ItemDataRole.UserRole, row["article_id"])
            self.disputed.addItem(item)
        self._draw(figures)
        self.loaded.emit()

    def set_palette(self, palette: str) -> None:
        """Colour the labels with ``palette`` (label_style.PALETTES) and redraw the charts."""
        self.label_palette = palette
        if self.figures is not None:
            self._draw(self.figures)

    def _draw(self, figures: dict[str, Any]) -> None:
        styles = label_styles(figures["scheme"], self.label_palette)
        figures["colors"] = {name: style.color for name, style in styles.items()}
        self.figure.clear()
        axes = self.figure.subplots(2, 2)
        names = sorted(figures["annotators"])
        _progress(axes[0][0], names, figures)
        _labels(axes[0][1], names, figures)
        _agreement(axes[1][0], figures["agreement"])
        _disputed(axes[1][1], figures["agreement"]["disputed"])
        self.canvas.draw_idle()

    def _activated(self, item: QListWidgetItem) -> None:
        self.openReview.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def _fmt(value) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _progress(ax, names: list[str], figures: dict[str, Any]) -> None:
    done = [figures["annotators"][n]["done"] for n in names]
    ax.barh(names, [figures["articles"]] * len(names), color="#e6e6e6", label="articles")
    ax.barh(names, done, color="#4c78a8", label="done")
    for y, value in enumerate(done):
        ax.text(value, y, f" {value:,}", va="center", fontsize=8)
    ax.set_title("Progress per annotator (articles done)")
    ax.invert_yaxis()
    ax.legend(loc="lower right", fontsize=8)


def _labels(ax, names: list[str], figures: dict[str, Any]) -> None:
    per = figures["labels_per_annotator"]
    labels = list(figures["spans"])
    width = 0.8 / max(len(labels), 1)
    for i, label in enumerate(labels):
        xs = [j + i * width for j in range(len(names))]
        ax.bar(
            xs,
            [per.get(n, {}).get(label, 0) for n in names],
            width,
            label=label,
            color=figures["colors"].get(label),
        )
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(names))], names)
    ax.set_title("Accepted spans per label and annotator")
    ax.legend(fontsize=8)


def _agreement(ax, agreement: dict[str, Any]) -> None:
    labels = [*list(agreement["labels"]), "overall"]
    rows = [*agreement["labels"].values(), agreement["overall"]]
    width = 0.8 / len(MEASURES)
    for i, (key, title) in enumerate(MEASURES):
        xs = [j + i * width for j in range(len(labels))]
        ax.bar(xs, [row[key] or 0 for row in rows], width, label=title)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(labels))], labels, fontsize=8)
    ax.set_ylim(min(0, *[row[k] or 0 for row in rows for k, _ in MEASURES]), 1.18)
    ax.axhline(0.8, color="#999", lw=0.8, ls="--")
    ax.set_title(f"Agreement per label ({agreement['overall']['articles']:,} articles)")
    ax.legend(fontsize=7, ncol=4, loc="upper center")


def _disputed(ax, disputed: list[dict[str, Any]]) -> None:
    top = disputed[:10]
    ax.barh([f"#{d['article_id']}" for d in top], [d["disagreements"] for d in top], color="#e45756")
    ax.invert_yaxis()
    ax.set_title("Most disputed articles (spans not shared by all)")
    if not top:
        ax.text(0.5, 0.5, "no disagreements yet", ha="center", va="center", transform=ax.transAxes)

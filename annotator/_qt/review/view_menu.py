"""The window's View menu: Review mode, the Dashboard and the History of the open article.

With blind labelling on (``--blind`` or the setting), Review and the Dashboard are off and
the history shows only the annotator's own changes, so nobody sees another's work first.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from annotator._qt.background import Changes
from annotator._qt.label_style import palette_setting
from annotator._qt.review.history_panel import HistoryPanel
from annotator._qt.review.window import ReviewWindow
from annotator.core import review as adjudicate

if TYPE_CHECKING:
    from annotator._qt.review.dashboard import Dashboard

BLIND_KEY = "blind"  # the Settings dialog's key too

ITEMS = (
    (
        "review",
        "&Review mode",
        "Ctrl+Shift+R",
        "Every annotator's version side by side; settle disagreements",
    ),
    ("dashboard", "&Dashboard", "Ctrl+Shift+D", "Progress, labels and agreement as charts"),
    ("history", "&History of this article", "Ctrl+H", "Every change to the article (or the focused span)"),
)


def blind_setting(settings) -> bool:
    """Whether blind labelling is on in the user's settings."""
    return str(settings.value(BLIND_KEY, "false")).lower() in ("1", "true", "yes")


class ViewMenu:
    """Builds the View menu on ``window`` (a MainWindow) and owns the windows it opens."""

    def __init__(self, window, blind: bool = False):
        self.window, self.blind = window, blind
        self.palette = palette_setting(window.settings)  # label colours, as Settings says
        self.review: ReviewWindow | None = None
        self.dashboard: Dashboard | None = None
        self.history: QMainWindow | None = None
        self.history_panel: HistoryPanel | None = None
        menu = window.menuBar().addMenu("&View")
        self.actions: dict[str, QAction] = {}
        for name, text, key, tip in ITEMS:
            action = QAction(text, window)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(tip)
            action.triggered.connect(getattr(self, f"open_{name}"))
            menu.addAction(action)
            self.actions[name] = action
        blind_action = QAction("&Blind labelling", window, checkable=True, checked=blind)
        blind_action.toggled.connect(self.set_blind)
        menu.addSeparator()
        menu.addAction(blind_action)
        self.actions["blind"] = blind_action
        self.set_blind(blind)

    def set_palette(self, palette: str) -> None:
        """Colour labels in review mode and the dashboard with ``palette``, open ones at once."""
        self.palette = palette
        for opened in (self.review, self.dashboard):
            if opened is not None:
                opened.set_palette(palette)

    def set_blind(self, on: bool) -> None:
        self.blind = on
        self.window.settings.setValue(BLIND_KEY, "true" if on else "false")
        for name in ("review", "dashboard"):
            self.actions[name].setEnabled(not on)
        self.window.annotating.blind = on
        self.window.annotating.reload()
        model = self.window.list_model  # its "Sugg." counts only what the annotator is shown
        if model.query.blind != on:
            model.set_query(replace(model.query, blind=on))

    # -- review --------------------------------------------------------------------------
    def open_review(self, _checked=False, article_id: int | None = None) -> ReviewWindow | None:
        """Review mode for the window's annotator, on ``article_id`` (default: the open article
        when two people finished it, else the next article that needs review)."""
        if self.blind:
            self.window.statusBar().showMessage("Blind labelling is on: review mode is off.", 6000)
            return None
        window, project = self.window, self.window.project
        if self.review is None:
            self.review = ReviewWindow(project, window.annotator, window, self.palette)
            self.review.edited.connect(lambda a: window.bus.announce(Changes.of_articles(a)))
            self.review.left.connect(window.left_in_review)
        state = window.annotating.state
        current = state.article.id if state else None
        if (
            article_id is None
            and current is not None
            and len(adjudicate.review_annotators(project, current, window.annotator)) >= 2
        ):
            article_id = current
        if article_id is None:
            article_id = adjudicate.next_to_review(project, window.annotator)
        if article_id is None:
            window.statusBar().showMessage("No article has been finished by two annotators yet.", 8000)
            return None
        self.review.open_article(article_id)
        self.review.show()
        self.review.raise_()
        self.review.activateWindow()
        return self.review

    # -- dashboard -----------------------------------------------------------------------
    def open_dashboard(self, _checked=False) -> Dashboard | None:
        if self.blind:
            self.window.statusBar().showMessage("Blind labelling is on: the dashboard is off.", 6000)
            return None
        if self.dashboard is None:
            from annotator._qt.review.dashboard import Dashboard  # matplotlib loads only when asked for

            self.dashboard = Dashboard(self.window.project.path, self.window, self.palette)
            self.dashboard.openReview.connect(lambda a: self.open_review(article_id=a))
        self.dashboard.refresh()
        self.dashboard.show()
        self.dashboard.raise_()
        return self.dashboard

    # -- history -------------------------------------------------------------------------
    def open_history(self, _checked=False) -> QMainWindow | None:
        state = self.window.annotating.state
        if state is None:
            return None
        if self.history is None:
            self.history = QMainWindow(self.window)
            self.history.setWindowFlag(Qt.WindowType.Window, True)
            self.history_panel = HistoryPanel(self.window.project)
            self.history.setCentralWidget(self.history_panel)
            self.history.resize(900, 420)
        focused = state.focused()
        span_id = focused.id if focused is not None and focused.annotator else None
        who = self.window.annotator if self.blind else None
        assert self.history_panel is not None, "made with the history window"
        self.history_panel.show_for(state.article.id, span_id, annotator=who)
        self.history.setWindowTitle(f"History — {self.history_panel.scope}")
        self.history.show()
        self.history.raise_()
        return self.history

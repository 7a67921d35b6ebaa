"""Fixtures for the window tests: a small project with suggestions, isolated settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from annotator.core.model import Relation, Span  # noqa: E402
from annotator.core.store import articles, open_project  # noqa: E402
from annotator.core.store import spans as span_rows  # noqa: E402

QUOTE_TEXT = ('Putin said: "We will not retreat from Donbas," as at least 19 people '
              'were killed in Kyiv on Sunday.')
EMOJI_TEXT = "🎉🎉 Big day! 👍 Zelensky met Biden in Kyiv.\r\nThen 🎉 Macron spoke."
PLAIN_TEXTS = ["Officials in Kharkiv said the talks would resume in Geneva next week.",
               "The Kremlin denied the report, calling it a provocation by NATO."]


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def suggest(db, article_id: int, text: str, words: str, label: str, **attrs) -> int:
    """Store a model suggestion over ``words``; its span id."""
    start, end = _at(text, words)
    return span_rows.insert(db, Span(article_id, start, end, label, attrs=attrs, origin="model",
                                     status="suggested", score=0.9))


@pytest.fixture
def qt_settings(tmp_path):
    """Settings in a temporary INI file, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture
def qt_project_path(tmp_path):
    """A project: a quote article with suggestions (a QUOTE holding a LOCATION), an emoji
    article with CRLF, two plain articles."""
    path = tmp_path / "window.annotator.db"
    with open_project(path, create=True) as project, project.transaction():
        db = project.db
        ids = [i for i, _ in articles.insert_batch(
            db, [{"text": t} for t in [QUOTE_TEXT, EMOJI_TEXT, *PLAIN_TEXTS]])]
        first = ids[0]
        actor = suggest(db, first, QUOTE_TEXT, "Putin", "ACTOR")
        quote = suggest(db, first, QUOTE_TEXT, "We will not retreat from Donbas", "QUOTE")
        suggest(db, first, QUOTE_TEXT, "Donbas", "LOCATION")
        suggest(db, first, QUOTE_TEXT, "at least 19 people", "CASUALTY",
                count_low=19, count_high=None, qualifier="at least", kind="killed")
        suggest(db, first, QUOTE_TEXT, "Kyiv", "LOCATION")
        span_rows.insert_relation(db, Relation(first, quote, actor, origin="model", status="suggested"))
    return path


def activate(qtbot, window) -> None:
    """Make ``window`` the active one (window shortcuts only reach the active window)."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.view.setFocus()


@pytest.fixture
def open_win(qtbot, qt_settings):
    """Open a window (no suggestion worker) on a project path, as annotator ``ann``."""
    from annotator._qt.app import open_window

    def opener(path, annotator="ann"):
        window = open_window(path, annotator, qt_settings, suggest=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        activate(qtbot, window)
        return window

    return opener


@pytest.fixture
def window(open_win, qt_project_path):
    """The window on the test project."""
    return open_win(qt_project_path)

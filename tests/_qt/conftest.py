"""Fixtures for the window tests: a small project with suggestions, isolated settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings
from window_helpers import EMOJI_TEXT, PLAIN_TEXTS, QUOTE_TEXT, REVIEW_TEXT, activate, suggest, words_at

from annotator.core import edits
from annotator.core.model import Relation
from annotator.core.store import articles, open_project
from annotator.core.store import spans as span_rows


@pytest.fixture
def shown(monkeypatch):
    """The "Done" boxes an import shows (their text), instead of showing them."""
    boxes: list[str] = []
    monkeypatch.setattr(
        "annotator._qt.file_jobs.QMessageBox.information", lambda _parent, _title, text: boxes.append(text)
    )
    return boxes


@pytest.fixture
def qt_settings(tmp_path):
    """Settings in a temporary INI file, never the user's. Ctrl+Enter does not ask about
    undecided suggestions (as after "don't ask again"): a modal question would stop a test
    that does not expect it; the question's own tests turn it on."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    settings.setValue("ask_done_undecided", False)
    return settings


@pytest.fixture
def qt_project_path(tmp_path):
    """A project: a quote article with suggestions (a QUOTE holding a LOCATION), an emoji
    article with CRLF, two plain articles."""
    path = tmp_path / "window.annotator.db"
    with open_project(path, create=True) as project, project.transaction():
        db = project.db
        ids = [
            i
            for i, _ in articles.insert_batch(
                db, [{"text": t} for t in [QUOTE_TEXT, EMOJI_TEXT, *PLAIN_TEXTS]]
            )
        ]
        first = ids[0]
        actor = suggest(db, first, QUOTE_TEXT, "Putin", "ACTOR")
        quote = suggest(db, first, QUOTE_TEXT, "We will not retreat from Donbas", "QUOTE")
        suggest(db, first, QUOTE_TEXT, "Donbas", "LOCATION")
        suggest(
            db,
            first,
            QUOTE_TEXT,
            "at least 19 people",
            "CASUALTY",
            count_low=19,
            count_high=None,
            qualifier="at least",
            kind="killed",
        )
        suggest(db, first, QUOTE_TEXT, "Kyiv", "LOCATION")
        span_rows.insert_relation(db, Relation(first, quote, actor, origin="model", status="suggested"))
    return path


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


@pytest.fixture
def two_annotators(qt_project_path):
    """ann and bob finished the Kharkiv article (``REVIEW_TEXT``; its id is returned): they agree
    on Kharkiv, disagree on Geneva's label, and only ann marked Officials."""
    with open_project(qt_project_path) as project:
        article = next(a for a in project.article_ids() if project.article(a).text == REVIEW_TEXT)
        versions = {
            "ann": [("Officials", "ACTOR"), ("Kharkiv", "LOCATION"), ("Geneva", "LOCATION")],
            "bob": [("Kharkiv", "LOCATION"), ("Geneva", "ACTOR")],
        }
        for name, spans in versions.items():
            for words, label in spans:
                edits.perform(project, edits.add_span, article, *words_at(REVIEW_TEXT, words), label, name)
            edits.perform(project, edits.set_state, article, "done", name)
    return article

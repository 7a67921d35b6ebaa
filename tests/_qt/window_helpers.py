"""Shared texts and helpers of the window tests (fixtures live in conftest.py)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from annotator.core.model import Span
from annotator.core.store import spans as span_rows

QUOTE_TEXT = (
    'Putin said: "We will not retreat from Donbas," as at least 19 people were killed in Kyiv on Sunday.'
)
EMOJI_TEXT = "🎉🎉 Big day! 👍 Zelensky met Biden in Kyiv.\r\nThen 🎉 Macron spoke."
PLAIN_TEXTS = [
    "Officials in Kharkiv said the talks would resume in Geneva next week.",
    "The Kremlin denied the report, calling it a provocation by NATO.",
]
REVIEW_TEXT = PLAIN_TEXTS[0]  # the article the ``two_annotators`` fixture has ann and bob label


def words_at(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` first stand in ``text`` (code points)."""
    start = text.index(words)
    return start, start + len(words)


def suggest(db, article_id: int, text: str, words: str, label: str, **attrs) -> int:
    """Store a model suggestion over ``words``; its span id."""
    start, end = words_at(text, words)
    return span_rows.insert(
        db, Span(article_id, start, end, label, attrs=attrs, origin="model", status="suggested", score=0.9)
    )


def finished_articles(path, count: int, *labels: tuple[str, str]) -> list[int]:
    """A project of ``count`` copies of ``PLAIN_TEXTS[0]`` that ann marked done, each with
    ``labels`` as (words, label) accepted; the article ids."""
    from annotator.core import edits
    from annotator.core.store import articles, open_project

    text = PLAIN_TEXTS[0]
    with open_project(path, create=True) as project:
        with project.transaction():
            ids = [
                i
                for i, _ in articles.insert_batch(
                    project.db, [{"text": f"{text} ({i})"} for i in range(count)]
                )
            ]
        for article in ids:
            for words, label in labels:
                edits.perform(
                    project, edits.add_span, article, *words_at(text, words), label, annotator="ann"
                )
            edits.perform(project, edits.set_state, article, "done", annotator="ann")
    return ids


def activate(qtbot, window) -> None:
    """Make ``window`` the active one (window shortcuts only reach the active window)."""
    from PySide6.QtWidgets import QApplication

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.view.setFocus()


def accepted_spans(project, article_id: int, name: str = "rev") -> list[tuple[str, str]]:
    """``name``'s own accepted spans on the article, as sorted (words, label) pairs."""
    text = project.article(article_id).text
    return sorted(
        (text[s.start : s.end], s.label)
        for s in project.spans_for(article_id, name)
        if s.annotator == name and s.status == "accepted"
    )


def choose_label_colours(monkeypatch, window, palette: str) -> bool:
    """Open Settings on ``window`` as if the user chose the label colours ``palette`` and OK."""
    from annotator._qt import preferences
    from annotator._qt.widgets.settings_dialog import SettingsDialog

    class Answered(SettingsDialog):
        def exec(self):
            self._select(self.label_colours, palette)
            return True

    monkeypatch.setattr(preferences, "SettingsDialog", Answered)
    return preferences.open_settings(window)


def open_review(qtbot, window, article_id: int):
    """Open review mode on ``article_id`` from ``window``'s View menu, exposed and active."""
    review = window.view_menu.open_review(article_id=article_id)
    qtbot.addWidget(review)
    qtbot.waitExposed(review)
    activate(qtbot, review)
    return review


_CHILD_WINDOW = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from annotator._qt.app import open_window
    app = QApplication([])
    window = open_window(Path(sys.argv[1]), "ann", QSettings(sys.argv[2], QSettings.IniFormat),
                         suggest=False)
    window.show()
    window.activateWindow()
    QTest.qWait(200)
""")


def lines_before_kill_9(project: Path, settings: Path, script: str, count: int) -> list[str]:
    """Open a window as ``ann`` in a child process (settings in the INI file ``settings``), run
    ``script`` there (``app``, ``window``, ``Qt`` and ``QTest`` are at hand), read ``count`` lines
    it prints, then ``kill -9`` it."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD_WINDOW + textwrap.dedent(script), str(project), str(settings)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        return [child.stdout.readline() for _ in range(count)]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

"""Regenerate docs/screenshot.png: the window on the sample project, a few decisions made and a
QUOTE focused with its speaker linked, so the side panel shows label, origin and speaker.

Run under a display (e.g. ``Xvfb :77 -screen 0 1400x900x24 &`` and ``DISPLAY=:77``):
``python docs/make_screenshot.py PROJECT docs/screenshot.png`` where PROJECT holds the sample
articles with suggestions (``annotator import PROJECT resources/samples`` then
``annotator suggest PROJECT``). PROJECT itself is not changed: the keys go to a copy.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator._qt.app import open_window

QUOTE_START = "Europe is not a plaything"  # the sample quote whose speaker (Merz) comes after it


def main(project: str, out: str) -> None:
    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp())
    copy = work / Path(project).name
    shutil.copy(project, copy)
    settings = QSettings(str(work / "s.ini"), QSettings.IniFormat)
    window = open_window(copy, "demo", settings, suggest=False)
    window.show()
    window.activateWindow()
    QTest.qWait(500)
    view, state = window.view, window.annotating.state
    for key in (Qt.Key_N, Qt.Key_A, Qt.Key_N, Qt.Key_A, Qt.Key_N, Qt.Key_N, Qt.Key_A):
        QTest.keyClick(view, key)
    for _ in range(len(state.spans)):
        QTest.keyClick(view, Qt.Key_N)
        focused = state.focused()
        if focused.label == "QUOTE" and focused.text_in(state.article.text).startswith(QUOTE_START):
            break
    else:
        raise SystemExit(f"{project}: no QUOTE starting {QUOTE_START!r}; is it the sample project?")
    QTimer.singleShot(300, lambda: QTest.keyClick(app.activeModalWidget().focusWidget(), Qt.Key_Return))
    QTest.keyClick(view, Qt.Key_S)  # the picker preselects the linked speaker; Enter keeps it
    QTest.qWait(400)
    window.grab().save(out)
    window.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])

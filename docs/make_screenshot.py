"""Regenerate docs/screenshot.png: the window on the sample project, with a few decisions made.

Run under a display (e.g. ``Xvfb :77 -screen 0 1400x900x24 &`` and ``DISPLAY=:77``):
``python docs/make_screenshot.py PROJECT docs/screenshot.png`` where PROJECT holds the sample
articles with suggestions (``annotator suggest PROJECT``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator._qt.app import open_window


def main(project: str, out: str) -> None:
    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.IniFormat)
    window = open_window(Path(project), "demo", settings, suggest=False)
    window.show()
    window.activateWindow()
    QTest.qWait(500)
    view = window.view
    for key in (Qt.Key_N, Qt.Key_A, Qt.Key_N, Qt.Key_A, Qt.Key_N, Qt.Key_N, Qt.Key_A, Qt.Key_N):
        QTest.keyClick(view, key)
    QTest.qWait(300)
    window.grab().save(out)
    window.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""``kill -9`` of a window process loses no decision it had shown."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from annotator.core.store import open_project

CHILD = textwrap.dedent("""
    import os, sys, time
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
    for key in (Qt.Key_N, Qt.Key_A, Qt.Key_N, Qt.Key_X, Qt.Key_N, Qt.Key_A):
        QTest.keyClick(window.view, key)
        app.processEvents()
        state = window.annotating.state
        shown = sorted((s.start, s.end, s.label) for s in state.spans if s.annotator == "ann")
        print("SHOWN", shown, flush=True)
    while True:
        QTest.keyClick(window.view, Qt.Key_N)
        app.processEvents()
""")


def test_kill_9_keeps_every_shown_decision(qt_project_path, tmp_path):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(qt_project_path), str(tmp_path / "s.ini")],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    shown = None
    try:
        for _ in range(6):
            line = child.stdout.readline()
            assert line.startswith("SHOWN"), line
            shown = line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    with open_project(qt_project_path, read_only=True) as project:
        rows = project.db.execute(
            "SELECT start, end, label FROM spans WHERE annotator = 'ann' "
            "AND status = 'accepted' ORDER BY 1, 2, 3"
        ).fetchall()
    assert shown == f"SHOWN {sorted(tuple(r) for r in rows)}\n"
    assert len(rows) == 2

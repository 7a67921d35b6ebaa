"""``kill -9`` of a window process loses no decision it had shown."""

from __future__ import annotations

from window_helpers import lines_before_kill_9

from annotator.core.store import open_project

KEYS_THEN_KEEP_GOING = """
    for key in (Qt.Key_N, Qt.Key_A, Qt.Key_N, Qt.Key_X, Qt.Key_N, Qt.Key_A):
        QTest.keyClick(window.view, key)
        app.processEvents()
        state = window.annotating.state
        shown = sorted((s.start, s.end, s.label) for s in state.spans if s.annotator == "ann")
        print("SHOWN", shown, flush=True)
    while True:
        QTest.keyClick(window.view, Qt.Key_N)
        app.processEvents()
"""


def test_kill_9_keeps_every_shown_decision(qt_project_path, tmp_path):
    lines = lines_before_kill_9(qt_project_path, tmp_path / "s.ini", KEYS_THEN_KEEP_GOING, 6)
    assert all(line.startswith("SHOWN") for line in lines), lines
    shown = lines[-1]
    with open_project(qt_project_path, read_only=True) as project:
        rows = project.db.execute(
            "SELECT start, end, label FROM spans WHERE annotator = 'ann' "
            "AND status = 'accepted' ORDER BY 1, 2, 3"
        ).fetchall()
    assert shown == f"SHOWN {sorted(tuple(r) for r in rows)}\n"
    assert len(rows) == 2

"""Other processes writing the same project: the window says so, keeps working, and never
loses an edit silently (it waits its turn, or says plainly that the edit was NOT saved)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt

from annotator.core.store import open_project
from annotator.core.store import spans as span_rows

HOLD = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
""")

IMPORTER = textwrap.dedent("""
    import json, sys
    from annotator.cli import main
    with open(sys.argv[2], "w") as out:
        for i in range(40000):
            out.write(json.dumps({"text": f"Item {i}: " + "the talks went on in Geneva. " * 20}) + "\\n")
    main(["import", sys.argv[1], sys.argv[2], "--annotator", "bulk"])
""")


def _status(window) -> str:
    return window.statusBar().currentMessage()


def _holder(path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "holding"
    return proc


def _accepted(path) -> int:
    with open_project(path, read_only=True) as project:
        return len(span_rows.accepted(project.db, 1, "ann"))


def test_an_edit_waits_for_a_short_write_of_another_process(qtbot, window, qt_project_path):
    holder = _holder(qt_project_path, 0.6)
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    holder.wait(timeout=30)
    assert _status(window).startswith("Saved: accept")
    assert _accepted(qt_project_path) >= 1


def test_an_edit_blocked_too_long_says_plainly_it_was_not_saved(qtbot, window, qt_project_path):
    holder = _holder(qt_project_path, 8)
    try:
        qtbot.keyClick(window.view, Qt.Key_N)
        qtbot.keyClick(window.view, Qt.Key_A)
        assert _status(window).startswith("NOT SAVED: ")
        assert "was not saved" in _status(window)
        assert window.annotating.undo_state().undo is None  # nothing pretends to be done
    finally:
        holder.kill()
        holder.wait()
    assert _accepted(qt_project_path) == 0
    qtbot.keyClick(window.view, Qt.Key_A)  # the other process is gone: the same key saves now
    assert _status(window).startswith("Saved: accept")
    assert _accepted(qt_project_path) == 1


def test_an_undo_blocked_too_long_leaves_the_stack_as_it_was(qtbot, window, qt_project_path):
    qtbot.keyClick(window.view, Qt.Key_N)
    qtbot.keyClick(window.view, Qt.Key_A)
    assert _accepted(qt_project_path) == 1
    holder = _holder(qt_project_path, 8)
    try:
        qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
        assert _status(window).startswith("NOT SAVED: undo")
    finally:
        holder.kill()
        holder.wait()
    assert _accepted(qt_project_path) == 1 and window.annotating.undo_state().undo is not None
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert _status(window).startswith("Undone")
    assert _accepted(qt_project_path) == 0


def test_window_shows_another_process_importing_and_keeps_working(qtbot, window, qt_project_path, tmp_path):
    importer = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(qt_project_path), str(tmp_path / "bulk.jsonl")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        label = window.activity.label
        qtbot.waitUntil(lambda: label.isVisible(), timeout=120_000)
        assert label.text() == "another process is importing…"
        qtbot.keyClick(window.view, Qt.Key_N)
        qtbot.keyClick(window.view, Qt.Key_A)  # an edit during the import is saved
        assert _status(window).startswith("Saved: accept"), _status(window)
        assert importer.wait(timeout=300) == 0, importer.stderr.read()
        qtbot.waitUntil(lambda: not label.isVisible(), timeout=10_000)
    finally:
        importer.kill()
        importer.wait()
    assert _accepted(qt_project_path) == 1
    assert window.list_model.rowCount() > 40_000 - 1  # the list shows what the other process added


def test_window_on_read_only_media_opens_read_only_and_says_edits_are_off(qtbot, open_win, qt_project_path):
    import pytest

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent.parent / "reliability"))
    from reliability_helpers import can_mount, read_only_bind

    if not can_mount():
        pytest.skip("needs a read-only bind mount (root)")
    folder = qt_project_path.parent / "media"
    folder.mkdir()
    path = folder / qt_project_path.name
    path.write_bytes(qt_project_path.read_bytes())
    with read_only_bind(folder):
        window = open_win(path)
        try:
            assert window.project.read_only
            assert "read-only folder or on read-only media (edits are off)" in window.banner.text()
            qtbot.keyClick(window.view, Qt.Key_N)
            qtbot.keyClick(window.view, Qt.Key_A)  # editing keys are off: nothing happens
            assert window.annotating.undo_state().undo is None
        finally:
            window.shutdown()
        assert sorted(p.name for p in folder.iterdir()) == [path.name]

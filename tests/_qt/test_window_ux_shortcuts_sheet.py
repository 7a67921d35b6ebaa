"""F1 shows one keyboard sheet, whole (nothing to scroll for), and F1 again does not stack copies."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator._qt.widgets.shortcuts_sheet import ShortcutsSheet


def test_f1_shows_one_whole_sheet(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key_F1)
    sheets = window.findChildren(ShortcutsSheet)
    assert len(sheets) == 1 and sheets[0].isVisible()
    sheet = sheets[0]
    qtbot.waitExposed(sheet)
    assert sheet.view.verticalScrollBar().maximum() == 0, "the sheet must be read without scrolling"
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key_F1)
    assert len(window.findChildren(ShortcutsSheet)) == 1
    assert sheet.isVisible()


def test_closing_the_sheet_gives_the_keys_back_to_the_window(qtbot, window):
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(window.view, Qt.Key_F1)
    sheet = window.findChildren(ShortcutsSheet)[0]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sheet, timeout=2000)
    qtbot.keyClick(sheet.view, Qt.Key_Escape)
    assert not sheet.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.view, Qt.Key_N)
    assert window.annotating.state.focused() is not None


def test_the_sheet_welcome_panel_and_readme_say_a_and_x_both_move_on():
    """One promise about the focus after a and x, wherever the keys are explained."""
    from pathlib import Path

    from annotator._qt.actions import shortcut_rows
    from annotator._qt.widgets.welcome import KEYS

    rows = dict(shortcut_rows([]))
    assert "moves on" in rows["A"] and "moves on" in rows["X / Del"]
    welcome = dict(KEYS)
    assert "moves on" in welcome["a"] and "moves on" in welcome["x"]
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if line.startswith(("| `a` |", "| `x` or `Delete` |"))]
    assert len(table) == 2 and all("moves on" in line for line in table)
    assert "focus stays" not in readme

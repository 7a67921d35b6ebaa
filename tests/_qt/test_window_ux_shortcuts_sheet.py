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

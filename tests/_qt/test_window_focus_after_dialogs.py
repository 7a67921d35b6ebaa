"""Keys go back to the window after a dialog closes: annotators go on with n / a / x without a
click. Seen under Xvfb (no window manager): after Settings (Ctrl+,) or the export's "Done" box
closed, X gave the focus to the root window and the next keys were lost; offscreen, no window
is active and no widget has the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from annotator._qt import preferences


def answer_next_dialog(qtbot, answer) -> list[str]:
    """Run ``answer(dialog)`` on the next modal dialog once it has the keys; its title, when
    it did."""
    titles: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or QGuiApplication.focusWindow() is not dialog.windowHandle():
            QTimer.singleShot(20, poll)
            return
        titles.append(dialog.windowTitle())
        answer(dialog)

    QTimer.singleShot(20, poll)
    return titles


def assert_keys_reach_the_text(qtbot, window) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=2000)
    assert QApplication.activeWindow() is window
    before = window.annotating.state.focus_id
    qtbot.keyClick(window.view, Qt.Key_N)
    assert window.annotating.state.focus_id != before


def test_after_settings_closes(qtbot, window):
    titles = answer_next_dialog(qtbot, lambda dialog: dialog.reject())
    preferences.open_settings(window)
    assert titles == ["Settings"]
    assert_keys_reach_the_text(qtbot, window)


def test_after_a_message_box_closes(qtbot, window):
    titles = answer_next_dialog(qtbot, lambda dialog: dialog.accept())
    QMessageBox.information(window, "Done", "Exported")
    assert titles == ["Done"]
    assert_keys_reach_the_text(qtbot, window)


def test_after_the_name_question_is_cancelled(qtbot, window):
    titles = answer_next_dialog(qtbot, lambda dialog: dialog.reject())
    window.change_annotator()
    assert titles == ["Annotator"]
    assert_keys_reach_the_text(qtbot, window)


def test_the_search_box_keeps_the_keys_it_had(qtbot, window):
    """Back where the keys were: a dialog opened from the search box gives them back to it."""
    qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier)
    answer_next_dialog(qtbot, lambda dialog: dialog.accept())
    QMessageBox.information(window, "Done", "Exported")
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=2000)
    assert QApplication.focusWidget() is window.article_list.search


def test_a_dialog_over_the_review_window_gives_the_keys_back_to_it(qtbot, window, two_annotators):
    from window_helpers import open_review

    review = open_review(qtbot, window, two_annotators)
    answer_next_dialog(qtbot, lambda dialog: dialog.accept())
    QMessageBox.information(review, "Done", "Exported")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is review, timeout=2000)


def test_after_a_dialog_whose_popup_had_the_keys(qtbot, window):
    """Seen under Xvfb: File → Import, a path typed, Enter: the keys were lost. The name
    completer's popup (a window with no transient parent) had taken the keys from the dialog,
    and was taken for another application's window."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu

    def answer(shown) -> None:
        popup = QMenu()  # parentless, as the completer's list under xcb
        popup.addAction("corpus.jsonl")
        popup.popup(shown.mapToGlobal(QPoint(0, 0)))
        qtbot.waitExposed(popup)
        window.focus_return._focus_moved(popup.windowHandle())  # what xcb reports: the popup has the keys
        popup.close()
        shown.accept()

    answer_next_dialog(qtbot, answer)
    QMessageBox.information(window, "Import", "path")
    assert_keys_reach_the_text(qtbot, window)

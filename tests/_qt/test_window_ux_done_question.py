"""Ctrl+Enter on an article with undecided suggestions asks once, with "don't ask again"
(QSettings ``ask_done_undecided``); an article with nothing undecided is marked done at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator._qt.widgets.settings_dialog import ASK_DONE, flag


@pytest.fixture
def asking(window):
    window.settings.setValue(ASK_DONE, True)
    return window


def _ctrl_enter_answering(qtbot, window, button: str | None, never: bool = False) -> list[str]:
    """Press Ctrl+Enter; if a question comes, tick "don't ask again" (``never``) and click
    ``button``. The questions' texts."""
    asked = []

    def answer(tries=100):
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: answer(tries - 1))
            return
        asked.append(box.text())
        box.checkBox().setChecked(never)
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    if button is not None:
        QTimer.singleShot(0, answer)
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    if asked:  # the keys come back to the text once the window is active again
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view, timeout=2000)
    return asked


def test_keep_labelling_leaves_the_article_open_and_not_done(qtbot, asking):
    first = asking.annotating.state.article.id
    asked = _ctrl_enter_answering(qtbot, asking, "Keep labelling")
    assert asked == ["5 suggestions are still undecided in this article."]
    assert asking.project.state(first, "ann") != "done"
    assert asking.annotating.state.article.id == first
    assert flag(asking.settings, ASK_DONE, False) is True


def test_mark_done_goes_on_and_asks_again_next_time(qtbot, asking):
    first = asking.annotating.state.article.id
    assert _ctrl_enter_answering(qtbot, asking, "Mark done") != []
    assert asking.project.state(first, "ann") == "done"
    assert asking.annotating.state.article.id != first
    asking.view.select(0, 2)
    qtbot.keyClick(asking.view, Qt.Key_1)  # nothing undecided here: a made span only
    asking.settings.setValue(ASK_DONE, True)
    second = asking.annotating.state.article.id
    assert asking.annotating.state.pending() == []
    assert _ctrl_enter_answering(qtbot, asking, None) == []  # no question without undecided ones
    assert asking.project.state(second, "ann") == "done"


def test_dont_ask_again_is_remembered(qtbot, asking, open_win, qt_project_path):
    first = asking.annotating.state.article.id
    assert len(_ctrl_enter_answering(qtbot, asking, "Mark done", never=True)) == 1
    assert asking.project.state(first, "ann") == "done"
    assert flag(asking.settings, ASK_DONE, True) is False
    asking.open_article(first)  # its suggestions are still undecided
    assert asking.annotating.state.pending()
    assert _ctrl_enter_answering(qtbot, asking, None) == []  # a modal question would block here
    assert asking.annotating.state.article.id != first


def test_the_safe_answer_is_the_default_so_a_second_ctrl_enter_keeps_labelling(qtbot):
    """Enter on the question (a hurried second confirm) must not mark the article done."""
    from annotator._qt.widgets.dialogs import confirm_done

    seen = []

    def press_enter(tries=100):
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: press_enter(tries - 1))
            return
        seen.append(box.defaultButton().text().replace("&", ""))
        qtbot.keyClick(box, Qt.Key_Return)

    QTimer.singleShot(0, press_enter)
    assert confirm_done(None, 2) == (False, False)
    assert seen == ["Keep labelling"]


def _answer_with_key(qtbot, key: str) -> tuple[tuple[bool, bool], str]:
    """Open the question, press ``key`` on it (then, if it is still open a second later, "Keep labelling"):
    the answer and the shortcut letters of its choices."""
    from annotator._qt.widgets.dialogs import confirm_done

    letters = []

    def press(tries=100):
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: press(tries - 1))
            return
        choices = [*box.buttons(), box.checkBox()]
        letters.extend(c.text()[c.text().index("&") + 1].lower() for c in choices if "&" in c.text())
        qtbot.keyClick(box, key)  # a shortcut letter clicks its button (animated: 100 ms)
        QTimer.singleShot(1000, lambda: box.isVisible() and box.defaultButton().click())

    QTimer.singleShot(0, press)
    return confirm_done(None, 2), "".join(letters)


def test_m_marks_done_and_k_keeps_labelling_letters_no_key_of_the_window_uses(qtbot, window):
    """Seen by an annotator: "Mark done" had no shortcut letter, only the mouse or Tab."""
    from annotator._qt.actions import ACTIONS

    window_keys = {k.lower() for spec in ACTIONS for k in spec.keys if len(k) == 1}
    window_keys |= {label.hotkey.lower() for label in window.project.scheme.labels if label.hotkey}
    done, letters = _answer_with_key(qtbot, "m")
    assert done == (True, False)
    assert _answer_with_key(qtbot, "k")[0] == (False, False)
    assert sorted(letters) == ["d", "k", "m"]  # every choice has one
    assert not set(letters) & window_keys

"""Settings shows the name the window works under. Seen under Xvfb: opened with --annotator ann,
Ctrl+, showed an empty name field; with another name saved from an earlier run, OK (to change
the font size, say) switched the window to that name's labels."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from annotator._qt import preferences
from annotator._qt.widgets.settings_dialog import ASK_DONE, SettingsDialog, flag


def shown_name_after_ok(monkeypatch, window) -> str:
    """Open Settings and press OK without touching it; the name it showed."""
    shown: list[str] = []

    class Answered(SettingsDialog):
        def exec(self):
            shown.append(self.name.text())
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(preferences, "SettingsDialog", Answered)
    assert preferences.open_settings(window)
    return shown[0]


def test_ok_keeps_the_name_the_window_was_opened_with(
    qtbot, open_win, qt_project_path, qt_settings, monkeypatch
):
    qt_settings.setValue("annotator", "bob")  # saved by an earlier run
    window = open_win(qt_project_path, "ann")  # as --annotator ann
    assert shown_name_after_ok(monkeypatch, window) == "ann"
    assert window.annotator == "ann" and window.annotating.annotator == "ann"


def test_settings_shows_the_name_when_none_was_saved(qtbot, window, monkeypatch):
    assert window.settings.value("annotator") is None
    assert shown_name_after_ok(monkeypatch, window) == "ann"


def _ok_after(monkeypatch, window, change=lambda dialog: None) -> None:
    """Open Settings, ``change`` it, press OK."""

    class Answered(SettingsDialog):
        def exec(self):
            change(self)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(preferences, "SettingsDialog", Answered)
    assert preferences.open_settings(window)


def test_ok_does_not_save_the_command_line_name_as_the_default(
    qtbot, open_win, qt_project_path, qt_settings, monkeypatch
):
    """Seen by an annotator: opened with --annotator ann, OK in Settings (to turn the question
    before marking done on, say) made ann the saved default name of every later start."""
    qt_settings.setValue("annotator", "bob")  # the saved default, from an earlier run
    window = open_win(qt_project_path, "ann")
    _ok_after(monkeypatch, window, lambda dialog: dialog.ask_done.setChecked(True))
    assert qt_settings.value("annotator") == "bob" and window.annotator == "ann"
    assert flag(qt_settings, ASK_DONE, False) is True
    assert qt_settings.value("theme") is None  # left as it was: not written either


def test_a_name_changed_in_settings_is_saved_and_worked_under(qtbot, window, monkeypatch):
    _ok_after(monkeypatch, window, lambda dialog: dialog.name.setText("carol"))
    assert window.settings.value("annotator") == "carol" and window.annotator == "carol"

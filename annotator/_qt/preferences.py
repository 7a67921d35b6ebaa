"""Settings and About from the window's menus: show the dialog, then apply what changed."""

from __future__ import annotations

from annotator._qt.label_style import palette_setting
from annotator._qt.widgets.about import show_about
from annotator._qt.widgets.settings_dialog import SettingsDialog, apply_appearance


def open_settings(window) -> bool:
    """Show the Settings dialog; on OK save, apply name, appearance and annotation memory."""
    project = window.project
    memory_on = project.get_meta("memory_enabled", True) is not False
    dialog = SettingsDialog(window.settings, memory_on, window, annotator=window.annotator)
    if not dialog.exec():
        return False
    name = dialog.changed().get("annotator")
    dialog.save()
    if isinstance(name, str):
        window.set_annotator(name)
    apply_appearance(window.settings)
    window.annotating.set_palette(palette_setting(window.settings))
    window.view_menu.set_palette(palette_setting(window.settings))
    if dialog.memory.isChecked() != memory_on and not project.read_only:
        project.set_meta("memory_enabled", dialog.memory.isChecked())
    window.statusBar().showMessage("Settings saved", 4000)
    return True


def about(window) -> None:
    model = window.project.get_meta("model") or str(window.settings.value("model", "") or "") or None
    show_about(window, model)

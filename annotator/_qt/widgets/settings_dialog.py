"""The Settings dialog (QSettings): name, model, theme, font size, suggestions, annotation memory,
blind mode, label colours (a colour-blind-safe palette), whether Ctrl+Enter asks about undecided suggestions; and applying the appearance settings to the running application."""

from __future__ import annotations

from importlib.metadata import entry_points

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator._qt.label_style import PALETTES, palette_setting
from annotator._qt.widgets import file_dialogs

THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
ASK_DONE = "ask_done_undecided"  # Ctrl+Enter asks while suggestions are undecided
DEFAULT_MODEL = ""  # the default order: the project's model, then the installed English models


def flag(settings: QSettings, key: str, default: bool) -> bool:
    """A boolean setting (QSettings' INI files give strings back)."""
    value = settings.value(key, default)
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")


def installed_models() -> list[str]:
    """spaCy pipelines installed as packages (read from package metadata: spaCy is not imported)."""
    return sorted({entry.name for entry in entry_points(group="spacy_models")})


def dark_palette() -> QPalette:
    """A dark palette (set explicitly: many platform themes ignore a requested colour scheme)."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#333333"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#333333"),
        (QPalette.ColorRole.ToolTipText, "#e6e6e6"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def apply_appearance(settings: QSettings, app: QApplication | None = None) -> None:
    """Theme (light, dark, or the system's) and font size from ``settings``."""
    if app is None:
        running = QApplication.instance()
        assert isinstance(running, QApplication), "the window's QApplication runs"
        app = running
    theme = str(settings.value("theme", "system"))
    if theme in ("light", "dark"):
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
    size = int(str(settings.value("font_size", 0) or 0))
    if size > 0:
        font = app.font()
        font.setPointSize(size)
        app.setFont(font)


class SettingsDialog(QDialog):
    """Edit the settings; ``save()`` writes them (the caller applies what changed)."""

    def __init__(
        self,
        settings: QSettings,
        memory_on: bool,
        parent: QWidget | None = None,
        annotator: str | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.settings = settings
        # the name the window works under (--annotator may differ from the one saved)
        self.name = QLineEdit(annotator or str(settings.value("annotator", "") or ""))
        self.name.setToolTip("Your labels are saved under this name")
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.addItem("(default: the project's, else an installed English model)", DEFAULT_MODEL)
        for name in installed_models():
            self.model.addItem(name, name)
        self._select(self.model, str(settings.value("model", DEFAULT_MODEL) or DEFAULT_MODEL))
        self.model.setToolTip("spaCy pipeline for suggestions: an installed package or a model folder")
        browse = QPushButton("Folder…")
        browse.setToolTip("Use a trained model folder (e.g. the output of spacy train)")
        browse.clicked.connect(self._browse)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        model_row.addWidget(browse)
        self.theme = QComboBox()
        for key, text in THEMES.items():
            self.theme.addItem(text, key)
        self._select(self.theme, str(settings.value("theme", "system")))
        self.label_colours = QComboBox()
        for key, text in PALETTES.items():
            self.label_colours.addItem(text, key)
        self._select(self.label_colours, palette_setting(settings))
        self.label_colours.setToolTip(
            "Label colours; each label also has its own underline shape, so colour is never the only cue"
        )
        self.theme.setToolTip("Light, dark, or the system's colours")
        self.font_size = QSpinBox()
        self.font_size.setRange(0, 32)
        self.font_size.setSpecialValueText("system default")
        self.font_size.setValue(int(str(settings.value("font_size", 0) or 0)))
        self.font_size.setToolTip("Font size in points (0: the system's)")
        self.suggestions = QCheckBox("Show the model's suggestions")
        self.suggestions.setChecked(flag(settings, "suggestions", True))
        self.suggestions.setToolTip(
            "Compute suggestions in the background for the open and the next articles"
        )
        self.memory = QCheckBox("Annotation memory: suggest again what you accepted elsewhere")
        self.memory.setChecked(memory_on)
        self.memory.setToolTip("Stored in the project: it applies to everyone who opens it")
        self.blind = QCheckBox("Blind mode: hide other annotators' work")
        self.blind.setChecked(flag(settings, "blind", False))
        self.blind.setToolTip("Label without seeing what other annotators decided (no memory suggestions)")
        self.ask_done = QCheckBox("Ask before Ctrl+Enter marks done an article with undecided suggestions")
        self.ask_done.setChecked(flag(settings, ASK_DONE, True))
        self.ask_done.setToolTip("Undecided suggestions are not exported; turn the question back on here")
        form = QFormLayout(self)
        form.addRow("Annotator name:", self.name)
        form.addRow("Model:", model_row)
        form.addRow("Theme:", self.theme)
        form.addRow("Label colours:", self.label_colours)
        form.addRow("Font size:", self.font_size)
        form.addRow(self.suggestions)
        form.addRow(self.memory)
        form.addRow(self.blind)
        form.addRow(self.ask_done)
        note = QLabel("A new model or turning suggestions on or off applies when a project is next opened.")
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._shown = self.values()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0:
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _browse(self) -> None:
        folder = file_dialogs.existing_folder(self, "spaCy model folder")
        if folder:
            self._select(self.model, folder)

    def chosen_model(self) -> str:
        text = self.model.currentText()
        data = self.model.currentData()
        return data if data is not None and self.model.itemText(self.model.currentIndex()) == text else text

    def values(self) -> dict[str, object]:
        """The settings as the dialog shows them now (an empty name field: no name)."""
        values: dict[str, object] = {
            "model": self.chosen_model(),
            "theme": self.theme.currentData(),
            "palette": self.label_colours.currentData(),
            "font_size": self.font_size.value(),
            "suggestions": self.suggestions.isChecked(),
            "blind": self.blind.isChecked(),
            ASK_DONE: self.ask_done.isChecked(),
        }
        if self.name.text().strip():
            values["annotator"] = self.name.text().strip()
        return values

    def changed(self) -> dict[str, object]:
        """The settings the person changed since the dialog opened."""
        return {key: value for key, value in self.values().items() if self._shown.get(key) != value}

    def save(self) -> None:
        """Write the settings the person changed, only those: a name given on the command line
        (or a default shown) is not saved by an OK that left it as it was. Annotation memory
        is the project's: the caller stores it."""
        for key, value in self.changed().items():
            self.settings.setValue(key, value)
        self.settings.sync()

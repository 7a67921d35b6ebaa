"""The first-run welcome panel: what the colours mean, the six keys, where the project lives,
the annotator's name (asked here, not in a bare dialog), and buttons to open, create or import."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from annotator._qt.label_style import GLYPHS

KEYS = (
    ("n", "next span or suggestion (p goes back)"),
    ("a", "accept the suggestion (the focus moves on)"),
    ("x", "reject the suggestion or delete the span (the focus moves on)"),
    ("1–4", "label the selected words (or relabel the focused span)"),
    ("Ctrl+Enter", "article done, open the next one"),
    ("F1", "every key on one sheet"),
)


def welcome_html(project_path: str, labels: list[tuple[str, str, str, str]]) -> str:
    """The panel's text; ``labels`` are (name, hotkey, colour, underline shape)."""
    chips = ", ".join(
        f"<span style='background:{colour}; color:white; padding:1px 4px'>{escape(name)}</span>"
        f"&nbsp;<b>{escape(key)}</b>&nbsp;<span style='color:{colour}'>{GLYPHS.get(shape, '')}</span>"
        f"&nbsp;{escape(shape)}"
        for name, key, colour, shape in labels
    )
    keys = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(w)}</td></tr>" for k, w in KEYS)
    return (
        "<h3>Welcome: this is the sample project, with suggestions</h3>"
        f"<p>Labels, their keys and underlines: {chips}. A <b>faint fill with a dashed underline</b> "
        "is a suggestion from the model (not yours until you accept it); a <b>solid underline</b> is "
        "a label you accepted or made. The side panel (and a tooltip over the text) names the "
        "focused span's label and shows its guideline. Colour-blind-safe colours: Settings.</p>"
        f"<table>{keys}</table>"
        f"<p>Everything is saved as you go, in <code>{escape(project_path)}</code></p>"
    )


class WelcomePanel(QFrame):
    """Shown above the text on first run; ``started(name)`` when the user is ready."""

    started = Signal(str)
    open_requested = Signal()
    new_requested = Signal()
    import_requested = Signal()

    def __init__(
        self, project_path: str, labels: list[tuple[str, str, str, str]], default_name: str, parent=None
    ):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#welcome { background: palette(alternate-base); }")
        text = QLabel(welcome_html(project_path, labels))
        text.setWordWrap(True)
        text.setTextInteractionFlags(text.textInteractionFlags())
        self.name_edit = QLineEdit(default_name)
        self.name_edit.setToolTip("Your labels are saved under this name (change it later in Settings)")
        self.name_edit.returnPressed.connect(self._start)
        start = QPushButton("Start labelling")
        start.setDefault(True)
        start.setToolTip("Save the name and put the keys in the text (n: first suggestion)")
        start.clicked.connect(self._start)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel("Your name:"))
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(start)
        buttons = QHBoxLayout()
        for text_, signal, tip in (
            ("Open project…", self.open_requested, "Open another project file (Ctrl+O)"),
            ("New project…", self.new_requested, "Create an empty project file"),
            ("Import files…", self.import_requested, "Import .txt, .jsonl, .csv and other files (Ctrl+I)"),
        ):
            button = QPushButton(text_)
            button.setToolTip(tip)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(name_row)
        layout.addLayout(buttons)

    def _start(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.name_edit.setPlaceholderText("type a name")
            self.name_edit.setFocus()
            return
        self.hide()
        self.started.emit(name)

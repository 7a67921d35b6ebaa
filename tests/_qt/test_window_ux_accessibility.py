"""Labels told apart without colour (an underline shape each, a colour-blind-safe palette,
a tooltip naming the label), tooltips on every control, fonts in points."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
)
from window_helpers import choose_label_colours

from annotator._qt.first_run import show_welcome
from annotator._qt.label_style import OKABE_ITO, UNDERLINES, label_styles, underline_path
from annotator._qt.widgets.settings_dialog import SettingsDialog

CONTROLS = (QLineEdit, QComboBox, QPushButton, QCheckBox, QSpinBox, QTableView)


def _untipped(widget) -> list[str]:
    """Controls under ``widget`` without a tooltip (the parts of a combo or spin box, and a
    dialog's OK / Cancel, excepted)."""
    return [
        f"{type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()}"
        for kind in CONTROLS
        for w in widget.findChildren(kind)
        if not w.toolTip() and not isinstance(w.parentWidget(), (QComboBox, QSpinBox, QDialogButtonBox))
    ]


def test_every_control_of_the_window_welcome_panel_and_settings_has_a_tooltip(qtbot, window):
    show_welcome(window, "maria")
    assert _untipped(window) == []
    dialog = SettingsDialog(window.settings, True, window)
    qtbot.addWidget(dialog)
    assert _untipped(dialog) == []


def test_each_label_has_its_own_underline_shape(window):
    styles = label_styles(window.project.scheme)
    assert sorted(s.underline for s in styles.values()) == sorted(UNDERLINES)
    drawn = {span.id: span.underline for span in window.view._spans}
    for span in window.annotating.state.spans:
        assert drawn[span.id] == styles[span.label].underline


def test_the_underline_shapes_differ_in_form():
    shapes = {shape: underline_path(shape, 0.0, 60.0, 20.0) for shape in UNDERLINES}
    heights = {shape: round(path.boundingRect().height(), 1) for shape, path in shapes.items()}
    assert heights["single"] == 0.0 and heights["double"] == 3.0
    assert heights["wavy"] == 2.5 and heights["ticks"] == 3.5
    assert shapes["wavy"].elementCount() > 10 and shapes["ticks"].elementCount() > 10
    assert shapes["double"].elementCount() == 4


def test_the_colour_blind_safe_palette_from_settings(qtbot, window, monkeypatch):
    scheme_colours = {span.color for span in window.view._spans}
    assert scheme_colours <= {label.color for label in window.project.scheme.labels}

    assert choose_label_colours(monkeypatch, window, "okabe_ito")
    assert window.settings.value("palette") == "okabe_ito"
    colours = {QColor(span.color).name() for span in window.view._spans}
    assert colours <= {QColor(c).name() for c in OKABE_ITO[:4]} and len(colours) == 4
    assert "color:#0072B2" in window.panel.body.text() or window.annotating.state.focused() is None


def test_the_text_tooltip_names_the_label_and_a_quotes_speaker(window):
    view = window.view
    text = window.annotating.state.article.text
    cursor = QTextCursor(view.document())
    cursor.setPosition(text.index("retreat"))
    point = view.cursorRect(cursor).center() + QPoint(2, 0)
    assert view.tooltip_at(point) == (
        "QUOTE [3] · wavy underline · suggestion (dashed)\nSpeaker: Putin (suggested)"
    )
    cursor.setPosition(text.index("Donbas") + 2)
    assert view.tooltip_at(view.cursorRect(cursor).center()).startswith("LOCATION [2] · double underline")


def test_fonts_are_set_in_points(window):
    assert window.view.font().pointSizeF() > 0 and window.view.font().pixelSize() == -1

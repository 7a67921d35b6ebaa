"""How labels look: a colour (the scheme's, or the colour-blind-safe Okabe–Ito palette) and an
underline shape of their own, so labels can be told apart without seeing colour at all.

Shapes: single, double, wavy, ticks (then again, in scheme order). The line is solid for an
accepted span and dashed for a suggestion, whatever its shape."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSettings
from PySide6.QtGui import QPainterPath

PALETTES = {"scheme": "The scheme's colours", "okabe_ito": "Colour-blind safe (Okabe–Ito)"}
# Okabe & Ito (2008), "Color Universal Design": told apart with every common colour-vision
# deficiency. Ordered so the first four (the news scheme's labels) are the most distinct.
OKABE_ITO = ("#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
UNDERLINES = ("single", "double", "wavy", "ticks")
GLYPHS = {"single": "———", "double": "═══", "wavy": "~~~", "ticks": "┴┴┴"}  # for legends


@dataclass(frozen=True)
class LabelStyle:
    """A label's colour and underline shape."""

    color: str
    underline: str


def palette_setting(settings: QSettings) -> str:
    value = str(settings.value("palette", "scheme") or "scheme")
    return value if value in PALETTES else "scheme"


def label_styles(scheme, palette: str = "scheme") -> dict[str, LabelStyle]:
    """Each label of ``scheme`` (in its order) with its colour in ``palette`` and its shape."""
    return {
        label.name: LabelStyle(
            OKABE_ITO[i % len(OKABE_ITO)] if palette == "okabe_ito" else label.color,
            UNDERLINES[i % len(UNDERLINES)],
        )
        for i, label in enumerate(scheme.labels)
    }


def underline_path(shape: str, left: float, right: float, y: float) -> QPainterPath:
    """The underline of one line of a span, from ``left`` to ``right`` at height ``y``."""
    path = QPainterPath(QPointF(left, y))
    if shape == "wavy":
        x, up = left, True
        while x < right:
            x = min(x + 3.0, right)
            path.lineTo(x, y - 2.5 if up else y)
            up = not up
        return path
    path.lineTo(right, y)
    if shape == "double":
        path.moveTo(left, y - 3.0)
        path.lineTo(right, y - 3.0)
    elif shape == "ticks":
        x = left
        while x <= right:
            path.moveTo(x, y)
            path.lineTo(x, y - 3.5)
            x += 6.0
    return path

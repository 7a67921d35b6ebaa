"""Shift+[ / Shift+] must reach their action on desktop key mappers, not only offscreen.

Qt matches one key press against every combination the platform's key mapper offers; when two
shortcuts match, the press is "ambiguous" and no action runs (seen on X11: Shift+] did nothing
and Qt printed "Ambiguous shortcut overload: }"). The X11, Windows and macOS mappers offer a
shifted symbol key both as "Shift+<base key>" and as the shifted symbol alone; the offscreen
one offers the symbol with Shift. The model below is that rule for a US layout.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from annotator._qt.actions import ACTIONS

SHIFTED = {"[": "{", "]": "}"}


def _desktop_matches(base: str) -> set[str]:
    """What a desktop key mapper offers for Shift plus the key ``base``."""
    return {QKeySequence(f"Shift+{base}").toString(), QKeySequence(SHIFTED[base]).toString()}


def _offscreen_matches(base: str) -> set[str]:
    return {QKeySequence(f"Shift+{SHIFTED[base]}").toString()}


def _hits(offered: set[str]) -> list[str]:
    return [spec.name for spec in ACTIONS for key in spec.keys if QKeySequence(key).toString() in offered]


def test_shift_bracket_matches_exactly_one_shortcut_on_every_mapper():
    for base, name in (("[", "end_left"), ("]", "end_right")):
        assert _hits(_desktop_matches(base)) == [name], base
        assert _hits(_offscreen_matches(base)) == [name], base

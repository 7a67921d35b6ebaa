"""The README's two key tables list exactly the window's shortcuts: the labelling window's
(its action table, the label hotkeys and the View menu) and review mode's."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence

from annotator._qt.actions import ACTIONS
from annotator._qt.review.fixing import FIX_KEYS, label_keys
from annotator._qt.review.view_menu import ITEMS
from annotator._qt.review.window import KEYS
from annotator.core.scheme import load_scheme

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
HOTKEYS = [label.hotkey for label in load_scheme().labels if label.hotkey]


def _key(text: str) -> str:
    """One spelling per key: Qt's portable text, "Ctrl+Return" for Ctrl+Enter and "Shift+["
    for "Shift+{" (the same press, as the offscreen key mapper names it)."""
    text = text.replace("Enter", "Return").replace("Shift+{", "Shift+[").replace("Shift+}", "Shift+]")
    return QKeySequence(text).toString()


def _table_keys(header: str) -> set[str]:
    """The keys in the first column of the README table that starts with ``header``; a range
    ``1``–``4`` or ``Alt+1`` … ``Alt+9`` stands for every key from one end to the other."""
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == header)
    keys: set[str] = set()
    for line in lines[start + 2 :]:
        if not line.strip().startswith("|"):
            break
        cell = line.strip().split(" | ")[0].lstrip("| ")
        for first, last in re.findall(r"`([^`]+)`\s*(?:–|…)\s*`([^`]+)`", cell):
            prefix, low, high = first[:-1], int(first[-1]), int(last[-1])
            keys.update(f"{prefix}{n}" for n in range(low, high + 1))
        keys.update(re.findall(r"`([^`]+)`", cell))
    return {_key(k) for k in keys}


def _real(*key_lists) -> set[str]:
    return {_key(k) for keys in key_lists for k in keys}


def test_the_labelling_key_table_lists_every_shortcut_of_the_window_and_no_other():
    real = _real(*(spec.keys for spec in ACTIONS), HOTKEYS, [key for _name, _text, key, _tip in ITEMS])
    assert _table_keys("| key | does |") == real


def test_the_review_key_table_lists_every_shortcut_of_review_mode():
    real = _real(
        *(keys for _name, keys, _text in KEYS),
        *(keys for _name, keys, _text in FIX_KEYS),
        [str(n) for n in range(1, 10)],
        [label_keys(hotkey) for hotkey in HOTKEYS],
    )
    # The README speaks of any scheme: a label hotkey may be any digit.
    assert _table_keys("| Keys | In review mode |") == real | {label_keys(str(n)) for n in range(1, 10)}

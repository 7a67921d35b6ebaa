"""The side panel lists a span's attributes as the scheme orders them, unset ones as a dash."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from window_helpers import QUOTE_TEXT


def _rows(window) -> list[tuple[str, str]]:
    html = window.panel.body.text()
    return [
        (name.replace("&nbsp;", "").strip(), value)
        for name, value in re.findall(r"<tr><td>(.*?)</td><td><b>(.*?)</b></td></tr>", html)
    ]


def test_casualty_attributes_in_scheme_order_with_unset_as_dash(qtbot, window):
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key_N)
    assert window.annotating.state.focused().label == "CASUALTY"
    assert _rows(window) == [
        ("count_low", "19"),
        ("count_high", "—"),
        ("qualifier", "at least"),
        ("kind", "killed"),
    ]
    assert "None" not in window.panel.body.text()


def test_a_new_casualty_shows_every_attribute_to_fill_in(qtbot, window):
    start = QUOTE_TEXT.index("Sunday")
    window.view.select(start, start + len("Sunday"))
    qtbot.keyClick(window.view, Qt.Key_4)
    assert window.annotating.state.focused().label == "CASUALTY"
    assert [name for name, _ in _rows(window)] == ["count_low", "count_high", "qualifier", "kind"]
    assert "<b>e</b> edits these" in window.panel.body.text()

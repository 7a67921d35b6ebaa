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


def test_a_suggestion_shows_the_other_label_proposed_for_its_words(qtbot, open_win, qt_project_path):
    from annotator.core.store import open_project

    with open_project(qt_project_path) as project, project.transaction():
        [kyiv] = [s for s in project.spans_in([1], ("suggested",)) if s.label == "LOCATION" and s.start > 40]
        project.add_alternatives([(kyiv.stored_id, "ACTOR", "memory")])
    window = open_win(qt_project_path)
    while window.annotating.state.focused() is None or window.annotating.state.focused().id != kyiv.id:
        qtbot.keyClick(window.view, Qt.Key_N)
    html = window.panel.body.text()
    assert "Also proposed here:" in html and "ACTOR</b> (memory)" in html


def test_shift_a_leaves_a_second_entity_label_on_the_same_words(qtbot, open_win, qt_project_path):
    from annotator.core.model import Span
    from annotator.core.store import open_project
    from annotator.core.store import spans as span_rows

    start = QUOTE_TEXT.index("Kyiv")
    with open_project(qt_project_path) as project, project.transaction():
        span_rows.insert(
            project.db, Span(1, start, start + 4, "ACTOR", origin="model", status="suggested", score=0.5)
        )
    window = open_win(qt_project_path)
    messages = []
    window.annotating.message.connect(messages.append)
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    accepted = [s for s in window.annotating.state.spans if s.status == "accepted"]
    assert [s.label for s in accepted if s.start == start] == ["LOCATION"]
    assert "left 1 that would put a second label on a name" in messages[-1]

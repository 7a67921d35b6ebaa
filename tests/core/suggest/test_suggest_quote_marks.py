"""find_quotes: a mark that opens a quote it never closes does not pair with the next quote's
opening mark (text stored as one line has no paragraph end to stop it)."""

from __future__ import annotations

from annotator.core.suggest.quote_marks import find_quotes


def _quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotes(text)]


def test_a_stray_opening_mark_gives_way_to_the_next_opening_mark():
    text = 'Holm called it "a disaster. Dahl disagreed. "It saves money," Dahl said.'
    assert _quoted(text) == ["It saves money,"]


def test_curly_marks_too():
    text = "Holm called it “a disaster. Dahl disagreed. “It saves money,” Dahl said."
    assert _quoted(text) == ["It saves money,"]


def test_closing_marks_and_spaced_wire_quotes_still_close():
    assert _quoted('"We won," he said. "It was hard."') == ["We won,", "It was hard."]
    assert _quoted('" We will win , " he said .') == ["We will win ,"]

"""``benchmarks/bench_suggest_quality.py``'s speaker scoring: the last-word ``speaker right``
line as before, the whole-name match, and the matrix of found gold quotes (right, wrong and
missing speakers; speakers given to quotes the gold leaves without one) with its precision."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "bench_suggest_quality", ROOT / "benchmarks" / "bench_suggest_quality.py"
)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # its dataclass looks its module up
_spec.loader.exec_module(bench)

TEXT = (
    'Ann Lee said "one". Bob Roe said "two". Cy Day said "three". "Four." '
    '"Five." "Six." Bruce McCandless II said "seven".'
)


def _span(words: str, label: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return {"start": start, "end": start + len(words), "label": label}


def _task(quotes: list[str], links: dict[str, str]) -> dict:
    spans = [_span(q, "QUOTE") for q in quotes]
    relations = [
        {"head_span": _span(q, "QUOTE"), "child_span": _span(who, "ACTOR")} for q, who in links.items()
    ]
    return {"text": TEXT, "spans": spans, "relations": relations}


GOLD = _task(
    ['"one"', '"two"', '"three"', '"Four."', '"Five."', '"Six."', '"seven"'],
    {
        '"one"': "Ann Lee",
        '"two"': "Bob Roe",
        '"three"': "Cy Day",
        '"Six."': "Cy Day",
        '"seven"': "McCandless",
    },
)
# found: "one" right, "two" wrong (Ann Lee), "three" none, "Four." given one, "Five." none,
# "seven" by the longer name; "Six." not found at all
PRED = _task(
    ['"one"', '"two"', '"three"', '"Four."', '"Five."', '"seven"'],
    {'"one"': "Lee", '"two"': "Ann Lee", '"Four."': "Bob Roe", '"seven"': "Bruce McCandless II"},
)


def test_the_matrix_counts_found_gold_quotes_by_gold_and_suggested_speaker():
    m = bench.speaker_matrix([GOLD], [PRED])
    assert (m.right, m.wrong, m.missing, m.given, m.left) == (1, 2, 1, 1, 1)
    assert m.suggested == 4
    assert m.precision == 0.25


def test_precision_is_zero_when_no_found_quote_gets_a_speaker():
    assert bench.speaker_matrix([GOLD], [_task(['"one"'], {})]).precision == 0.0


def test_speaker_right_keeps_the_last_word_rule_and_its_line():
    assert bench.speaker_accuracy([GOLD], [PRED]) == (1, 5)
    lines = bench.speaker_lines([GOLD], [PRED])
    assert lines[0] == f"{'speaker right':<18}{0.2:18.2f}   {'–':>18}   1/5"


def test_the_same_name_line_also_counts_a_longer_form_with_a_suffix():
    assert bench.speaker_accuracy([GOLD], [PRED], bench.same_name) == (2, 5)
    lines = bench.speaker_lines([GOLD], [PRED])
    assert lines[1].startswith("speaker same name") and lines[1].endswith("2/5")
    assert lines[2].startswith("speaker precision") and lines[2].endswith("1/4 found")
    assert lines[3].endswith("gold speaker: right 1, wrong 2, none 1; gold none: given 1, none 1")


def test_same_name_takes_a_suffix_or_a_given_name_alone_but_not_another_name():
    assert bench.same_name("Bruce McCandless II", "McCandless")
    assert bench.same_name("Martin Luther King Jr.", "Martin Luther King")
    assert bench.same_name("Steve", "Steve Jobs") and bench.same_name("Steve Jobs", "Steve")
    assert bench.same_name("President Obama", "Barack Obama")  # as speaker right has it
    assert bench.same_name("NASA's", "NASA")
    assert not bench.same_name("Steve Jobs", "Steve Wozniak")
    assert not bench.same_name("Malaysian", "Malaysian transport ministry")
    assert not bench.same_name("Jr.", "Bob Jr.")


def test_same_name_counts_whatever_speaker_right_counts():
    for found, gold in (("Lee", "Ann Lee"), ("Ann Lee's", "Lee"), ("the minister", "Minister")):
        assert bench.same_surname(found, gold) and bench.same_name(found, gold)


def test_a_gold_without_quotes_keeps_only_the_speaker_right_line():
    task = {"text": TEXT, "spans": [_span("Ann Lee", "ACTOR")], "relations": []}
    assert bench.speaker_lines([task], [task]) == [f"{'speaker right':<18}{0:18.2f}   {'–':>18}   0/0"]

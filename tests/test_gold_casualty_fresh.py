"""The fresh CASUALTY dev golds (``gold_casualty_fresh.jsonl``, ``gold_casualty_fresh2.jsonl``,
``gold_casualty_fresh3.jsonl``, ``gold_casualty_fresh4.jsonl``): Wikinews articles and Wikipedia "Current events" days labelled by
hand for casualty figures only; each has its source and licence, and every span is a valid CASUALTY."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "gold_casualty_fresh.jsonl"
GOLD2 = DATA / "gold_casualty_fresh2.jsonl"
GOLD3 = DATA / "gold_casualty_fresh3.jsonl"  # Wikinews via AMALGUM's news genre, and two days
GOLD4 = DATA / "gold_casualty_fresh4.jsonl"  # Wikinews 2020 pieces, mostly interviews (false positives)
# Each licence with the address its articles must come from.
LICENCES = {
    "CC BY 2.5 (Wikinews)": "https://en.wikinews.org/wiki/",
    "CC BY-SA 4.0 (Wikipedia)": "https://en.wikipedia.org/wiki/Portal:Current_events/",
}
KINDS = {"killed", "injured", "missing", "displaced", "affected"}
QUALIFIERS = {None, "at least", "more than", "fewer than", "about", "up to"}


def _tasks(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_article_names_its_wikinews_source_and_licence():
    tasks = _tasks()
    assert len(tasks) >= 50
    for task in tasks:
        assert task["meta"]["url"].startswith("https://en.wikinews.org/wiki/")
        assert task["meta"]["licence"] == "CC BY 2.5 (Wikinews)"
        assert task["meta"]["source"]


def test_every_span_is_a_casualty_figure_with_valid_attributes():
    figures = 0
    for task in _tasks():
        for span in task["spans"]:
            figures += 1
            _assert_valid_casualty(task["text"], span)
    assert figures >= 80


def test_the_second_fresh_gold_names_source_and_licence_of_every_article():
    tasks = _tasks(GOLD2)
    assert len(tasks) >= 30
    for task in tasks:
        meta = task["meta"]
        assert meta["url"].startswith(LICENCES[meta["licence"]]), meta
        assert meta["source"] and meta["file"].startswith("casualty_fresh2_")
    assert {t["meta"]["licence"] for t in tasks} == set(LICENCES)


def test_the_second_fresh_gold_has_valid_casualty_spans():
    spans = [(t["text"], s) for t in _tasks(GOLD2) for s in t["spans"]]
    assert len(spans) >= 130
    for text, span in spans:
        _assert_valid_casualty(text, span)


def test_the_third_fresh_gold_names_source_and_licence_of_every_article():
    tasks = _tasks(GOLD3)
    assert len(tasks) >= 18
    for task in tasks:
        meta = task["meta"]
        assert meta["url"].startswith(LICENCES[meta["licence"]]), meta
        assert meta["source"] and meta["file"].startswith("casualty_fresh3_")
    assert {t["meta"]["licence"] for t in tasks} == set(LICENCES)


def test_the_third_fresh_gold_has_valid_casualty_spans_and_texts_without_any():
    tasks = _tasks(GOLD3)
    spans = [(t["text"], s) for t in tasks for s in t["spans"]]
    assert len(spans) >= 70
    assert sum(not t["spans"] for t in tasks) >= 3  # texts with numbers but no casualty figure
    for text, span in spans:
        _assert_valid_casualty(text, span)


def test_the_fourth_fresh_gold_names_its_wikinews_2020_source_of_every_text():
    tasks = _tasks(GOLD4)
    assert len(tasks) == 16
    for task in tasks:
        meta = task["meta"]
        assert meta["url"].startswith(LICENCES[meta["licence"]]), meta
        assert meta["licence"] == "CC BY 2.5 (Wikinews)" and meta["file"].startswith("casualty_fresh4_")
        assert meta["source"].startswith("vanatteveldt/wikinews data/wikinews_2020.csv @")


def test_the_fourth_fresh_gold_has_valid_casualty_spans_and_mostly_texts_without_any():
    tasks = _tasks(GOLD4)
    spans = [(t["text"], s) for t in tasks for s in t["spans"]]
    assert len(spans) >= 2
    assert sum(not t["spans"] for t in tasks) >= 12  # interviews that say "dead", "died", "missing"
    for text, span in spans:
        _assert_valid_casualty(text, span)


def _assert_valid_casualty(text: str, span: dict) -> None:
    """``span`` is a CASUALTY over trimmed, non-empty text of ``text``, with a known kind and
    qualifier and at least one count, low <= high."""
    covered = text[span["start"] : span["end"]]
    assert span["label"] == "CASUALTY" and covered == covered.strip() and covered
    attrs = span["attrs"]
    assert attrs["kind"] in KINDS and attrs["qualifier"] in QUALIFIERS
    low, high = attrs["count_low"], attrs["count_high"]
    assert low is not None or high is not None
    assert low is None or high is None or low <= high

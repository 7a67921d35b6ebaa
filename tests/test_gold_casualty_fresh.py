"""The fresh CASUALTY dev gold (``gold_casualty_fresh.jsonl``): Wikinews articles labelled by hand
for casualty figures only; each has its source and licence, and every span is a valid CASUALTY."""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "data" / "gold_casualty_fresh.jsonl"
KINDS = {"killed", "injured", "missing", "displaced", "affected"}
QUALIFIERS = {None, "at least", "more than", "fewer than", "about", "up to"}


def _tasks() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


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
            covered = task["text"][span["start"] : span["end"]]
            assert span["label"] == "CASUALTY" and covered == covered.strip() and covered
            attrs = span["attrs"]
            assert attrs["kind"] in KINDS and attrs["qualifier"] in QUALIFIERS
            low, high = attrs["count_low"], attrs["count_high"]
            assert low is not None or high is not None
            assert low is None or high is None or low <= high
    assert figures >= 80

"""The Global Voices speaker dev gold (``gold_globalvoices_dev.jsonl``): stories labelled by hand
for QUOTEs and their speakers only; each names its source, author and CC BY licence, and every
speaker link joins a QUOTE to an ACTOR of the same article."""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "data" / "gold_globalvoices_dev.jsonl"
_COMMIT = "4840dd2b8fbef68cf3c3d61771d3a934b3260a60"


def _tasks() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_story_names_its_source_author_and_licence():
    tasks = _tasks()
    assert len(tasks) == 8
    for task in tasks:
        meta = task["meta"]
        assert meta["url"].startswith("http://globalvoicesonline.org/2009/")
        assert meta["licence"] == "CC BY 3.0 (Global Voices)"
        assert meta["author"]
        assert meta["source"].startswith(f"mediacloud/backend@{_COMMIT} t/data/crawler_stories/gv/")


def test_spans_are_quotes_and_their_speakers():
    links = quotes = 0
    for task in _tasks():
        spans = {(s["start"], s["end"], s["label"]) for s in task["spans"]}
        assert {label for *_, label in spans} <= {"QUOTE", "ACTOR"}
        quotes += sum(label == "QUOTE" for *_, label in spans)
        for relation in task["relations"]:
            head, child = relation["head_span"], relation["child_span"]
            assert relation["label"] == "SPEAKER"
            assert (head["start"], head["end"], "QUOTE") in spans
            assert (child["start"], child["end"], "ACTOR") in spans
            links += 1
    assert (quotes, links) == (39, 10)

"""The Global Voices speaker dev gold (``gold_globalvoices_dev.jsonl``): stories labelled by hand
for QUOTEs and their speakers only; each names its source, author and CC BY licence, and every
speaker link joins a QUOTE to an ACTOR of the same article."""

from __future__ import annotations

from speaker_gold import gold_tasks, quotes_and_links

_COMMIT = "4840dd2b8fbef68cf3c3d61771d3a934b3260a60"


def _tasks() -> list[dict]:
    return gold_tasks("gold_globalvoices_dev.jsonl")


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
    assert quotes_and_links(_tasks()) == (39, 10)

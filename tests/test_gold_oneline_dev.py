"""The one-line speaker dev gold (``gold_oneline_dev.jsonl``): Wikinews articles stored as one
line, labelled by hand for QUOTEs and their speakers only; each has its source and licence, every
speaker link joins a QUOTE to an ACTOR of the same article, and the held-out C entries are absent."""

from __future__ import annotations

import re

from speaker_gold import gold_tasks, quotes_and_links

# held-out C's entries (HELDOUT_RULES): never in a dev gold
_HELD_DK = {0, 6, 9, 10, 15, 17, 19, 20, 22, 23, 25, 26, 32, 37, 39, 40, 43, 45, 46, 49}
_HELD_AK = {2, 18, 25, 47, 64, 65, 69, 93, 96}


def _tasks() -> list[dict]:
    return gold_tasks("gold_oneline_dev.jsonl")


def test_every_article_names_its_wikinews_source_and_licence_and_none_is_held_out():
    tasks = _tasks()
    assert len(tasks) == 25
    for task in tasks:
        meta = task["meta"]
        assert meta["url"].startswith("https://en.wikinews.org/wiki/")
        assert meta["licence"] == "CC BY 2.5 (Wikinews)"
        found = re.match(r"(dimitrakatseli/Wikinews|airKlizz/WikinewsSum) \S+ #(\d+)", meta["source"])
        assert found is not None
        held = _HELD_DK if found.group(1).startswith("dimitrakatseli") else _HELD_AK
        assert int(found.group(2)) not in held


def test_spans_are_quotes_and_their_speakers():
    assert quotes_and_links(_tasks()) == (44, 37)

"""The second AMALGUM speaker dev gold (``gold_amalgum_dev2.jsonl``): English Wikinews articles
from AMALGUM's news genre (gucorpling/amalgum, CC BY 2.5), the first twelve of a seeded pool that
pass a mechanical filter (three pairs of double quotes, a verb of saying), labelled by hand for
QUOTEs and their speakers only, split by ``random.Random(1818)``; each names its source file and
licence, every speaker link joins a QUOTE to an ACTOR of the same article, and none of the check
part kept out of the repository is in it."""

from __future__ import annotations

import re

from speaker_gold import gold_tasks, quotes_and_links, wikinews_sources

# the check part (a third of the seeded draw): labelled, measured, never committed
_CHECK = {"allies", "bush", "leaders", "sadc"}
_SOURCE = re.compile(
    r"gucorpling/amalgum (?:amalgum|amalgum_extra)/news/xml/AMALGUM_news_(\w+)\.xml @[0-9a-f]{7} "
)


def _tasks() -> list[dict]:
    return gold_tasks("gold_amalgum_dev2.jsonl")


def test_every_article_names_its_amalgum_source_and_licence_and_none_is_in_the_check_part():
    tasks = _tasks()
    assert len(tasks) == 8
    for task, found in zip(tasks, wikinews_sources(tasks, _SOURCE, _CHECK), strict=True):
        assert task["meta"]["file"] == f"amalgum_{found.group(1)}"


def test_spans_are_quotes_and_their_speakers():
    assert quotes_and_links(_tasks()) == (52, 52)

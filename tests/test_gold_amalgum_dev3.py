"""The third AMALGUM speaker dev gold (``gold_amalgum_dev3.jsonl``): English Wikinews articles from
AMALGUM's news genre (gucorpling/amalgum, CC BY 2.5), taken in the order of a seeded draw of slugs
disjoint from earlier draws, kept by a mechanical quote filter, and labelled by hand for QUOTEs and
their speakers only; each names its source file and licence, every speaker link joins a QUOTE to an
ACTOR of the same article, and none of the check part kept out of the repository is in it."""

from __future__ import annotations

import re

from speaker_gold import gold_tasks, quotes_and_links, wikinews_sources

# the check part (a third of the seeded split): labelled, measured, never committed
_CHECK = {"aretha", "ariane", "carbon"}
_SOURCE = re.compile(
    r"gucorpling/amalgum (?:amalgum|amalgum_extra)/news/xml/AMALGUM_news_(\w+)\.xml @[0-9a-f]{7} "
)


def _tasks() -> list[dict]:
    return gold_tasks("gold_amalgum_dev3.jsonl")


def test_every_article_names_its_amalgum_source_and_licence_and_none_is_in_the_check_part():
    tasks = _tasks()
    assert len(tasks) == 6
    for task, found in zip(tasks, wikinews_sources(tasks, _SOURCE, _CHECK), strict=True):
        assert task["meta"]["file"] == f"amalgum_{found.group(1)}"


def test_spans_are_quotes_and_their_speakers():
    assert quotes_and_links(_tasks()) == (43, 43)

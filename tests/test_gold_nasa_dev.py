"""The NASA speaker dev gold (``gold_nasa_dev.jsonl``): nasa.gov news releases and stories (works
of the US government, public domain) from a public repository's copy, taken in file order by a
mechanical filter, labelled by hand for QUOTEs and their speakers only; each has its source and
licence, every speaker link joins a QUOTE to an ACTOR of the same text, and none of the check
part kept out of the repository is in it."""

from __future__ import annotations

import re

from speaker_gold import gold_tasks, quotes_and_links

# the check part (a seeded third of each of the two draws): labelled, measured, never committed
_CHECK = {
    "144",
    "35",
    "61",
    "13",
    "74",
    "151",
    "67",
    "5",
    "32",
    "52",
    "54",
    "45",
    "164",
    "169",
    "189",
    "227",
    "185",
}
_PATH = re.compile(r"nasa_articles/nasa_article_(\d+)\.md")
_COMMIT = "a1937050558f5f3cf51dc073fdd644bcd8d6092f"


def _tasks() -> list[dict]:
    return gold_tasks("gold_nasa_dev.jsonl")


def test_every_text_names_its_source_and_licence_and_none_is_in_the_check_part():
    tasks = _tasks()
    assert len(tasks) == 33
    for task in tasks:
        meta = task["meta"]
        assert meta["repo"] == "katie-hofschen/NASA_RAG" and meta["commit"] == _COMMIT
        assert meta["url"] == f"https://github.com/katie-hofschen/NASA_RAG/blob/{_COMMIT}/{meta['path']}"
        assert meta["licence"].startswith("public domain")
        found = _PATH.fullmatch(meta["path"])
        assert found is not None and meta["file"] == f"nasa_{found.group(1)}"
        assert found.group(1) not in _CHECK


def test_spans_are_quotes_and_their_speakers():
    assert quotes_and_links(_tasks()) == (211, 211)

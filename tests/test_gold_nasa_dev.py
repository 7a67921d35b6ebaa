"""The NASA speaker dev gold (``gold_nasa_dev.jsonl``): nasa.gov news releases and stories (works
of the US government, public domain) from a public repository's copy, taken in file order by a
mechanical filter, labelled by hand for QUOTEs and their speakers only; each has its source and
licence, every speaker link joins a QUOTE to an ACTOR of the same text, and none of the check
part kept out of the repository is in it."""

from __future__ import annotations

from speaker_gold import gold_tasks, nasa_sources, quotes_and_links

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


def _tasks() -> list[dict]:
    return gold_tasks("gold_nasa_dev.jsonl")


def test_every_text_names_its_source_and_licence_and_none_is_in_the_check_part():
    tasks = _tasks()
    assert len(tasks) == 33
    nasa_sources(tasks, _CHECK)


def test_spans_are_quotes_and_their_speakers():
    assert quotes_and_links(_tasks()) == (211, 211)

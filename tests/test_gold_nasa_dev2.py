"""The second NASA speaker dev gold (``gold_nasa_dev2.jsonl``): nasa.gov news releases and stories
(works of the US government, public domain) from the same public repository's copy as
``gold_nasa_dev.jsonl`` but from a seeded draw of other files, kept by a mechanical filter and the
fresh-text guard, labelled by hand for QUOTEs and their speakers only; each has its source and
licence, every speaker link joins a QUOTE to an ACTOR of the same text, and neither the check
part kept out of the repository nor any text of the first NASA gold is in it."""

from __future__ import annotations

from speaker_gold import gold_tasks, nasa_sources, quotes_and_links

# the check part (a seeded share of each of the two batches): labelled, measured, never committed
_CHECK = {"317", "373", "505", "506", "551", "553", "629", "630", "683", "685", "687", "747", "838", "992"}


def _tasks() -> list[dict]:
    return gold_tasks("gold_nasa_dev2.jsonl")


def test_every_text_names_its_source_and_licence_and_none_is_in_the_check_part_or_the_first_gold():
    tasks = _tasks()
    assert len(tasks) == 20
    first = {task["meta"]["path"] for task in gold_tasks("gold_nasa_dev.jsonl")}
    assert not set(nasa_sources(tasks, _CHECK)) & first


def test_spans_are_quotes_and_their_speakers():
    assert quotes_and_links(_tasks()) == (87, 87)

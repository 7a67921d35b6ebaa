"""The 2004 news speaker dev gold (``gold_news2004_dev.jsonl``): English Wikinews articles of
late 2004 / early 2005 (airKlizz/WikinewsSum's copy, the article text only, never the sources it
copies) and one Global Voices post of 2004, labelled by hand for QUOTEs and their speakers only;
each names its source and licence, every speaker link joins a QUOTE to an ACTOR of the same
article, and no article of the check part kept out of the repository is in it."""

from __future__ import annotations

import re

from speaker_gold import gold_tasks, quotes_and_links

# the check part (a seeded draw, random.Random(1717), a third of the selection): labelled,
# measured, never committed
_CHECK = {"wns_0038", "wns_0045", "wns_0099", "gv04_018"}
_SOURCES = {
    "CC BY 2.5 (Wikinews)": re.compile(r"airKlizz/WikinewsSum endataset\.json @1d98503 line \d+ "),
    "CC BY 3.0 (Global Voices)": re.compile(
        r"OpenGenderTracking/globalvoices data/full/globalvoicesonline\.wordpress\.2004 - 123\.xml @8d0e8f8 "
    ),
}
_URLS = ("https://en.wikinews.org/wiki/", "http://globalvoicesonline.org/")


def _tasks() -> list[dict]:
    return gold_tasks("gold_news2004_dev.jsonl")


def test_every_article_names_its_source_and_licence_and_none_is_in_the_check_part():
    tasks = _tasks()
    assert len(tasks) == 9
    for task in tasks:
        meta = task["meta"]
        assert meta["url"].startswith(_URLS)
        assert _SOURCES[meta["licence"]].match(meta["source"]) is not None
        assert meta["file"].split("_", 1)[1] not in _CHECK


def test_spans_are_quotes_and_their_speakers():
    assert quotes_and_links(_tasks()) == (12, 12)

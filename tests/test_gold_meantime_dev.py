"""The MEANTIME speaker dev gold (``gold_meantime_dev.jsonl``): English Wikinews articles from
the SemEval-2015 Task 4 (MEANTIME) copy's trial data, labelled by hand for QUOTEs and their
speakers only; each has its source and licence, every speaker link joins a QUOTE to an ACTOR of
the same article, and neither the check part kept out of the repository nor any article of the
task's evaluation corpora (a public test split) is in it."""

from __future__ import annotations

import re

from speaker_gold import gold_tasks, quotes_and_links, wikinews_sources

# the check part (every third article of the selection): labelled, measured, never committed
_CHECK = {
    "17174",
    "82548",
    "16844",
    "79240",
    "51682",
    "121416",
    "127227",
    "118147",
    "17677",
    "87805",
    "126029",
    "31706",
}
_SOURCE = re.compile(
    r"qiangning/StructTempRel-EMNLP17 data/SemEval2015-Task4-TimeLine/Corpus-trial-data_task4_TimeML/"
    r"(\d+)[-_]\S+\.tml @d6518a5 "
)


def _tasks() -> list[dict]:
    return gold_tasks("gold_meantime_dev.jsonl")


def test_every_article_is_trial_data_names_its_source_and_licence_and_none_is_in_the_check_part():
    tasks = _tasks()
    assert len(tasks) == 8
    wikinews_sources(tasks, _SOURCE, _CHECK)


def test_spans_are_quotes_and_their_speakers():
    assert quotes_and_links(_tasks()) == (23, 23)

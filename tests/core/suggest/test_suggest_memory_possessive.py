"""No suggestion inside a longer accepted or suggested name (issue 14, item 3), for the
possessive: "Donald Trump" is never suggested inside "Donald Trump's". Regression tests: each
held before they were written; the window's side (a suggestion made before the name was
accepted over it) is ``tests/_qt/test_window_suggestion_inside_name``."""

from __future__ import annotations

import pytest
from suggest_helpers import new_articles

from annotator.core import edits
from annotator.core.suggest import suggest_articles

pytestmark = pytest.mark.model

LEARNT = "Donald Trump met Joe Biden in Ohio."
POSSESSIVE = "Donald Trump's tariffs were criticised by Kamala Harris."


def _add(project, article_id, words, label="ACTOR", annotator="ann"):
    start = project.article(article_id).text.index(words)
    edits.perform(project, edits.add_span, article_id, start, start + len(words), label, annotator=annotator)


def _pending(project, article_id) -> list[tuple[str, str]]:
    text = project.article(article_id).text
    rows = project.spans_in([article_id], ("suggested",))
    return sorted((text[s.start : s.end], s.origin) for s in rows if s.annotator is None)


@pytest.mark.parametrize("memory", [True, False])
def test_nothing_is_suggested_inside_an_accepted_possessive_name(project, pipeline, memory):
    project.set_meta("memory_enabled", memory)
    learnt, article = new_articles(project, LEARNT, POSSESSIVE)
    _add(project, learnt, "Donald Trump")
    _add(project, article, "Donald Trump's")
    suggest_articles(project, [article], pipeline)
    assert [words for words, _ in _pending(project, article)] == ["Kamala Harris"]


def test_a_memory_suggestion_the_possessive_name_was_accepted_over_goes_on_the_next_run(project, pipeline):
    learnt, article = new_articles(project, LEARNT, POSSESSIVE)
    _add(project, learnt, "Donald Trump")
    suggest_articles(project, [article], pipeline)
    assert ("Donald Trump", "memory") in _pending(project, article)
    _add(project, article, "Donald Trump's")
    suggest_articles(project, [article], pipeline, force=True)
    assert [words for words, _ in _pending(project, article)] == ["Kamala Harris"]


def test_of_a_name_and_its_possessive_both_learnt_only_the_longer_is_suggested(project, pipeline):
    learnt, possessive, article = new_articles(
        project, LEARNT, POSSESSIVE, "Critics of Donald Trump's tariffs met in Ohio."
    )
    _add(project, learnt, "Donald Trump")
    _add(project, possessive, "Donald Trump's")
    suggest_articles(project, [article], pipeline)
    assert ("Donald Trump's", "memory") in _pending(project, article)
    assert not any(words == "Donald Trump" for words, _ in _pending(project, article))

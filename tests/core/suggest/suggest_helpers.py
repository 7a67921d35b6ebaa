"""Helpers of the suggestion tests: readers of what was suggested, and the memory tests'
writers that insert and label articles. (Not in conftest.py: a test importing ``conftest``
by name gets another folder's when pytest runs several test folders at once.)"""

from __future__ import annotations

from annotator.core import edits
from annotator.core.store import articles


def labelled(found, label: str) -> list[str]:
    """The covered texts of the suggestions in ``found`` labelled ``label``."""
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


def counts_and_kinds(suggest, text: str) -> list[tuple[str, object, object]]:
    """``suggest``'s CASUALTY figures as (covered text, count_low, kind)."""
    return [(covered, low, kind) for covered, low, _qualifier, kind in casualties(suggest, text)]


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

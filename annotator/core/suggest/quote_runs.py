"""Who speaks a quote that no tag attributes, from the quotes and sentences just before it.

News names a speaker, then quotes on: ""…," said Holm. "…"". With paragraphs, the paragraph
tells whose turn it is; text stored as one line has a single "paragraph", so the last person
acting anywhere before the quote would win. Here the words since the previous quote come
first: a person acting there speaks; nobody there means the previous quote's speaker goes on.
"""

from __future__ import annotations

from spacy.tokens import Span

from annotator.core.suggest.paragraphs import paragraph_bounds
from annotator.core.suggest.speaker_actors import Actor
from annotator.core.suggest.speakers import SpeakerFinder

_SENTENCES_BACK = 4  # how far back in a paragraph the last person acting is looked for
_FOLLOW_SENTENCES = 3  # the previous quote ended at most two sentences before


def unattributed_speaker(
    span: Span, previous: tuple[Span, Actor | None] | None, finder: SpeakerFinder
) -> Actor | None:
    """The speaker of ``span`` when no verb or source attributes it: the last person acting
    since the previous quote's sentence in this paragraph; else that quote's speaker, when it ended just
    before; else the last person acting in the paragraph's few sentences before the quote."""
    low = paragraph_bounds(span.doc, span)[0]
    if previous is not None and previous[0].end > low:
        # after the previous quote's sentence, whose tag names that quote's speaker
        between = finder.last_person(max(previous[0].end, previous[0][-1].sent.end), span.start)
        if between is not None:
            return between
        if follows(previous, span):
            return previous[1]
    return finder.last_person(max(low, _sentences_back(span)), span.start)


def follows(previous: tuple[Span, Actor | None] | None, span: Span) -> bool:
    """Whether the previous quote had a speaker and ended at most two sentences before this one."""
    if previous is None or previous[1] is None:
        return False
    sents = list(span.doc[previous[0].end - 1 : span.start].sents)  # type: ignore[attr-defined]  # Span.sents is missing from spaCy's stubs
    return len(sents) <= _FOLLOW_SENTENCES


def _sentences_back(span: Span) -> int:
    """The first token of the sentence ``_SENTENCES_BACK`` sentences before the quote's."""
    doc = span.doc
    start = span[0].sent.start
    for _ in range(_SENTENCES_BACK):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start

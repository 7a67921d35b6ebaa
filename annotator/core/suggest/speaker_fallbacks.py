"""Speakers for quotes the reporting tags leave without one, read off who is named around the
quote rather than off one dependency arc: a tagger or parser error ("called" read as a noun, a
quote hung from the wrong word, "said" without a subject) loses the arc from the verb to its
subject, not the name in the sentence or the reporting verb just before."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.core.suggest.paragraphs import paragraph_bounds, same_paragraph
from annotator.core.suggest.speaker_actors import Actor
from annotator.core.suggest.speakers import SpeakerFinder

_CONTRAST = frozenset(["while", "but", "whereas", "although", "though", "unlike"])


def fallback_speaker(span: Span, verb: Token | None, finder: SpeakerFinder) -> Actor | None:
    """Who speaks ``span`` when nothing attributed it: an actor named in its own sentence, else
    the one a verb of saying in the sentence before names. Not the speaker of the last quote in
    an earlier paragraph: on the dev golds that gave 3 wrong speakers and no right one.
    Nobody for a quote a passive verb of saying (``verb``) says to or of an actor ("X was told
    "…"", "X was described as "…""), and no actor of its sentence when the verb names its
    speaker by words no actor covers (see :func:`_named_otherwise`)."""
    if verb is not None and any(
        c.dep_ == "nsubjpass" and any(a.covers(c.i) for a in finder.actors) for c in verb.children
    ):
        return None
    if not span.doc.has_annotation("SENT_START"):  # no sentences without a parse or a sentencizer
        return None
    named = verb is not None and _named_otherwise(verb, finder)
    return (None if named else sentence_actor(span, finder)) or paragraph_reporter(span, finder)


def sentence_actor(span: Span, finder: SpeakerFinder) -> Actor | None:
    """ "Coles, in its media release, reported that … "…"", "The director of the IAEA, Mohamed
    ElBaradei, called India "…"", ""…" as stated on the Apple website": in the quote's
    sentences and paragraph, outside any quote, the first person named before the quote, else the
    first actor before it, else the first actor after it that no contrast ("while ALDI called it
    …") sets apart."""
    doc = span.doc
    low, high = paragraph_bounds(doc, span)
    start, end = max(low, span[0].sent.start), min(high, span[-1].sent.end)
    named = [a for a in finder.actors if start <= a.start < end and not _quoted(a, finder)]
    before = [a for a in named if a.end <= span.start]
    after = [a for a in named if a.start >= span.end and not _contrast(doc[span.end : a.start])]
    people = [a for a in before if a.kind == "PERSON"]
    return next(iter(people or before or after), None)


def paragraph_reporter(span: Span, finder: SpeakerFinder) -> Actor | None:
    """ "In a release, the organization said that … . "It is shocking …"": the speaker of the
    last verb of saying, outside any quote, in the sentence right before the quote's, in its
    paragraph."""
    doc = span.doc
    start = span[0].sent.start
    if start == 0 or not same_paragraph(doc, start - 1, span.start):
        return None
    verbs = [
        t
        for t in doc[start - 1].sent
        if t.i not in finder.quoted and t.pos_ == "VERB" and finder.words.is_speech(t)
    ]
    for verb in reversed(verbs):
        actor = finder.speaker_of(verb)
        if actor is not None:
            return actor
    return None


def _named_otherwise(verb: Token, finder: SpeakerFinder) -> bool:
    """ "A number of senators condemned …, describing it as "…"", ""…," said police sources
    adding that … ULFA": the verb of saying names who speaks by a noun no actor covers; the
    speaker is someone the suggestions do not mark, not another actor of the sentence."""
    return any(
        w.pos_ in ("NOUN", "PROPN")
        and w.i not in finder.quoted
        and not any(a.covers(w.i) for a in finder.actors)
        for w in _speaker_words(verb, finder)
    )


def _speaker_words(verb: Token, finder: SpeakerFinder) -> list[Token]:
    """The subject of ``verb``, or of the verb of saying a participle hangs from ("condemned …,
    describing"); in a tag after the quote, the word right after the verb ("said police …")."""
    for v in (verb, verb.head):
        subjects = [c for c in v.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
        if verb.dep_ not in ("advcl", "xcomp", "conj") or not finder.words.is_speech(verb.head):
            break
    if finder.after_quote(verb):
        return [t for t in verb.doc[verb.i + 1 : verb.i + 3] if t.dep_ != "det"][:1]
    return []


def _contrast(between: Span) -> bool:
    return any(t.lower_ in _CONTRAST for t in between)


def _quoted(actor: Actor, finder: SpeakerFinder) -> bool:
    return actor.start in finder.quoted

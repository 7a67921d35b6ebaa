"""QUOTE suggestions: quoted text (and, when the scheme asks, reported speech) with a speaker."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.entity_suggester import ACTOR_KINDS
from annotator.core.suggest.lexicon import words
from annotator.core.suggest.quote_attribution import (
    according_below,
    according_to,
    colon_subject,
    credit_source,
    dash_source,
    document_of,
    headline_alone,
    is_named_thing,
    words_of,
)
from annotator.core.suggest.quote_clauses import clause_speaker, put_it_source
from annotator.core.suggest.quote_marks import find_quotes
from annotator.core.suggest.quote_runs import follows, unattributed_speaker
from annotator.core.suggest.quote_tags import participle_between, tag_speaker
from annotator.core.suggest.speaker_actors import Actor
from annotator.core.suggest.speaker_fallbacks import fallback_speaker
from annotator.core.suggest.speaker_groups import group_speaker
from annotator.core.suggest.speaker_kinds import speaker_kinds
from annotator.core.suggest.speakers import SpeakerFinder
from annotator.core.suggest.suggestion import ORIGIN_SCORES, Suggestion


class QuoteSuggester:
    """Quotes in marks; a partial quote is kept only when a verb of saying introduces it."""

    name = "quotes"

    def __init__(self, reported_speech: bool = False) -> None:
        self.reported_speech = reported_speech

    def __call__(self, doc: Doc, found: list[Suggestion]) -> list[Suggestion]:
        ranges: list[tuple[int, int, Span]] = []
        for a, b in find_quotes(doc.text):
            marked = doc.char_span(a, b, alignment_mode="expand")
            if marked is not None and len(marked):
                ranges.append((a, b, marked))
        finder = SpeakerFinder(doc, _actors(doc), [span for *_, span in ranges], words())
        out: list[Suggestion] = []
        previous: tuple[Span, Actor | None] | None = None
        text = doc.text
        for start, end, span in ranges:
            if is_named_thing(span, text):
                continue
            verb = finder.speech_verb(span)
            if verb is not None and finder.parsed and according_below(span, verb, finder.quoted):
                verb = None  # the quote's own "according to X" names its source
            actor = finder.speaker_of(verb) if verb is not None else None
            group = _group(verb, actor, finder) if verb is not None else None
            source = None if verb is not None else _source(span, finder)
            if source is not None:
                actor = finder.actor_for(source)
            elif (
                verb is None and previous is not None and participle_between(previous[0], span, finder.words)
            ):
                actor = previous[1]
            elif verb is None and (not _whole_sentences(span, finder.quoted) or headline_alone(span, text)):
                continue
            if actor is None and verb is None and source is None:
                actor = unattributed_speaker(span, previous, finder)
            if actor is None and verb is None and previous is not None and follows(previous, span):
                actor = previous[1]
            if actor is None and verb is None and source is None:
                actor = finder.person_before(span)
            guess = actor is None and group is None
            if guess:
                actor = fallback_speaker(span, verb, finder)
            previous = (span, actor)
            speaker = _chars(doc, actor)
            if group is not None:  # only with a verb of saying, so never with a source
                speaker = (group.start_char, group.end_char)
                out.append(Suggestion(*speaker, "ACTOR", "pattern", ORIGIN_SCORES["pattern"]))
            score = ORIGIN_SCORES["pattern"]
            guessed = guess and speaker is not None
            out.append(
                Suggestion(start, end, "QUOTE", "pattern", score, speaker=speaker, speaker_guess=guessed)
            )
        if self.reported_speech:
            out += _reported(doc, finder)
        return out


def _source(span: Span, finder: SpeakerFinder) -> Token | None:
    """Who a quote is attributed to without a verb of saying ("according to X", "X: ...",
    "in X's words", "... — X")."""
    if not finder.parsed:
        return dash_source(span)
    quoted = finder.quoted
    return (
        according_to(span, quoted)
        or document_of(span, quoted)  # "X issued a statement from Y:": Y's words
        or colon_subject(span, quoted)
        or words_of(span, quoted)
        or dash_source(span)
        or credit_source(span)  # a pull quote's credit line
        or put_it_source(span, quoted)
        or tag_speaker(span, quoted)  # a verb the lexicon lacks, in a reporting tag's shape
        or clause_speaker(span, finder)  # a phrase quoted in a clause whose verb is any verb
    )


def _group(verb: Token, actor: Actor | None, finder: SpeakerFinder) -> Span | None:
    """A body or group named by a common noun that says ``verb`` (see :mod:`speaker_groups`)."""
    if not finder.parsed:
        return None
    return group_speaker(verb, actor, finder.actors, finder.quoted, finder.words)


def _actors(doc: Doc) -> list[Actor]:
    ents = doc.user_data.get("news_ents", [])
    return speaker_kinds(doc, [Actor(s, e, k) for s, e, k in ents if k in ACTOR_KINDS], words())


def _chars(doc: Doc, actor: Actor | None) -> tuple[int, int] | None:
    if actor is None:
        return None
    span = doc[actor.start : actor.end]
    return (span.start_char, span.end_char)


def _whole_sentences(span: Span, quoted: set[int]) -> bool:
    """Whether no words stand outside quotes in the quote's sentences (up to the line's end)."""
    doc, text = span.doc, span.doc.text
    first, last = span[0].sent, span[-1].sent
    line_end = text.find("\n", span.end_char)
    stop = min(last.end_char, line_end if line_end >= 0 else len(text))
    outside = [t for t in doc[first.start : last.end] if t.i not in quoted and t.idx < stop]
    return not any(t.is_alpha for t in outside)


def _reported(doc: Doc, finder: SpeakerFinder) -> list[Suggestion]:
    """ "X said (that) CLAUSE" without marks: the clause, spoken by X."""
    if not finder.parsed:
        return []
    out: list[Suggestion] = []
    for verb in doc:
        if verb.i in finder.quoted or not finder.words.is_speech(verb) or verb.pos_ != "VERB":
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        if clause is None or any(t.i in finder.quoted for t in clause.subtree):
            continue
        tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.i == clause.left_edge.i)]
        span = doc[tokens[0].i : tokens[-1].i + 1]
        while len(span) > 1 and span[-1].is_punct:
            span = span[:-1]
        out.append(
            Suggestion(
                span.start_char,
                span.end_char,
                "QUOTE",
                "model",
                0.6,
                speaker=_chars(doc, finder.speaker_of(verb)),
            )
        )
    return out

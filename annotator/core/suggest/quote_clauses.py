"""A quoted phrase inside a sentence whose verb is not a verb of saying: whose words they are,
read off the parse ("Berg considers the bridge "a monument to waste"", "as Olsen put it")."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Span, Token

from annotator.core.suggest.syntax import SUBJECTS

_CLIMB = 10  # heads climbed from the quote to the clause whose subject speaks
_MIN_WORDS = 2  # a one-word quote in a clause is as often a scare quote as someone's word
_BARE_NOUN_WORDS = 4  # fewer words without an article of their own: a term ("red tape")
_LABEL_DEPS = ("nsubj", "nsubjpass", "compound", "poss", "amod", "nmod", "csubj")


class Resolver(Protocol):
    """What the rules need of the speaker finder: whether a token stands for an actor."""

    quoted: set[int]

    def actor_for(self, token: Token) -> object | None: ...


def put_it_source(span: Span, quoted: set[int]) -> Token | None:
    """ ""…," as coach Peter Olsen put it": the subject of "put it" in an "as" clause of the
    quote's sentence."""
    doc = span.doc
    for token in doc[span[0].sent.start : span[-1].sent.end]:
        if token.i in quoted or token.lemma_ != "put":
            continue
        children = list(token.children)
        if any(c.lower_ == "as" and c.dep_ == "mark" for c in children) and any(
            c.lower_ == "it" and c.dep_ == "dobj" for c in children
        ):
            subject = next((c for c in children if c.dep_ == "nsubj" and c.i not in quoted), None)
            if subject is not None:
                return subject
    return None


def clause_speaker(span: Span, finder: Resolver) -> Token | None:
    """A phrase quoted inside a clause ("Berg considers the bridge "a monument to waste"",
    "Richardson remains "fully committed"", "Jones blamed the referee for "a string of bad
    calls""): the subject of the nearest clause above it that stands for an actor, climbing
    through reported clauses ("Berg believes the bridge is "…""). Nothing when the quote is a
    subject or a modifier (a name or label: ""The Crown" won", "the "reform" package")."""
    if sum(t.is_alpha for t in span) < _MIN_WORDS:
        return None
    attachments = [
        t
        for t in span
        if not (t.is_punct or t.is_space) and t.head.i != t.i and not span.start <= t.head.i < span.end
    ]
    if not attachments or all(t.dep_ in _LABEL_DEPS for t in attachments):
        return None
    text = span.doc.text
    low = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    high = end if end >= 0 else len(text)
    for token in attachments:
        if token.dep_ in _LABEL_DEPS or token.head.i in finder.quoted or _term(token, span):
            continue
        subject = _subject_above(token, finder, (low, high))
        if subject is not None:
            return subject
    return None


def _term(token: Token, span: Span) -> bool:
    """A noun quoted as a term rather than as someone's words: its article stands outside the
    marks ("a "peace man"", "the "original sin""), or it is a short bare noun phrase ("cutting
    "red tape"")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "det" and c.i < span.start for c in token.children):
        return True
    return span[0].dep_ != "det" and sum(t.is_alpha for t in span) < _BARE_NOUN_WORDS


def _subject_above(token: Token, finder: Resolver, line: tuple[int, int]) -> Token | None:
    """Climbing from ``token`` within its ``line`` (character range; a parse may run over a
    line break): the first clause subject that stands for an actor; a clause with another
    subject ends the climb unless it is a reported clause (ccomp)."""
    came_from, head = token.dep_, token.head
    for _ in range(_CLIMB):
        if head.i in finder.quoted or not line[0] <= head.idx < line[1]:
            return None
        if head.pos_ in ("VERB", "AUX") and came_from not in ("nsubj", "nsubjpass", "csubj"):
            found = _clause_subject(head, finder, line)
            if found is not None:
                return found
            if any(c.dep_ in SUBJECTS for c in head.children) and head.dep_ != "ccomp":
                return None
        if head.head.i == head.i:
            return None
        came_from, head = head.dep_, head.head
    return None


def _clause_subject(verb: Token, finder: Resolver, line: tuple[int, int]) -> Token | None:
    """The subject of ``verb`` in ``line`` that stands for an actor (for a passive, the "by"
    agent)."""
    for child in verb.children:
        if child.i in finder.quoted or not line[0] <= child.idx < line[1]:
            continue
        if child.dep_ == "nsubj" and finder.actor_for(child) is not None:
            return child
        if child.dep_ == "agent":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None and finder.actor_for(agent) is not None:
                return agent
    return None

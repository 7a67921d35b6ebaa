"""Speakers that are no name: a body or a group named by a common noun ("the court said",
"court officials told Xinhua", "one resident was quoted as saying") or a name that only
modifies such a body ("said the Malaysian transport ministry", "Dublin city council"). The
speaker is then the whole noun phrase, without its determiner, as a new ACTOR."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Span, Token

from annotator.core.suggest.lexicon import Words
from annotator.core.suggest.speaker_actors import Actor
from annotator.core.suggest.syntax import SUBJECTS

# bodies a place or nation name may qualify without being the speaker itself
_BODIES = frozenset(["ministry", "council", "office", "court", "department", "embassy"])
_SINGULAR_GROUPS = frozenset(["resident", "official", "spokesperson"])
_LEADING = frozenset(["the", "a", "an", "this", "that"])
_NARROWING = ("compound", "nummod", "amod")
_CLIMB = ("xcomp", "pcomp", "prep", "advcl", "conj")


def group_speaker(
    verb: Token, actor: Actor | None, actors: list[Actor], quoted: Container[int], words: Words
) -> Span | None:
    """The noun phrase that says, for the verb of saying ``verb``, when its subject is a body or
    group named by a common noun and the speaker found so far (``actor``) is none or a name that
    only modifies that noun; None otherwise."""
    subject = _subject(verb, quoted)
    # a lower-case word the tagger read as a name is a common noun ("Malaysia's transport ministry")
    if subject is None or not (subject.pos_ == "NOUN" or (subject.pos_ == "PROPN" and subject.is_lower)):
        return None
    inside = [a for a in actors if a.start in {t.i for t in subject.subtree}]
    if any(a.kind == "PERSON" for a in inside):
        return None
    if actor is None and not inside and _group_noun(subject, words):
        return _phrase(subject)
    if actor is not None and actor in inside and subject.lemma_.lower() in _BODIES:
        return _phrase(subject)
    return None


def _subject(verb: Token, quoted: Container[int]) -> Token | None:
    """The subject of ``verb``, or of the clause it hangs from ("was quoted as saying")."""
    for _ in range(4):
        found = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i not in quoted), None)
        if found is not None or verb.dep_ not in _CLIMB or verb.head.i == verb.i:
            return found
        verb = verb.head
    return None


def _group_noun(token: Token, words: Words) -> bool:
    """A body ("the court"), or a group or organisation noun a word before it narrows ("court
    officials", "one resident"); a bare "officials" names no one."""
    lemma = token.lemma_.lower()
    if lemma in _BODIES:
        return True
    narrowed = any(c.dep_ in _NARROWING and c.i < token.i for c in token.children)
    grouped = (
        lemma in _SINGULAR_GROUPS or token.lower_ in words.people_nouns or lemma in words.organisation_nouns
    )
    return narrowed and grouped


def _phrase(noun: Token) -> Span:
    """``noun`` with the words before it in its phrase and an "of" phrase after it, without a
    leading determiner: "the office of the Maldives President" -> "office of the Maldives
    President"."""
    doc = noun.doc
    start = noun.left_edge.i
    while start < noun.i and (doc[start].lower_ in _LEADING or doc[start].is_punct):
        start += 1
    end = noun.i + 1
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == end), None)
    if of is not None:
        end = of.right_edge.i + 1
    return doc[start:end]

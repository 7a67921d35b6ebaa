"""The kind the speaker finder gives an ACTOR where the model's kind is a known slip: a person's
name tagged an organisation ("Bruce McCandless II"), so that he/she can stand for it."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from annotator.core.suggest.given_names import given_name_gender
from annotator.core.suggest.lexicon import Words
from annotator.core.suggest.speaker_actors import Actor

_SUFFIX = re.compile(r"(?:[IVX]+|Jr\.?|Sr\.?)$")  # "Bruce McCandless II", "Martin Luther King Jr."
_MAX_WORDS = 4


def speaker_kinds(doc: Doc, actors: list[Actor], words: Words) -> list[Actor]:
    """``actors`` with a person's name the model tagged an organisation made a person."""
    return [_person(doc, a, words) for a in actors]


def _person(doc: Doc, actor: Actor, words: Words) -> Actor:
    """An organisation of two to four capitalised words, the first a given name the list genders
    and none an organisation noun ("Bruce McCandless II", not "Virginia Tech University"), is a person."""
    tokens = list(doc[actor.start : actor.end])
    if actor.kind != "ORG" or not 2 <= len(tokens) <= _MAX_WORDS or given_name_gender(tokens[0].text) is None:
        return actor
    if not all((t.text[:1].isupper() and t.is_alpha) or _SUFFIX.match(t.text) for t in tokens):
        return actor
    if any(t.lower_ in words.organisation_nouns for t in tokens):
        return actor
    return Actor(actor.start, actor.end, "PERSON")

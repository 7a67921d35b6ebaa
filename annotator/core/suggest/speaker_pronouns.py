"""Which actor a pronoun stands for when finding who said a quote: he/she/they by the
subject chain or the nearest fitting actor, his/her/its by the subject it comes before, I/you by
an interview's turns; with the state the speaker finder shares (the Doc, its actors, the quoted
tokens)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.genders import gender_of, name_genders
from annotator.core.suggest.interview_turns import Turns
from annotator.core.suggest.lexicon import Words
from annotator.core.suggest.paragraphs import same_paragraph
from annotator.core.suggest.quote_tags import noun_read_verb
from annotator.core.suggest.speaker_actors import (
    Actor,
    names_a_group,
    only_modifies,
    people_by_surname,
    place_in_description,
    reported_by_outlet,
    set_off_by_commas,
)
from annotator.core.suggest.syntax import SUBJECTS

PERSONAL = {"he", "she", "him", "her"}
_CHAIN_BACK = 120  # tokens before the pronoun's sentence searched for the subject it continues


class PronounResolver:
    """The actors of one Doc and the pronouns that stand for them; ``actors`` are the ACTOR
    entities found in it, ``quotes`` its quotes (nobody inside a quote is its speaker)."""

    def __init__(self, doc: Doc, actors: list[Actor], quotes: list[Span], words: Words):
        self.doc, self.actors, self.words = doc, people_by_surname(doc, actors), words
        self.quoted = {i for q in quotes for i in range(q.start, q.end)}
        self.parsed = doc.has_annotation("DEP")
        self._genders: dict[str, str] | None = None
        self._turns: Turns | None = None

    def _says(self, token: Token) -> bool:
        """A verb of saying, not a noun or a name ("the United States") unless the tagger misread
        the verb as a plural noun ("Pacific Times Online predicts "…"")."""
        return self.words.is_speech(token) and (token.pos_ not in ("NOUN", "PROPN") or noun_read_verb(token))

    def _actor_at(self, token: Token) -> Actor | None:
        inside = next((a for a in self.actors if a.covers(token.i)), None)
        if inside and inside.kind == "PERSON":
            return inside
        tree = {t.i for t in token.subtree}
        found = [a for a in self.actors if a.start in tree and a.start not in self.quoted]
        # "the director of X, Dr. Anthony Fauci, said": the person set off by commas speaks
        named = [a for a in found if a.kind == "PERSON" and set_off_by_commas(self.doc, a)]
        if named:
            return min(named, key=lambda a: abs(a.start - token.i))
        if inside:
            return inside
        if place_in_description(token, found, self.words):  # "the Wooster professor added"
            return self._nearest_before(token.left_edge.i, token.sent.start, personal=True)
        # "Former Trump adviser … Michael Flynn": a name that only modifies the noun comes last
        found.sort(key=lambda a: (a.kind != "PERSON", only_modifies(self.doc, a), abs(a.start - token.i)))
        return found[0] if found else None

    def resolve_pronoun(self, pronoun: Token) -> Actor | None:
        """The nearest fitting actor before ``pronoun``: a person for he/she, preferring subjects."""
        if pronoun.lower_ == "who":
            verb = pronoun.head
            return self._actor_at(verb.head) if verb.dep_ == "relcl" else None
        return self._antecedent(pronoun, pronoun.lower_ in PERSONAL, gender_of(pronoun.text))

    def _possessor(self, pronoun: Token) -> Actor | None:
        """Who "his", "her", "its" or "their" stands for: the subject of its sentence when it
        comes before that subject ("According to its release, the NBA …", "In his speech,
        Smith …"), otherwise the actor before it, as for he/she/it."""
        gender = gender_of(pronoun.text)
        for subject in pronoun.sent.root.children:
            if subject.dep_ not in SUBJECTS or subject.i < pronoun.i or subject.i in self.quoted:
                continue
            actor = self._actor_at(subject)
            if actor is not None and (
                gender is None or (actor.kind == "PERSON" and self._fits(actor, gender))
            ):
                return actor
        return self._antecedent(pronoun, gender is not None, gender)

    def _antecedent(self, pronoun: Token, personal: bool, gender: str | None) -> Actor | None:
        """The actor before ``pronoun``: for a person, the subject chain first (``_chain``)."""
        if personal:
            chained = self._chain(pronoun, gender, depth=6)
            if chained is not None:
                return chained
        return self._nearest_before(pronoun.i, pronoun.sent.start, personal, gender)

    def _chain(self, pronoun: Token, gender: str | None, depth: int) -> Actor | None:
        """For he/she: the person the last main-clause subject before it stands for, following
        earlier he/she back to a name ("Smith filed … He said … "…," he added"). A subject of
        a reported clause ("He said Zelensky is …") is not the topic; "according to X" is."""
        low = max(0, pronoun.sent.start - _CHAIN_BACK)
        for token in reversed(self.doc[low : pronoun.i]):
            if token.i in self.quoted or not self._topic(token) or names_a_group(token):
                continue
            if token.lower_ in PERSONAL and gender_of(token.text) == gender:
                return self._chain(token, gender, depth - 1) if depth > 0 else None
            actor = self._actor_at(token)
            if actor is not None and actor.kind == "PERSON" and self._fits(actor, gender):
                return actor
        return None

    def _topic(self, token: Token) -> bool:
        """A main-clause subject, or the source of "according to"."""
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            return True
        if token.dep_ not in SUBJECTS:
            return False
        verb = token.head
        if verb.dep_ == "ccomp":  # a reported clause, unless the parse ran over a line break
            return not same_paragraph(self.doc, verb.head.i, verb.i) or reported_by_outlet(verb, self.actors)
        return verb.dep_ not in ("relcl", "acl", "pcomp", "advcl")  # not "while Trump flew over"

    def _nearest_before(
        self, i: int, sent_start: int, personal: bool, gender: str | None = None, organisation: bool = False
    ) -> Actor | None:
        """The last actor before token ``i`` (a person when ``personal``, not a person when
        ``organisation``; not one the text genders otherwise than ``gender``), preferring subjects."""
        before = [
            a
            for a in self.actors
            if a.end <= i
            and a.start not in self.quoted
            and (a.kind == "PERSON" or not personal)
            and (a.kind != "PERSON" or not organisation)
            and self._fits(a, gender)
        ]
        subjects = [a for a in before if self._is_subject(a)]
        for pool in (subjects[-1:], before[-1:]):
            if pool and sent_start - pool[0].start < 120:
                return pool[0]
        return None

    def _fits(self, actor: Actor, gender: str | None) -> bool:
        if gender is None:
            return True
        if self._genders is None:
            people = [(a.start, a.end) for a in self.actors if a.kind == "PERSON"]
            self._genders = name_genders(self.doc, people)
        known = self._genders.get(self.doc[actor.end - 1].text)
        return known is None or known == gender

    def _is_subject(self, actor: Actor) -> bool:
        if not self.parsed:
            return True
        root = self.doc[actor.start : actor.end].root
        if root.dep_ in ("compound", "poss", "appos"):
            root = root.head
        verb = root.head
        if verb.dep_ == "ccomp" and self._says(verb.head):  # "Olsen said Lindgren had lied": Olsen acts
            return False
        return root.dep_ in SUBJECTS and verb.dep_ not in ("relcl", "acl", "pcomp")

    def _interviewed(self, pronoun: Token) -> Actor | None:
        """In an interview transcript, the actor "I" / "you" stands for: the one its turn's label
        (or the next turn's, for "you") names, the mention nearest the pronoun."""
        if self._turns is None:
            self._turns = Turns(self.doc.text)
        label = self._turns.person_for(pronoun.lower_, pronoun.idx)
        if label is None:
            return None
        named = [
            a
            for a in self.actors
            if a.start not in self.quoted and self.doc[a.end - 1].text == label.split()[-1]
        ]
        return min(named, key=lambda a: abs(a.start - pronoun.i), default=None)

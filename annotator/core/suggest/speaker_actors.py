"""ACTOR entities as the speaker finder sees them: token ranges with a kind, a surname that
stands for a person named in full, and a name the model tagged only elsewhere."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from annotator.core.suggest.lexicon import Words
from annotator.core.suggest.paragraphs import same_paragraph
from annotator.core.suggest.syntax import SUBJECTS

_SPEAKING_FOR = frozenset(["spokesman", "spokeswoman", "spokesperson", "representative", "official"])


@dataclass
class Actor:
    """An ACTOR entity as tokens, with its spaCy kind."""

    start: int
    end: int
    kind: str

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


def people_by_surname(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """ "Michael Bloomberg … Bloomberg said": a one-word actor that is the last name of a person
    named in full is that person, whatever kind the model gave it (a company, a place)."""
    surnames = {doc[a.end - 1].text for a in actors if a.kind == "PERSON" and a.end - a.start > 1}
    return [
        Actor(a.start, a.end, "PERSON") if a.end - a.start == 1 and doc[a.start].text in surnames else a
        for a in actors
    ]


def names_a_group(subject: Token) -> bool:
    """ "Senators Coats, McCain and Snowe each asked Brown …", "officials told him": a plural
    noun, or names joined by "and", is no he/she (not "adviser and general Michael Flynn")."""
    joined = subject.pos_ == "PROPN" and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in subject.children)
    # "Coats …, McCain …, and Snowe … each asked": a parse may give the verb two subjects
    shared = any(c.dep_ == subject.dep_ and c.i != subject.i for c in subject.head.children)
    plural = subject.tag_ == "NNS" and subject.is_lower
    return joined or shared or plural or subject.lower_ in ("each", "both")


def relative_subject(verb: Token, quoted: Container[int]) -> Token | None:
    """ "Giffords, who was shot in 2011, said": a verb of saying the parse left without a subject,
    having made the relative clause before it a clause of its own, is said by the name that
    clause's "who" stands for."""
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "advcl") or clause.i > verb.i or clause.i in quoted:
            continue
        for subject in clause.children:
            after = doc[subject.i + 1 : subject.i + 3]
            if subject.dep_ in SUBJECTS and [t.lower_ for t in after] in (
                [",", "who"],
                [",", "whose"],
            ):
                return subject
    return None


def named_elsewhere(token: Token, actors: list[Actor], quoted: Container[int]) -> Actor | None:
    """ "reads a Norvex press release", the model having tagged "Norvex" only elsewhere: a
    name in ``token``'s phrase that is a one-word actor elsewhere stands for it (nearest first)."""
    doc = token.doc
    phrase = [token, *(c for c in token.children if c.dep_ in ("compound", "nmod", "poss"))]
    names = {t.text for t in phrase if t.pos_ == "PROPN" and t.i not in quoted}
    found = [
        a for a in actors if a.end - a.start == 1 and a.start not in quoted and doc[a.start].text in names
    ]
    return min(found, key=lambda a: abs(a.start - token.i), default=None)


def reported_by_outlet(clause: Token, actors: list[Actor]) -> bool:
    """ "PBS revealed that the prince accepted …": a clause an organisation or place reports is
    about its own subject, who is then the topic a following "he said" continues (unlike "Olsen
    said Lindgren lied", where Olsen stays the topic)."""
    subjects = [c for c in clause.head.children if c.dep_ in SUBJECTS]
    named = [
        [a.kind for a in actors if a.start in {t.i for t in subject.subtree}] for subject in subjects
    ]  # "television broadcaster PBS": the name is in the subject's phrase
    return bool(named) and all(kinds and "PERSON" not in kinds for kinds in named)


def place_in_description(token: Token, found: list[Actor], words: Words) -> bool:
    """ "the Wooster professor added", "the Boston mayor said": a definite description of a
    person whose only actors are names modifying it (a place, a college, a leader's name: "the
    Lund aide") stands for a person named before, not for the name; "an Acme spokesman" still
    speaks for Acme."""
    if not found or token.lower_ in _SPEAKING_FOR:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    if words.description_kind(token) != "PERSON" and token.lower_ not in words.title_words:
        return False
    doc = token.doc
    roots = [doc[a.start : a.end].root for a in found]
    return all(r.head.i == token.i and r.dep_ in ("compound", "amod", "nmod") for r in roots)


def in_verb_paragraph(
    subject: Token, verb: Token, actors: list[Actor], quoted: Container[int]
) -> Actor | None:
    """ ""…," said Oscar Ruiz⏎Maria Lopez said …": a parse run over a line break made a name of
    the next paragraph the verb's subject; the one who says is the actor of the subject's phrase
    on the verb's side of the break: a person first, not one after "of", the first."""
    doc, tree = verb.doc, {t.i for t in subject.subtree}
    found = [
        a
        for a in actors
        if a.start in tree and a.start not in quoted and same_paragraph(doc, verb.i, a.start)
    ]
    return min(
        found,
        key=lambda a: (a.kind != "PERSON", doc[a.start : a.end].root.dep_ == "pobj", a.start),
        default=None,
    )


def adjacent_actor(verb: Token, actors: list[Actor], quoted: Container[int]) -> Actor | None:
    """Without a parse: the actor right before or right after the verb."""
    near = [
        a
        for a in actors
        if a.start not in quoted and (0 <= verb.i - a.end <= 2 or 0 <= a.start - verb.i <= 2)
    ]
    return near[0] if near else None


def name_right_after(verb: Token, actors: list[Actor]) -> Actor | None:
    """ ""…," said Oscar Ruiz" parsed without a subject (the name taken into the next paragraph's
    clause): the person named right after the verb, in its paragraph."""
    return next(
        (
            a
            for a in actors
            if a.kind == "PERSON" and 0 < a.start - verb.i <= 2 and same_paragraph(verb.doc, verb.i, a.start)
        ),
        None,
    )


def only_modifies(doc: Doc, actor: Actor) -> bool:
    """A name that only modifies a noun ("Former Trump adviser …")."""
    return doc[actor.start : actor.end].root.dep_ in ("compound", "poss", "amod", "nmod")


def set_off_by_commas(doc: Doc, actor: Actor) -> bool:
    """A name in apposition after a comma (", Dr. Anthony Fauci,")."""
    root = doc[actor.start : actor.end].root
    return root.dep_ == "appos" and any(t.text == "," for t in doc[max(0, actor.start - 3) : actor.start])


def name_before_title(
    token: Token, actors: list[Actor], quoted: Container[int], words: Words
) -> Actor | None:
    """ "Chris Wright, the Chief Technology Officer of Red Hat said": a title noun whose phrase
    follows a person's name and a comma (the closing comma left out) is that person, not the
    organisation in its phrase."""
    left = token.left_edge.i
    if token.lower_ not in words.title_core or left < 2 or token.doc[left - 1].text != ",":
        return None
    return next(
        (a for a in actors if a.kind == "PERSON" and a.end == left - 1 and a.start not in quoted), None
    )

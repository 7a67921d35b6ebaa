"""The kind of a figure reported as a running total: "the total number of confirmed deaths linked
to the infections surpassed 100,000" counts deaths (not infections), "the death toll rose from five
people to six" counts the dead."""

from __future__ import annotations

from spacy.tokens import Span, Token

from annotator.core.suggest.lexicon import Words

# Nouns that name a running total of people ("the number of deaths", "the death toll").
_TOTALS = {"number", "toll", "total", "tally", "count", "figure", "numbers", "figures"}
_ROLES = ("nsubj", "nsubjpass", "dobj", "attr")
_CLIMB = 3  # from the figure's own verb up to the one the total is the subject of
_NEAR = 4  # words between a total and its verb ("the number of casualties rose")


def total_kind(number: Span, w: Words) -> str | None:
    """The harm the total named by the figure's verb ("the number of deaths surpassed [N]",
    "increased the death toll to [N]", "the number of deaths is [N]", "the toll continues to
    rise, passing [N] people", "fatalities rose to [N]") counts, or None."""
    verb = _verb_of(number.root)
    if verb is None:
        return None
    clause: Token | None = verb
    for _ in range(_CLIMB):
        if clause is None:
            break
        for child in clause.children:
            if child.dep_ not in _ROLES or child.i in range(number.start, number.end):
                continue
            if child.lemma_.lower() in _TOTALS:
                return _harm_of_total(child, w)
            plain = child.lower_ != "casualties"  # the dead and the hurt: the sentence decides
            if child.dep_ == "nsubj" and child.tag_ == "NNS" and plain and child.lower_ in w.harm:
                return w.harm[child.lower_]  # "fatalities rose to 18", "cases climbed to 5,000"
        clause = clause.head if clause.dep_ in ("advcl", "xcomp", "conj") else None
    doc = verb.doc
    for token in reversed(doc[max(0, verb.i - _NEAR) : verb.i]):  # a misparsed subject
        if token.pos_ == "NOUN" and token.lemma_.lower() in _TOTALS:
            return _harm_of_total(token, w)
    return None


def _verb_of(token: Token) -> Token | None:
    """The verb the figure is the object or goal of ("surpassed [N]", "rose to [N]", "passing [N]
    people")."""
    if token.dep_ == "nummod":
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in ("to", "at", "from"):
        token = token.head
        if token.head.lower_ == "up":  # "bringing the total … up to [N]"
            token = token.head
    head = token.head
    if token.dep_ in ("dobj", "attr", "prep", "npadvmod", "pobj", "advmod") and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _harm_of_total(total: Token, w: Words) -> str | None:
    """ "death toll" -> killed, "number of (confirmed) cases" -> affected, "toll" -> killed."""
    for child in total.children:
        if child.dep_ == "compound" and child.lower_ in w.harm:
            return w.harm[child.lower_]
    for prep in (c for c in total.children if c.dep_ == "prep" and c.lower_ == "of"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            kind = w.harm.get(noun.lower_) or w.harm.get(noun.lemma_.lower())
            if kind:
                return kind
            # "the number of Palestinians killed", "the number of those infected"
            if noun.lower_ in w.people_nouns or noun.lower_ == "those":
                return _harm_of_participle(noun, w)
    return w.harm.get(total.lower_)


def _harm_of_participle(people: Token, w: Words) -> str | None:
    """The harm a participle after the people names ("Palestinians killed in attacks"), or None
    ("the number of people living there")."""
    for child in people.children:
        if child.dep_ in ("acl", "amod") and child.i > people.i and child.lower_ in w.harm:
            return w.harm[child.lower_]
    return None

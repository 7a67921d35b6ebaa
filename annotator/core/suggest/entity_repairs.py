"""Repairs for the errors a small spaCy model makes on news names (token-level, one Doc).

Each function takes and returns a list of :class:`Ent`; they run in the order of
``annotator.core.suggest.entity_suggester.FIXES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.lexicon import Words, gazetteer
from annotator.core.suggest.syntax import SUBJECTS

PLACE_KINDS = ("GPE", "LOC", "FAC")
_WHERE = {"in", "near", "into", "outside", "across", "throughout", "around", "towards", "toward"}
_PLACE_NOUNS = {
    "river",
    "lake",
    "sea",
    "mountain",
    "mountains",
    "valley",
    "region",
    "province",
    "district",
    "city",
    "town",
    "village",
    "camp",
    "island",
    "islands",
    "bay",
    "coast",
    "desert",
    "county",
    "oblast",
    "port",
    "airport",
    "border",
    "strait",
    "peninsula",
}
_DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "outskirts",
    "centre",
    "center",
}
_MOVES = {
    "travel",
    "come",
    "arrive",
    "return",
    "flee",
    "drive",
    "fly",
    "walk",
    "escape",
    "evacuate",
    "move",
    "sail",
    "commute",
    "hail",
    "relocate",
}
_PREFIXED_SURNAME = re.compile(r"(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]+$")
_EDGE_TRIM = {"the", "'s", "’s", "’", "'", "(", ")", ",", ".", "-", "–", "“", "”", '"'}


@dataclass
class Ent:
    """A named entity as a token range, with its spaCy kind and where it came from."""

    start: int
    end: int
    kind: str
    origin: str = "model"


def apply_gazetteer(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """A model entity whose whole text is a known place or body takes that kind
    ("Zaporizhzhia" tagged PERSON, "Bundestag" tagged PRODUCT)."""
    known = gazetteer()
    for ent in ents:
        kind = known.get(doc[ent.start : ent.end].text)
        if kind and ent.kind != kind and not (kind == "GPE" and ent.kind in PLACE_KINDS):
            ent.kind, ent.origin = kind, "pattern"
    return ents


def drop_common_nouns(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """Names carry a capital: "commerce ministry", "new city" are no entities. Surnames with a
    capital inside ("McLetchie", "DeSantis") count; other inner capitals ("GarageBand") do not."""
    return [e for e in ents if any(_name_cased(t.text) for t in doc[e.start : e.end])]


def _name_cased(word: str) -> bool:
    """Title case, all capitals, or a surname prefix before a capital ("McLetchie"). Stricter than
    name_repairs' ``_capitalised``, which takes any inner capital ("GarageBand") for a name."""
    return word.istitle() or word.isupper() or _PREFIXED_SURNAME.match(word) is not None


def places_by_context(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "near El Fasher", "south of Jumla", "the Guaíba river": a model PERSON/ORG in a place
    context is a place."""
    for ent in ents:
        if ent.origin == "model" and ent.kind in ("PERSON", "ORG") and in_place_context(doc, ent):
            ent.kind = "GPE"
    return ents


def in_place_context(doc: Doc, ent: Ent) -> bool:
    """Whether ``ent`` stands where a place does: before a place noun ("Jordan river") or as the
    object of a preposition of place ("in Krakow", "travelled from Kitwe")."""
    if ent.end < len(doc) and doc[ent.end].lower_ in _PLACE_NOUNS:
        return True
    root = doc[ent.start : ent.end].root
    while root.dep_ == "conj" and root.head.i != root.i and root.head.pos_ == "PROPN":
        root = root.head  # "in Krakow and Gdansk"
    if not doc.has_annotation("DEP") or root.dep_ != "pobj" or doc[ent.start].is_sent_start:
        return False
    prep = root.head
    if any(c.dep_ == "pobj" and c.i < root.i for c in prep.children):
        return False  # "In the blog post Chris Wright … said": the name is no second object of "in"
    before = doc[prep.i - 1].lower_ if prep.i > 0 else ""
    after = doc[prep.i + 1].lower_ if prep.i + 1 < len(doc) else ""
    if after == "law":  # "son in law Jared Kushner"
        return False
    if prep.lower_ == "from" and prep.head.lemma_.lower() in _MOVES:  # "travelled from Kitwe"
        return True
    return prep.lower_ in _WHERE or (prep.lower_ == "of" and before in _DIRECTIONS)


def merge_particles(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """Join names split at a particle: "Ursula von der" + "Leyen" -> one PERSON."""
    out: list[Ent] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev and prev.kind == "PERSON" and _particle_gap(doc, prev, ent, words):
            prev.end = ent.end
            continue
        out.append(ent)
    for index, ent in enumerate(out):  # "Rio Grande" + "do Sul" the model left untagged
        limit = out[index + 1].start if index + 1 < len(out) else len(doc)
        if ent.kind in ("PERSON", *PLACE_KINDS):
            ent.end = _particle_tail(doc, ent.end, limit, words)
    return out


def _particle_tail(doc: Doc, end: int, limit: int, words: Words) -> int:
    if (
        end + 1 < limit
        and doc[end].lower_ in words.name_particles
        and doc[end].is_lower
        and doc[end + 1].is_title
    ):
        return end + 2
    return end


def _particle_gap(doc: Doc, prev: Ent, ent: Ent, words: Words) -> bool:
    between = [t.lower_ for t in doc[prev.end : ent.start]]
    if any(w not in words.name_particles for w in between) or not doc[ent.start].is_title:
        return False
    return bool(between) or doc[prev.end - 1].lower_ in words.name_particles


def trim_edges(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """Drop leading "the" and titles ("President Trump"), trailing possessives and punctuation."""
    out = []
    for ent in ents:
        while ent.start < ent.end and _trimmable(doc[ent.start], ent.kind, words):
            ent.start += 1
        while ent.start < ent.end and (
            doc[ent.end - 1].lower_ in _EDGE_TRIM or doc[ent.end - 1].is_lower
        ):  # "Kajiado county"
            ent.end -= 1
        if ent.start < ent.end:
            out.append(ent)
    return out


def _trimmable(token: Token, kind: str, words: Words) -> bool:
    if token.lower_ in _EDGE_TRIM:
        return True
    if kind != "PERSON":  # "State Department" keeps its first word
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ in words.title_words and nxt is not None and nxt.is_title


def split_titled_names(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "Secretary of [the Army Dan Driscoll]": the office is no entity, the name is a PERSON."""
    out = []
    for ent in ents:
        rest = ent.start + (1 if doc[ent.start].lower_ == "the" else 0) + 1
        if (
            _after_title_of(doc, ent.start, words)
            and ent.end - rest >= 2
            and all(t.is_title for t in doc[rest : ent.end])
        ):
            out.append(Ent(rest, ent.end, "PERSON", ent.origin))
        else:
            out.append(ent)
    return out


def _after_title_of(doc: Doc, i: int, words: Words) -> bool:
    """Whether token ``i`` follows "<title> of" (the office in "Secretary of State")."""
    j = i - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in words.title_core


def propagate_names(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """A surname seen in a full PERSON name is a PERSON wherever else it appears: relabel the
    model's ORG/GPE guesses ("Witkoff" as GPE) and add the mentions it missed ("Merz told")."""
    full = [ent for ent in ents if ent.kind == "PERSON" and ent.end - ent.start >= 2]
    names = {doc[e.start : e.end].text for e in full} | {doc[e.end - 1].text for e in full}
    names = {n for n in names if n[:1].isupper()}
    for ent in ents:
        if ent.kind != "PERSON" and ent.origin != "pattern" and doc[ent.start : ent.end].text in names:
            ent.kind = "PERSON"
    places = {doc[e.start : e.end].text for e in ents if e.kind in PLACE_KINDS} - names
    for ent in ents:
        if (
            ent.kind in ("PERSON", "ORG")
            and ent.origin == "model"
            and doc[ent.start : ent.end].text in places
        ):
            ent.kind = "GPE"
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    added = [
        Ent(t.i, t.i + 1, "PERSON") for t in doc if t.text in names and t.i not in covered and t.is_title
    ]
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def drop_title_modifiers(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "US special envoy Steve Witkoff": a place or body inside a title before a name is no entity."""
    out = []
    for index, ent in enumerate(ents):
        nxt = next((e for e in ents[index + 1 :] if e.kind == "PERSON"), None)
        if ent.kind != "PERSON" and _is_title_gap(doc, ent, nxt, words):
            continue
        before_name = ent.end < len(doc) and doc[ent.end].is_title
        if ent.kind != "PERSON" and before_name and _after_title_of(doc, ent.start, words):
            continue
        out.append(ent)
    return out


def _is_title_gap(doc: Doc, ent: Ent, nxt: Ent | None, words: Words) -> bool:
    if nxt is None or nxt.kind != "PERSON" or not 0 < nxt.start - ent.end <= 6:
        return False
    gap = doc[ent.end : nxt.start]
    fits = all(
        t.lower_ in words.title_words or t.is_lower or t.lower_ in ("of", "’s", "'s", "-", "the") for t in gap
    )
    return fits and any(t.lower_ in words.title_core for t in gap)


def keep_acting_groups(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """Nationalities are actors only for people: "Ukrainian officials", "the Ukrainians"."""
    out = []
    for ent in ents:
        if ent.kind == "GPE" and ent.end - ent.start == 1 and _is_demonym(doc[ent.start]):
            ent.kind = "NORP"
        if ent.kind == "NORP" and _speaking_name(doc[ent.start : ent.end], words):
            ent.kind = "PERSON"  # "Larbi wondered": a name the model took for a nationality
        if ent.kind != "NORP" or _names_people(doc, ent, words):
            out.append(ent)
    return out


def _speaking_name(span: Span, words: Words) -> bool:
    """One singular proper noun, not shaped like a nationality, that says something."""
    token = span[0]
    return (
        len(span) == 1
        and token.tag_ == "NNP"
        and not _is_demonym(token)
        and token.dep_ == "nsubj"
        and words.is_speech(token.head)
    )


def _is_demonym(token: Token) -> bool:
    return token.tag_ in ("JJ", "NNPS") or token.lower_.endswith(("ian", "ean", "ese", "ish"))


def _names_people(doc: Doc, ent: Ent, words: Words) -> bool:
    root = doc[ent.end - 1]
    if root.tag_ in ("NNPS", "NNS") or (root.text.endswith("s") and root.is_title):
        return True
    if not doc.has_annotation("DEP"):
        nxt = doc[ent.end] if ent.end < len(doc) else None
        return nxt is not None and nxt.lower_ in words.people_nouns
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    return root.dep_ in ("amod", "compound", "nmod") and head.lower_ in words.people_nouns


def speaking_places(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "Moscow said", "Britain's government warned": a place that speaks is an actor (ORG)."""
    if not doc.has_annotation("DEP"):
        return ents
    for ent in ents:
        if ent.kind in PLACE_KINDS and _speaks(doc[ent.start : ent.end].root, words):
            ent.kind = "ORG"
    return ents


def _speaks(token: Token, words: Words) -> bool:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("compound", "poss", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token.dep_ in SUBJECTS and words.is_speech(token.head)

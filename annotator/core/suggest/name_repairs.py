"""Person names the model gets wrong or does not know: a name after a title ("Mrs Florence
Pugh", a "President X" taken for a place), a name with an age ("Okafor, 51,"), and a capitalised
name that says something ("Lopez told reporters") with no entity on it. Same shape as
:mod:`entity_repairs`."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.core.suggest.entity_repairs import Ent
from annotator.core.suggest.lexicon import Words, gazetteer
from annotator.core.suggest.syntax import SUBJECTS

_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madame", "monsieur"}
# Titles put right before a person's name (not "General", "Chief", "Head": "General Motors").
_PERSON_TITLES = {
    "president",
    "minister",
    "chancellor",
    "secretary",
    "governor",
    "senator",
    "congressman",
    "congresswoman",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "premier",
    "judge",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "professor",
    "prof.",
    "coach",
    "ceo",
    "mp",
    "sen.",
    "rep.",
    "gen.",
    "col.",
    "capt.",
    "lt.",
    "sgt.",
    "colonel",
    "captain",
    "sergeant",
    "lieutenant",
    "archbishop",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "sheikh",
    "emir",
    "sultan",
    "ayatollah",
    "lord",
    "commissioner",
    "negotiator",
    "adviser",
    "advisor",
    "aide",
    "lawmaker",
}
_NOT_PEOPLE = ("GPE", "LOC", "FAC", "ORG", "NORP")
_LONGEST_NAME = 4


def titled_persons(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """A name right after a capitalised title ("Mrs Florence Pugh", "President Kagame") is a
    person: the model's place or body there becomes PERSON; a name it missed is added."""
    covered = {i for e in ents for i in range(e.start, e.end)}
    for ent in ents:
        known = doc[ent.start : ent.end].text in gazetteer()
        if (
            ent.origin == "model"
            and ent.kind in _NOT_PEOPLE
            and _after_title(doc, ent.start, words)
            and not known
        ):
            ent.kind = "PERSON"
    added = []
    for token in doc:
        if token.i + 1 < len(doc) and _is_title(token, words) and token.i + 1 not in covered:
            end = _name_end(doc, token.i + 1, covered, words)
            if end > token.i + 1 and doc[token.i + 1 : end].text not in gazetteer():
                added.append(Ent(token.i + 1, end, "PERSON", "pattern"))
                covered.update(range(token.i + 1, end))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _is_title(token: Token, words: Words) -> bool:
    """A capitalised title or honorific ("Mrs", "President"), not a sentence's first word
    standing alone ("Minister" opening a sentence is still a title)."""
    low = token.lower_
    return token.is_title and (low in _HONORIFICS or low in _PERSON_TITLES)


def _after_title(doc: Doc, i: int, words: Words) -> bool:
    return i >= 1 and _is_title(doc[i - 1], words)


def _name_end(doc: Doc, i: int, covered: set[int], words: Words) -> int:
    """End of the run of capitalised proper nouns at ``i`` (at most four words, no title)."""
    end = i
    while (
        end < len(doc)
        and end - i < _LONGEST_NAME
        and end not in covered
        and doc[end].is_title
        and doc[end].pos_ == "PROPN"
        and doc[end].lower_ not in words.title_words
    ):
        end += 1
    return end


def aged_persons(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "Okafor, 51, said": only people are given an age in an apposition."""
    for ent in ents:
        after = doc[ent.end : ent.end + 3]
        if (
            ent.origin == "model"
            and ent.kind in _NOT_PEOPLE
            and len(after) == 3
            and after[0].text == ","
            and after[1].like_num
            and after[1].text.isdigit()
            and 0 < int(after[1].text) < 120
            and after[2].text == ","
        ):
            ent.kind = "PERSON"
    return ents


def appositive_persons(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """A name set off by a comma next to a title is a person: "Gáspár Maróth, the government
    commissioner," (the model's body or place becomes PERSON) and "the university's chancellor,
    Pradeep Khosla" (a name the model missed is added)."""
    if not doc.has_annotation("DEP"):
        return ents
    for ent in ents:
        root = doc[ent.start : ent.end].root
        # not "Reuters, the prosecutor general of Tehran, Ali Mehr,": that title has its own name
        titles = [
            c
            for c in root.children
            if c.dep_ == "appos"
            and _title_noun(c, words)
            and not any(t.ent_type_ == "PERSON" for t in c.subtree)
        ]
        if (
            ent.origin == "model"
            and ent.kind in _NOT_PEOPLE
            and titles
            and ent.end < len(doc)
            and doc[ent.end].text == ","
        ):
            ent.kind = "PERSON"
    covered = {i for e in ents for i in range(e.start, e.end)}
    known = gazetteer()
    added = []
    for token in doc:
        if token.dep_ != "appos" or token.pos_ != "PROPN" or not _title_noun(token.head, words):
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        name = doc[start : token.i + 1]
        if (
            start > 0
            and doc[start - 1].text == ","
            and not covered & set(range(start, token.i + 1))
            and name.text not in known
            and all(t.is_title for t in name)
            and not any(t.lower_ in words.not_names or t.lower_ in words.title_words for t in name)
        ):
            added.append(Ent(start, token.i + 1, "PERSON", "pattern"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _title_noun(token: Token, words: Words) -> bool:
    return token.pos_ == "NOUN" and token.lower_ in words.title_core


def unknown_speakers(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """A capitalised proper name no entity covers that is the subject of a verb of saying
    ("Lopez told reporters", "said Okafor") is a person the model does not know."""
    if not doc.has_annotation("DEP"):
        return ents
    covered = {i for e in ents for i in range(e.start, e.end)}
    known = gazetteer()
    added = []
    for token in doc:
        if token.dep_ not in SUBJECTS or not words.is_speech(token.head):
            continue
        if token.i in covered or token.pos_ != "PROPN" or not _capitalised(token):
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if doc[start].is_title and _is_title(doc[start], words):
            start += 1  # "Minister Okafor": the title stays outside
        name = doc[start : token.i + 1]
        if (
            start <= token.i
            and not covered & set(range(start, token.i + 1))
            and name.text not in known
            and all(_capitalised(t) for t in name)
            and not any(t.lower_ in words.not_names or t.lower_ in words.title_words for t in name)
        ):
            added.append(Ent(start, token.i + 1, "PERSON", "pattern"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _capitalised(token: Token) -> bool:
    """ "Lopez", "B", "McCready", "O'Brien": upper case first, then lower case somewhere."""
    return token.is_title or (token.text[:1].isupper() and any(c.islower() for c in token.text[1:]))


def split_abbreviations(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "World Health Organization (WHO)" taken as one entity, often without its ")": the name
    and its short form in brackets are two entities of the same kind."""
    out: list[Ent] = []
    for ent in ents:
        opening = next((i for i in range(ent.start + 1, ent.end) if doc[i].text == "("), None)
        short = doc[opening + 1] if opening is not None and opening + 1 < len(doc) else None
        if opening is None or short is None or not short.text.isupper() or short.i >= ent.end:
            out.append(ent)
            continue
        out.append(Ent(ent.start, opening, ent.kind, ent.origin))
        out.append(Ent(short.i, short.i + 1, ent.kind, ent.origin))
    return out


_ROMAN = set("IVXLCDM")  # "Henry VIII", "John Paul II": the numeral is part of the name
# honours, ranks at the bar and seats written after a name (a closed set)
_HONOURS = {"QC", "KC", "SC", "MP", "MEP", "MSP", "MLA", "TD", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS"}


def drop_post_nominals(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "Jo Pike MP", "Alan Ross CBE", "Kama Melly QC": letters after a person's name (an honour,
    a rank at the bar, a seat) are no part of it. A name the model took for an organisation is
    a PERSON when its letters are a known honour or rank, not a place's code ("Acme Holdings UK")."""
    places = set(gazetteer()) | {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
    for ent in ents:
        tail, name = doc[ent.end - 1], doc[ent.start : ent.end - 1]
        if ent.end - ent.start < 3 or not _post_nominal(tail.text) or tail.text in places:
            continue
        honour = ent.kind == "PERSON" or (ent.kind == "ORG" and tail.text in _HONOURS)
        if honour and all(t.is_alpha and t.is_title for t in name):
            ent.end -= 1
            ent.kind = "PERSON"
    return ents


def _post_nominal(text: str) -> bool:
    return 2 <= len(text) <= 4 and text.isalpha() and text.isupper() and not set(text) <= _ROMAN


_HYPHENS = {"-", "‐", "‑"}


def hyphenated_names(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "Patil-Sabale", "Currie-Gregg": a person's name joined by a hyphen to a capitalised word
    (no spaces) is one name, so a mention found as "Sabale" grows to "Patil-Sabale" and speaks
    with the whole surname. Mentions that then overlap become one."""
    for ent in ents:
        if ent.kind != "PERSON":
            continue
        while ent.start >= 2 and _glued(doc, ent.start - 1):
            ent.start -= 2
        while ent.end + 1 < len(doc) and _glued(doc, ent.end):
            ent.end += 2
    out: list[Ent] = []
    for ent in sorted(ents, key=lambda e: (e.start, -e.end)):
        if out and ent.start < out[-1].end and (ent.kind == "PERSON" or out[-1].kind == "PERSON"):
            out[-1].end, out[-1].kind = max(out[-1].end, ent.end), "PERSON"
        else:
            out.append(ent)
    return out


def _glued(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen with a capitalised word on each side and no spaces."""
    hyphen = doc[i]
    return (
        hyphen.text in _HYPHENS
        and not hyphen.whitespace_
        and not doc[i - 1].whitespace_
        and _capitalised(doc[i - 1])
        and _capitalised(doc[i + 1])
    )

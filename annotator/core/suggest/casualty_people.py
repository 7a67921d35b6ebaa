"""The people a casualty figure counts: where the phrase after the number ends ("19 [people]",
"thousands [of civilians]", "two Chelsea fans", "5,000 Tamils", "all three wounded are"), and
whether the number counts things instead ("50 residential buildings", "two of the suitcases")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.lexicon import Words
from annotator.core.suggest.numbers import parse_count
from annotator.core.suggest.syntax import SUBJECTS

# Plural nouns for people by what they do or are ("-ers" would count trawlers and tankers too).
_AGENT_ENDINGS = ("ists", "ians", "men")
_WINDOW = 6  # words between the number and the people it counts
_SINGLE_HARM = {"case": "cases", "body": "bodies"}  # after "one": counted like the plural


def people_after(doc: Doc, number: Span, w: Words) -> tuple[int, Token | None]:
    """Where the phrase ends: after the people it counts ("19 [people]", "thousands [of civilians]")."""
    j = number.end
    for _ in range(_WINDOW):
        if j >= len(doc) or _dash(doc, j):
            break
        token = doc[j]
        after_of = doc[j - 1].lower_ == "of"
        if _ends_phrase(number, doc, j, w):
            # "860 deaths", "hundreds of wounded", "5,000 Tamils", "three wounded are"
            return _past_joined_people(doc, j, w) + 1, token
        if (
            token.lower_ == "of"
            or token.pos_ == "ADJ"
            or token.tag_ == "VBN"
            or (token.tag_ == "VBG" and token.lower_ in w.harm)  # "eight missing passengers"
            or (token.dep_ == "amod" and token.pos_ == "VERB")  # "37 confirmed cases" (tagged VBD)
            or token.lower_ in ("-", "more", "other")
            or token.lower_ in w.health_words
            or (token.pos_ == "PROPN" and (token.is_title or token.is_upper) and not after_of)
            or token.ent_type_ == "NORP"
            or _age(doc, j)
            or (token.pos_ == "NOUN" and token.dep_ == "compound")
            or _joins_modifiers(doc, j)
        ):  # "250,000 suspected infections", "50 cholera cases", "two Chelsea fans", "nine PKK
            # guerrillas", "two drug traffickers", "170 middle-aged and elderly people", "thousands of Moslem refugees"
            j += 1
            continue
        break
    return number.end, None


def _past_joined_people(doc: Doc, j: int, w: Words) -> int:
    """Where the people end when more people without a figure of their own are joined by "and"
    ("162 passengers [and crew]", "seven soldiers [and civilians]"; not "50,000 villagers and
    110 foreigners")."""
    for k in (j + 2, j + 3):  # "and crew", "and crew members"
        if k >= len(doc) or doc[j + 1].lower_ not in ("and", "or"):
            break
        joined = doc[k]
        if joined.dep_ == "conj" and joined.head.i == j and joined.lower_ in w.people_nouns:
            between = doc[j + 2 : k]
            if all(t.dep_ == "compound" and t.head.i == k for t in between) and not _own_subject(doc, j, k):
                return k
    return j


def _own_subject(doc: Doc, j: int, k: int) -> bool:
    """ "killed three soldiers and police said ...": the joined noun is the subject of a verb of its
    own (a finite verb right after it, while the counted people are not a subject)."""
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    finite = nxt is not None and nxt.tag_ in ("VBD", "VBZ", "VBP", "MD")
    return finite and doc[j].dep_ not in SUBJECTS


def _ends_phrase(number: Span, doc: Doc, j: int, w: Words) -> bool:
    """Whether token ``j`` is the people (or the harm) the figure counts; a people word that
    modifies a noun after it ("elderly [people]") is not."""
    token, nxt = doc[j], (doc[j + 1] if j + 1 < len(doc) else None)
    if token.pos_ == "ADJ" and nxt is not None and nxt.pos_ == "NOUN":
        return False
    if token.dep_ == "compound" and nxt is not None and nxt.pos_ == "NOUN" and token.head.i == j + 1:
        return False  # "one staff member", "two police officers": the people are the noun after
    after_of = doc[j - 1].lower_ == "of"
    return (
        _counts_people(number, token, w)
        or _harm_noun(number, token, w, after_of)
        or _group_name(doc, j)
        or _harm_head(doc, j, w)
    )


def _dash(doc: Doc, j: int) -> bool:
    """A spaced dash ends the phrase ("three injured - officials"); "middle-aged" has no spaces."""
    return doc[j].text in ("-", "--", "–", "—") and bool(doc[j - 1].whitespace_)


def _age(doc: Doc, j: int) -> bool:
    """A part of "eight-year-old" or "30-year-old" before the people ("two eight-year-old girls")."""
    token = doc[j]
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return (
        (token.like_num or token.lower_ in ("year", "month", "week")) and nxt is not None and nxt.text == "-"
    )


def _joins_modifiers(doc: Doc, j: int) -> bool:
    """ "and" / "or" between two modifiers of the people ("middle-aged and elderly people")."""
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return doc[j].lower_ in ("and", "or") and nxt is not None and nxt.pos_ == "ADJ"


def _counts_people(number: Span, token: Token, w: Words) -> bool:
    """A people noun: plural, or singular after "one" ("one man"), or a plural agent noun
    ("activists", "Christians"); bodies such as states or teams are no people."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in w.toll_bodies or lemma in w.toll_bodies:
        return False
    if lower in w.people_nouns or lemma in w.people_nouns:
        return True
    if token.tag_ == "NNS" and lower.endswith(_AGENT_ENDINGS):
        return True  # "activists", "airmen"
    between = token.doc[number.end : token.i]  # "one airport worker", "one Ugandan soldier"
    nouns_before = all(_modifies(t, token) for t in between)
    single = nouns_before and parse_count([t.lower_ for t in number]) == (1, 1)
    return single and token.tag_ == "NN" and _plural(lower) in w.people_nouns


def _modifies(word: Token, noun: Token) -> bool:
    """A noun, name or nationality before ``noun`` that modifies it or a word before it ("airport",
    "Ugandan", "security force")."""
    return word.i < word.head.i <= noun.i and (
        (word.dep_ == "compound" and word.pos_ in ("NOUN", "PROPN"))
        or word.ent_type_ == "NORP"
        or word.pos_ == "ADJ"
    )


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"  # man, woman, policeman, fisherman
    if noun == "child":
        return "children"
    return noun + "s"


def _harm_noun(number: Span, token: Token, w: Words, after_of: bool) -> bool:
    """ "860 deaths", "hundreds of wounded"; not the singular in "took 8 hostage"."""
    if harm_key(number, token) not in w.harm:
        return False
    if after_of:
        return True
    plural_count = parse_count([t.lower_ for t in number]) not in (None, (1, 1))
    return token.pos_ == "NOUN" and not (plural_count and token.tag_ == "NN")


def harm_key(number: Span, token: Token) -> str:
    """The word to look up for a harm noun: "one (more) case" reads as "cases", "one body" as
    "bodies" (not "one body of experts")."""
    single = parse_count([t.lower_ for t in number]) == (1, 1)
    of_after = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "of"
    plural = _SINGLE_HARM.get(token.lower_)
    return plural if plural and single and not (plural == "bodies" and of_after) else token.lower_


def _group_name(doc: Doc, j: int) -> bool:
    """ "5,000 Tamils", "35 million Chinese": a plural people name ends the phrase unless a noun
    follows it ("two Iraqi soldiers")."""
    token = doc[j]
    plural = token.tag_ in ("NNS", "NNPS")
    if not token.is_title or not (plural or token.ent_type_ == "NORP"):
        return False
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if nxt is None:
        return True
    # "50,000 Algerians and 110 foreigners", but not "hundreds of American and coalition troops"
    modifiers = ("NOUN", "PROPN") if plural else ("NOUN", "PROPN", "ADJ", "CCONJ")
    return nxt.pos_ not in modifiers and (plural or nxt.lower_ not in ("and", "or"))


def _harm_head(doc: Doc, j: int, w: Words) -> bool:
    """A harm word that heads the phrase: "three wounded" before a verb ("are", "were taken")."""
    token = doc[j]
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    return token.lower_ in w.harm and token.pos_ in ("ADJ", "VERB") and nxt is not None and nxt.pos_ == "AUX"


def _possessive(doc: Doc, i: int) -> bool:
    """A possessor or its "'s" inside an "of" phrase ("of the island nation's [residents]")."""
    token = doc[i]
    inside_of = any(t.lower_ == "of" for t in doc[max(0, i - 4) : i])
    owner = token.pos_ in ("NOUN", "PROPN") and any(t.tag_ == "POS" for t in doc[i + 1 : i + 3])
    return inside_of and (token.tag_ == "POS" or owner)


def thing_after(doc: Doc, number: Span, w: Words) -> bool:
    """Whether the number counts things, not people ("50 residential buildings", "19 points",
    "two of the suitcases")."""
    for token in doc[number.end : number.end + 6]:
        if (
            token.pos_ == "ADJ"
            or token.ent_type_ == "NORP"
            or _joins_modifiers(doc, token.i)  # "a dozen Asian and African nations"
            or token.lower_ == "of"
            or (token.pos_ == "DET" and token.nbor(-1).lower_ == "of")
            or _possessive(doc, token.i)  # "4,200 of the island nation's residents"
            or (
                token.tag_ == "VBG" and token.dep_ == "amod" and token.head.i > token.i
            )  # "two missing pieces"
        ):
            continue
        if _counts_people(number, token, w):
            return False  # "two of the victims"
        harmful = harm_key(number, token) in w.harm or token.lemma_.lower() in w.harm
        return (token.pos_ in ("NOUN", "PROPN") and not harmful) or (
            not token.pos_ and token.is_alpha and not harmful
        )
    return False

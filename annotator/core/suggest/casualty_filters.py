"""Figures that look like counts of harmed people but are not: digits of a date, a clock time or
a score ("1996-12-06", "10:30", "2-1"), measures ("11 lb"), counts of families or homes, a parent
"of five", a repeated "two, three, four times", and tolls that are only feared ("500 lives in danger",
"could kill 1,000 people")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.calendar_words import MONTHS
from annotator.core.suggest.lexicon import Words
from annotator.core.suggest.lexicon import words as word_lists
from annotator.core.suggest.syntax import SUBJECTS

_SIGNS = "-/:."  # glue a number to another in a date, a time or a score
_CLOCK_AFTER = {"a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "hrs", "hours", "h", "local"}
_CURRENCY = {"$", "€", "£", "¥", "US$", "USD", "EUR", "GBP", "Rs", "Rs."}
_CLOCK_BEFORE = {"at", "until", "till", "since", "by", "before", "after", "from", "around"}
_CLOCK = re.compile(r"^\d{1,2}[.:]\d{2}$|^\d{4}$")
_UNITS = {"families", "family", "households", "household", "homes", "houses", "buildings"}
_KIN = {"mother", "father", "parent", "grandmother", "grandfather", "family"}
_HYPOTHETICAL_AFTER = (
    "in danger",
    "at stake",
    "under threat",
    "at risk",
    "are in danger",
    "were in danger",
    "are at risk",
    "were at risk",
    "could be",
)
_MODALS = {"could", "would", "might", "may", "threatens", "threaten", "threatened", "risk", "risks", "can"}
_LIST = {",", "or", "and", "to", "-", "–"}
_PROJECTING = {"could", "might", "may", "would"}
_HOPS = 4  # heads from the people up to the verb they hang from ("along with [34 others]")
_GROUP_WORDS = {"DET", "NOUN", "PROPN", "ADJ"}  # "of the island nation's [190,000]"
_CLIMB = 3  # words from the figure up to its verb ("to [over 100,000]" -> "increase")
_ESTIMATE_NOUNS = {
    "estimate",
    "estimates",
    "projection",
    "projections",
    "forecast",
    "prediction",
    "predictions",
}
_ESTIMATE_AT = 6  # words from the estimate to its figure ('the estimate, a "total of [1,723]"')
_RATE_WORDS = {"annually", "daily", "weekly", "monthly", "yearly", "hourly"}
_PERIODS = {"day", "week", "month", "year", "hour", "decade"}
_NOT_RATE_AFTER = {"after", "before", "later", "earlier", "ago", "of"}
_PART_AT = 4  # words after the comma within which the part's figure stands ("Of 307, [three] teens")


def not_a_count(doc: Doc, number: Span) -> bool:
    """Whether the figure ``number`` is part of a date, time or score, is a measure, counts units
    of people (families, homes) or a parent's children, is one of a list of repetitions, or is
    denied ("no one"), one picked out of a group ("one of the men") or the whole group ("14 out of
    45 passengers")."""
    return (
        _glued_to_digits(doc, number)
        or _money_or_share(doc, number)
        or _clock_time(doc, number)
        or _counts_units(doc, number)
        or _measure(doc, number)
        or _kin_count(doc, number)
        or _repetitions(doc, number)
        or _denied(doc, number)
        or _one_of(doc, number)
        or _total(doc, number)
        or _whole_before_its_parts(doc, number)
        or _in_a_name_or_date(doc, number)
        or _at_a_deathbed(number)
    )


def _at_a_deathbed(number: Span) -> bool:
    """ "Hale died in the evening with his two daughters at his bedside": the people with one who
    died are not dead ("died along with his two sons" are)."""
    root = number.root
    noun = root.head if root.dep_ == "nummod" else root
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "with" or prep.i == 0:
        return False
    verb = prep.head
    has_subject = any(c.dep_ in SUBJECTS for c in verb.children)
    return (
        verb.lemma_ in ("die", "pass") and has_subject and prep.nbor(-1).lower_ not in ("along", "together")
    )


def _glued_to_digits(doc: Doc, number: Span) -> bool:
    """ "1996-12-06", "06/12", "10:30", "2-1": the number touches another through - / : or ."""
    text, start, end = doc.text, number.start_char, number.end_char
    before = start >= 2 and text[start - 1] in _SIGNS and text[start - 2].isdigit()
    after = end + 1 < len(text) and text[end] in _SIGNS and text[end + 1].isdigit()
    return before or after


def _money_or_share(doc: Doc, number: Span) -> bool:
    """ "$20 million", "84 percent": sums and shares (a trained model tags no MONEY/PERCENT)."""
    before = doc[number.start - 1].text if number.start else ""
    after = " ".join(t.lower_ for t in doc[number.end : number.end + 2])
    return before in _CURRENCY or after.startswith(("%", "percent", "per cent", "pc "))


def _clock_time(doc: Doc, number: Span) -> bool:
    """ "at 9 pm", "at 10.30", "until 0600 GMT"."""
    after = doc[number.end].lower_ if number.end < len(doc) else ""
    before = doc[number.start - 1].lower_ if number.start else ""
    return after in _CLOCK_AFTER or (before in _CLOCK_BEFORE and bool(_CLOCK.match(number.text)))


def _counts_units(doc: Doc, number: Span) -> bool:
    for token in doc[number.end : number.end + 3]:
        if token.lower_ in _UNITS:
            return True
        if token.pos_ not in ("ADJ", "PROPN") and not token.is_title:
            return False
    return False


def _measure(doc: Doc, number: Span) -> bool:
    """ "( 11 lb )", "150 km": a weight, length, area or other measure (the model may tag neither
    the unit nor a QUANTITY)."""
    return number.end < len(doc) and doc[number.end].lower_ in word_lists().measure_words


def _kin_count(doc: Doc, number: Span) -> bool:
    """ "a mother of five", "aged 12", "an eight-year-old", "the 13-year war": an age or a span of
    time, no count of harmed people."""
    before = [t.lower_ for t in doc[max(0, number.start - 4) : number.start] if t.text != "-"]
    aged = before[-1:] in (["aged"], ["age"])
    parent = len(before) >= 2 and before[-1] == "of" and before[-2] in _KIN  # "father-of-three"
    after = [t.lower_ for t in doc[number.end : number.end + 2]]
    years = len(after) == 2 and after[0] == "-" and after[1] in ("year", "month", "week", "day")
    return aged or parent or years or _hyphen_modifier(doc, number)


def _hyphen_modifier(doc: Doc, number: Span) -> bool:
    """ "a four-story building", "a 12-hour shift": a number joined by a hyphen to the word after
    it describes a thing ("two-year-old girls" are people, and that is handled as an age)."""
    if number.end + 1 >= len(doc) or doc[number.end].text != "-" or number[-1].whitespace_:
        return False
    word = doc[number.end + 1]
    age = number.end + 2 < len(doc) and doc[number.end + 2].text == "-"
    return word.is_alpha and not word.like_num and not age and not doc[number.end].whitespace_


def _repetitions(doc: Doc, number: Span) -> bool:
    """ "displaced two, three, four times": a list of numbers ending in "times"."""
    j = number.end
    while j < len(doc) and (doc[j].lower_ in _LIST or doc[j].like_num):
        j += 1
    return j > number.end and j < len(doc) and doc[j].lower_ in ("times", "occasions", "rounds")


def _denied(doc: Doc, number: Span) -> bool:
    """ "no one was hurt": a figure denied by "no"."""
    return number.start >= 1 and doc[number.start - 1].lower_ == "no"


def _one_of(doc: Doc, number: Span) -> bool:
    """ "one of the refugees who signed": one person picked out of a group, not a toll."""
    return number.text.lower() == "one" and number.end < len(doc) and doc[number.end].lower_ == "of"


def _in_a_name_or_date(doc: Doc, number: Span) -> bool:
    """ "Sept 17", "Sept . 17" (a date the model missed), "the ferry Trident Seven" and "News 12",
    "Channel 4" (names)."""
    if number.start == 0:
        return False
    before = doc[number.start - 1]
    if _numbered_name(number, before):
        return True
    if before.text == "." and number.start >= 2:
        before = doc[number.start - 2]  # "Sept . 17" in tokenised text
    if before.lower_.rstrip(".") in MONTHS and (before.lower_ != "may" or before.is_title):
        return True
    after = doc[number.end] if number.end < len(doc) else None
    ends_name = after is None or after.is_punct or after.pos_ == "PROPN"
    return before.pos_ == "PROPN" and before.is_title and number[0].is_title and ends_name


def _numbered_name(number: Span, before: Token) -> bool:
    """ "News 12", "Channel 4", "Flight 302": digits after the singular capitalised noun they
    number."""
    root = number.root
    named = before.is_title and before.tag_ in ("NN", "NNP") and number.text.isdigit()
    return named and root.dep_ == "nummod" and root.head.i == before.i


def _total(doc: Doc, number: Span) -> bool:
    """ "14 out of 45 passengers", "17 of the 28 refugees", "3,100 of the island's 190,000
    residents": the second figure is the whole group."""
    words = [t.lower_ for t in doc[max(0, number.start - 3) : number.start]]
    if words[-2:] == ["out", "of"]:
        return True
    for i in range(number.start - 2, max(0, number.start - 7), -1):  # "3,100 of the island's 190,000"
        if doc[i].lower_ == "of":
            between = doc[i + 1 : number.start]
            return doc[i - 1].like_num and all(t.pos_ in _GROUP_WORDS or t.tag_ == "POS" for t in between)
    return False


def _whole_before_its_parts(doc: Doc, number: Span) -> bool:
    """ "Of 307 on board, three teens died": the whole a harmed part is taken from, when the part's
    clause names the harm (not "Of the sixteen workers, nine are members of ...")."""
    i = number.start - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0 or doc[i].lower_ != "of" or not (i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text):
        return False
    end = doc[i].sent.end if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else len(doc)
    comma = next((j for j in range(number.end, end) if doc[j].text == ","), None)
    if comma is None:
        return False
    part = doc[comma + 1 : end]
    harmed = any(_is_harm(t, word_lists()) for t in part)
    return harmed and any(t.like_num for t in part[:_PART_AT])


def in_custody(doc: Doc, start: int, end: int, words: Words) -> bool:
    """ "arrested four other men", "the four arrested men", "228 soldiers imprisoned for
    desertion", "12,500 others are at large": people held or escaped, not harmed."""
    near = doc[max(0, start - 1) : end]
    if any(t.lemma_.lower() in words.custody_verbs and t.pos_ == "VERB" for t in near):
        return True
    after = doc[end] if end < len(doc) else None
    if after is not None and after.pos_ == "VERB" and after.lemma_.lower() in words.custody_verbs:
        return True
    if _held_by(doc[end - 1], words):
        return True
    return "at large" in doc[end : end + 4].text.lower()


def _held_by(token: Token, words: Words) -> bool:
    """ "sentenced to death along with 34 others", "sentences ten people, including three women,
    to death": the people hang from a custody verb through prepositions and lists."""
    for _ in range(_HOPS):
        if token.head is token:
            return False
        token = token.head
        if token.pos_ == "VERB" and token.lemma_ != "include":
            return token.lemma_.lower() in words.custody_verbs
    return False


def lacking(doc: Doc, number: Span) -> bool:
    """ "Ajax were missing six first-team players": a side short of people, not people missing."""
    i = number.start
    return i >= 2 and doc[i - 1].lower_ in ("missing", "without") and doc[i - 2].pos_ == "AUX"


def hypothetical(doc: Doc, start: int, end: int, words: Words) -> bool:
    """ "500 lives were in danger", "the storm could kill 1,000 people", "may cause 1,000 deaths",
    "1,000 people could die",
    "two men to die": a toll that is feared or to come, not counted (``start``/``end``: the phrase with its hedge)."""
    after = " ".join(t.lower_ for t in doc[end : end + 4])
    if doc[end - 1].lower_ == "lives" and any(after.startswith(p) for p in _HYPOTHETICAL_AFTER):
        return True
    modal = any(t.text in _MODALS for t in doc[max(0, start - 3) : start - 1])  # not "In May"
    if start >= 2 and modal and _is_harm(doc[start - 1], words):
        return True
    if start >= 2 and modal and doc[start - 1].pos_ == "VERB" and _is_harm(doc[end - 1], words):
        return True  # "the virus may cause 32,000 more deaths"
    if _projected(doc[start:end]) or _named_estimate(doc, start):
        return True
    nxt = doc[end : end + 3]
    caused = start >= 1 and _is_harm(doc[start - 1], words)  # "forced millions to flee"
    if len(nxt) >= 2 and nxt[0].lower_ == "to" and _is_harm(nxt[1], words) and not caused:
        return True  # "two Indians to die for killing 23 passengers"
    return (
        len(nxt) == 3
        and nxt[0].text in _MODALS
        and nxt[1].lower_ != "have"
        and (_is_harm(nxt[1], words) or _is_harm(nxt[2], words))
    )


def _named_estimate(doc: Doc, start: int) -> bool:
    """ "to construe the estimate, a 'total of 1,723 cases'": a figure a model or study arrives at,
    in apposition to the noun that says so (no verb between), not a count."""
    for token in reversed(doc[max(0, start - _ESTIMATE_AT) : start]):
        if token.lower_ in _ESTIMATE_NOUNS and token.pos_ == "NOUN":
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _projected(phrase: Span) -> bool:
    """ "the toll could increase to over 100,000", "might approach 80,000", "2 million people are
    expected to be displaced": the verb the figure belongs to is modal or expected (not "may have
    killed", which reports a likely toll)."""
    verb = phrase.root
    for _ in range(_CLIMB):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _PROJECTING and "have" not in auxes:
        return True
    expected = verb.lemma_ == "expect" and any(c.dep_ == "xcomp" for c in verb.children)
    return expected or (verb.dep_ == "xcomp" and verb.head.lemma_ == "expect")


def _is_harm(token: Token, words: Words) -> bool:
    return token.lower_ in words.harm or token.lemma_.lower() in words.harm


def rate(doc: Doc, number: Span, end: int) -> bool:
    """ "1,000 deaths per day", "100,000 deaths annually", "seven per 100,000 people", "20 deaths a
    year": a rate, not a toll (``end``: where the figure's phrase ends). The number after "per"
    is the base of a rate ("per 100,000")."""
    if number.start and doc[number.start - 1].lower_ in ("per", "every"):
        return True
    nxt = [t.lower_ for t in doc[end : end + 3]]
    if nxt[:1] == ["per"] or (nxt and nxt[0] in _RATE_WORDS):
        return True
    if len(nxt) >= 2 and nxt[0] in ("a", "each", "every") and nxt[1] in _PERIODS:
        return len(nxt) == 2 or nxt[2] not in _NOT_RATE_AFTER  # not "a day after the attack"
    return False

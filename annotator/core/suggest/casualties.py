"""CASUALTY suggestions: figures of people killed, injured, missing, displaced or affected,
with ``count_low``, ``count_high``, ``qualifier`` and ``kind``."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from annotator.core.suggest.calendar_words import MONTHS
from annotator.core.suggest.casualty_filters import hypothetical, in_custody, lacking, not_a_count, rate
from annotator.core.suggest.casualty_people import harm_key, people_after, thing_after
from annotator.core.suggest.casualty_totals import total_kind
from annotator.core.suggest.lexicon import Words, words
from annotator.core.suggest.numbers import parse_count
from annotator.core.suggest.paragraphs import ends_line
from annotator.core.suggest.suggestion import Suggestion
from annotator.core.suggest.syntax import SUBJECTS

NUMBERS_KEY = "casualty_numbers"
_NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_OPEN_HIGH = {"at least", "more than"}
_TIME_WORDS = {"in", "since", "until", "till", "by", "from", "before", "after", "during", "of", "year", "c."}
_OPEN_LOW = {"up to", "fewer than"}
_FORWARD, _BACKWARD = 14, 6
_LONGEST_HARM = 4  # words in the longest harm phrase of words.json ("sleeping in the open")
# Words that open another clause: a harm word before them is not this figure's ("killed when
# scores of rebels struck").
_LINKING = {"remain", "seem", "appear", "fear", "believe", "report", "say", "include"}
_CARE_WORDS = {"treated", "hospitalised", "hospitalized"}  # hurt or ill
_CLAUSE_OPENERS = {"when", "while", "because", "although", "though", "whereas", ";"}
_GRAVITY = ("killed", "injured", "missing", "displaced", "affected")  # gravest first


class CasualtySuggester:
    """Number phrases (from the ``casualty_numbers`` SpanRuler) that count harmed people."""

    name = "casualties"

    def __call__(self, doc: Doc, found: list[Suggestion]) -> list[Suggestion]:
        lexicon = words()
        out = []
        previous: tuple[Span, str] | None = None
        for number in filter_spans([n for n in doc.spans.get(NUMBERS_KEY, []) if not _a_change(n)]):
            suggestion = _casualty(doc, number, lexicon, _same_sentence_kind(number, previous, lexicon))
            if suggestion:
                out.append(suggestion)
                phrase = doc.char_span(suggestion.start, suggestion.end, alignment_mode="expand")
                previous = (phrase if phrase is not None else number, suggestion.attrs["kind"])
        return out


def _a_change(number: Span) -> bool:
    """ "rose from 20 to 30" is two figures, not the range "20 to 30"."""
    return len(number) > 1 and number.start > 0 and number.doc[number.start - 1].lower_ == "from"


def _same_sentence_kind(number: Span, previous: tuple[Span, str] | None, w: Words) -> str | None:
    """The kind of the figure before in the same sentence ("killing 76, among them 23 children";
    ``previous`` is that figure's whole phrase, so its own "injured" is not another clause)."""
    if previous is None:
        return None
    doc = number.doc
    if not _has_sentences(doc):
        return None
    if previous[0].sent.start != number.sent.start or previous[0].end > number.start:
        return None
    between = list(doc[previous[0].end : number.start])
    if len(between) >= 2 and _as_were_before(doc, number.start):
        between = between[:-2]  # "90 were wounded, as were [seventeen]": the same clause again
    # "…, two have been freed" has a clause of its own; "14 were injured …, and one worker" not
    own_clause = any(
        _opens_clause(t) or (_own_verb(t) and harm_at(doc, t.i, w) != previous[1]) for t in between
    )
    return None if own_clause else previous[1]


def _casualty(doc: Doc, number: Span, w: Words, fallback: str | None = None) -> Suggestion | None:
    end, noun = people_after(doc, number, w)
    listed = noun is not None or _listed(doc, number, w)
    if _is_other_quantity(doc, number, noun, listed and fallback is not None):
        return None
    if not_a_count(doc, number) or lacking(doc, number) or rate(doc, number, end):
        return None
    if _possessor(doc, end, noun) or _pronoun_one(doc, number, noun):
        return None
    counted = parse_count([t.lower_ for t in number])
    if counted is None or (
        noun is None and (thing_after(doc, number, w) or _share_of_things(doc, number, w))
    ):
        return None
    if (
        noun is not None
        and harm_key(number, noun) in w.health_counts
        and not _names_illness(doc, number, noun, w)
    ):
        return None  # "40 cases of fraud"
    included = _included(doc, number, w)
    if included and noun is None and fallback is None and not _names_harmed(doc, number, w):
        return None  # "four shootings that week, including one in Gilroy": not people
    if included and fallback is not None:
        kind: str | None = fallback  # "104 people are killed, including 46 children, and 50 ... injured"
    else:
        kind = _kind(doc, number, noun, w) or (fallback if listed else None)  # "nine rebels ... and six"
    if kind is None:
        return None
    if kind == "injured" and _ill_not_hurt(doc, number, w):
        kind = "affected"  # "170 people with the disease were being treated"
    start, qualifier = _qualifier(doc, number.start, w)
    if hypothetical(doc, start, end, w) or in_custody(doc, start, end, w):
        return None
    low: int | None
    high: int | None
    low, high = counted
    if qualifier in _OPEN_HIGH:
        high = None
    elif qualifier in _OPEN_LOW:
        low = None
    span = doc[start:end]
    attrs = {"count_low": low, "count_high": high, "qualifier": qualifier, "kind": kind}
    return Suggestion(span.start_char, span.end_char, "CASUALTY", "pattern", 0.75, attrs)


def _listed(doc: Doc, number: Span, w: Words) -> bool:
    """A bare number after "and" or "," ("... and six"), or the end of a change ("from five
    people to six")."""
    start, _ = _qualifier(doc, number.start, w)  # "… and about 19"
    before = doc[start - 1].lower_ if start else ""
    if before in ("and", ","):
        return True
    if start >= 2 and _as_were_before(doc, start):
        return True  # "90 were wounded, as were seventeen from the army"
    return before == "to" and any(t.lower_ == "from" for t in doc[max(0, number.start - 8) : number.start])


def _as_were_before(doc: Doc, i: int) -> bool:
    """Whether "as were" (or "as did", "as is" …) stands right before token ``i``."""
    return i >= 2 and doc[i - 2].lower_ == "as" and doc[i - 1].pos_ == "AUX"


def _included(doc: Doc, number: Span, w: Words) -> bool:
    """ "…, including 46 children": a part of the figure before it in the sentence."""
    start, _ = _qualifier(doc, number.start, w)
    return start > 0 and doc[start - 1].lower_ == "including"


def _names_harmed(doc: Doc, number: Span, w: Words) -> bool:
    """Whether the plural noun a bare "including N" picks from counts harmed people or cases
    ("more cases of measles, including 165"; not "four shootings that week, including one")."""
    first = _sentence_of(number).start
    for token in reversed(doc[first : number.start]):
        if token.tag_ == "NNS":
            lower = token.lower_
            return lower in w.people_nouns or lower in w.health_words or harm_at(doc, token.i, w) is not None
    return False


def _possessor(doc: Doc, end: int, noun: Token | None) -> bool:
    """ "with two doctors' approval": the people own something; they are not counted as harmed."""
    return noun is not None and end < len(doc) and doc[end].tag_ == "POS"


def _pronoun_one(doc: Doc, number: Span, noun: Token | None) -> bool:
    """ "another one", "the one who eats them": a pronoun, not one person counted."""
    if noun is not None or number.text.lower() != "one" or number.start == 0:
        return False
    before = doc[number.start - 1].lower_
    after = doc[number.end].lower_ if number.end < len(doc) else ""
    return before == "another" or (before == "the" and after in ("who", "that", "which"))


def _ill_not_hurt(doc: Doc, number: Span, w: Words) -> bool:
    """Patients of an outbreak: the sentence (or the one before it in the paragraph) names an
    illness and neither says people were hurt ("170 people with the disease were being treated";
    "a total of 5667 cases. Of these, 1846 persons were hospitalized")."""
    sent = _with_sentence_before(number.sent) if _has_sentences(doc) else doc[:]
    hurt = any(w.harm.get(t.lower_) == "injured" and t.lower_ not in _CARE_WORDS for t in sent)
    return not hurt and any(t.lower_ in w.health_words and t.lower_ != "suspected" for t in sent)


def _with_sentence_before(sent: Span) -> Span:
    """The sentence and the one before it, when no line break separates them."""
    doc = sent.doc
    if sent.start == 0 or ends_line(doc[sent.start - 1]):
        return sent
    return doc[doc[sent.start - 1].sent.start : sent.end]


def _has_sentences(doc: Doc) -> bool:
    return doc.has_annotation("SENT_START") or doc.has_annotation("DEP")


def _sentence_of(number: Span) -> Span:
    """The figure's sentence, or the whole text when it has no sentence boundaries."""
    return number.sent if _has_sentences(number.doc) else number.doc[:]


def _names_illness(doc: Doc, number: Span, noun: Token, w: Words) -> bool:
    """Whether the sentence names an illness, or, for bare "cases" (not "cases of fraud"), the text
    before it does ("Coronavirus is an airborne disease. … there are at least 142 cases in India")."""
    if any(t.lower_ in w.health_words for t in _sentence_of(number)):
        return True
    of_after = noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ == "of"
    return not of_after and any(t.lower_ in w.health_words for t in doc[: number.start])


def _is_other_quantity(doc: Doc, number: Span, noun: Token | None, listed: bool) -> bool:
    """A date, time, sum or measure. The model's DATE is overruled by a people noun after a
    number word ("Two people" after a dateline), by a plural people noun right after the number
    ("1846 persons": no year either), and for a short number listed after a figure ("21 injured
    in A, 36 in B")."""
    text = number.text
    people_next = noun is not None and noun.i == number.end and noun.tag_ in ("NNS", "NNPS")
    short = text.isdigit() and len(text) < 4
    kinds = {t.ent_type_ for t in number} & _NOT_COUNTS
    if kinds == {"DATE"} and _month_after(doc, number):
        return True
    year = len(number) == 1 and text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100
    overruled = kinds == {"DATE"} and (
        (noun is not None and number[0].is_alpha)
        or people_next
        or (listed and noun is None and short)
        or (not year and _no_year(doc, number, noun))
    )
    if kinds and not overruled:
        return True
    return year and not people_next


def _no_year(doc: Doc, number: Span, noun: Token | None) -> bool:
    """ "2741 confirmed cases", "is 1501": four digits outside the years news speaks of, counting
    people or after a verb and with no preposition of time before them ("in 1501" is a year), are a
    count the model took for a DATE."""
    text = number.text
    before = doc[number.start - 1] if number.start else None
    if before is None or before.lower_ in _TIME_WORDS:
        return False
    counts = noun is not None or before.pos_ in ("AUX", "VERB")
    return counts and len(number) == 1 and text.isdigit() and len(text) == 4


def _month_after(doc: Doc, number: Span) -> bool:
    """ "6 May", "12 June": a day of a month."""
    return number.end < len(doc) and doc[number.end].is_title and doc[number.end].lower_ in MONTHS


def _kind(doc: Doc, number: Span, noun: Token | None, w: Words) -> str | None:
    """The harm the sentence reports nearest after (then before) the figure."""
    if noun is not None and noun.lower_ == "lives" and _saved(doc, number, noun, w):
        return "affected"  # "14,000 lives saved": rescued
    if _lives_saved_of(doc, _qualifier(doc, number.start, w)[0]):
        return "affected"  # "saved the lives of the nine passengers"
    if noun is not None and harm_key(number, noun) in w.harm:
        return _graver(w.harm[harm_key(number, noun)], _subject_of_harm(noun, w))
    if noun is not None:  # "93 injured people"
        inside = [harm_at(doc, t.i, w, noun.i) for t in doc[number.end : noun.i]]
        if any(inside):
            return next(k for k in inside if k)
    verb = _harm_verb_before(doc, number.start, w) or total_kind(number, w) or _subject_of_harm(noun, w)
    if verb:
        return verb
    sent = _sentence_of(number)
    group_end = _past_whole_group(doc, number.end)
    after = _after_in_clause(doc, group_end, min(sent.end, group_end + _FORWARD), w)
    before = _before_in_clause(doc, number.start, max(sent.start, number.start - _BACKWARD))
    if noun is not None:  # "refugees among the 385 voters": another group's harm noun
        before = [i for i in before if doc[i].lower_ not in w.people_nouns]
    for i in [*after, *before]:
        if doc[i].dep_ == "pobj" and doc[i].lower_ in w.people_nouns:
            continue  # "guards brought by Russian hostages": another group's harm
        kind = harm_at(doc, i, w, sent.end)
        if kind:
            return kind
    return None


def _graver(status: str, verb: str | None) -> str:
    """The noun's harm ("refugees": displaced), unless the verb the people are the subject of
    names a graver one ("40 refugees drowned": killed; "3,000 refugees fled" stays displaced)."""
    if verb is None or _GRAVITY.index(verb) >= _GRAVITY.index(status):
        return status
    return verb


def _share_of_things(doc: Doc, number: Span, w: Words) -> bool:
    """ "29 out of 30 federal charges": a share of things, not of people."""
    j = number.end + 2
    whole = doc[number.end : j].text.lower() == "out of" and j < len(doc) and doc[j].like_num
    return whole and thing_after(doc, doc[j : j + 1], w)


def _past_whole_group(doc: Doc, end: int) -> int:
    """ "3 out of 4 missing Americans are found dead": the harm of the whole group ("missing") is
    not the figure's; its verb comes after the group."""
    if doc[end : end + 2].text.lower() != "out of":
        return end
    for i in range(end + 2, min(len(doc), end + 2 + _FORWARD)):
        if doc[i].pos_ == "AUX" or doc[i].tag_ in ("VBD", "VBP", "VBZ", "MD"):  # not "missing"
            return i
    return end


def _saved(doc: Doc, number: Span, lives: Token, w: Words) -> bool:
    """ "saved 14,000 lives", "14,000 lives saved"."""
    start, _ = _qualifier(doc, number.start, w)
    near = [doc[start - 1]] if start else []
    near += [doc[lives.i + 1]] if lives.i + 1 < len(doc) else []
    return any(t.lemma_.lower() == "save" or t.lower_ == "saved" for t in near)


def _lives_saved_of(doc: Doc, start: int) -> bool:
    """ "save the lives of [the nine passengers]": the people whose lives were saved."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of" or doc[i - 1].lower_ != "lives":
        return False
    j = i - 2
    if j >= 0 and doc[j].pos_ in ("DET", "PRON"):
        j -= 1  # "saved their lives of"
    return j >= 0 and doc[j].lemma_.lower() == "save"


def _subject_of_harm(noun: Token | None, w: Words) -> str | None:
    """ "At least 124 people, including three former players, are killed": the harm verb the
    people are the subject of, however long the words between."""
    if noun is None or noun.dep_ not in SUBJECTS or noun.head.pos_ != "VERB":
        return None
    return harm_at(noun.doc, noun.head.i, w)


def _after_in_clause(doc: Doc, end: int, stop: int, w: Words) -> list[int]:
    """Token indices after the figure, up to another figure in a clause joined after the figure's
    own verb ("185,000 soldiers fought and 37,000 died": "died" is the second figure's; but
    "300,000 residents had moved to 3,000 emergency shelters" keeps its shelters)."""
    out: list[int] = []
    own_verb = joined = False
    for i in range(end, stop):
        token = doc[i]
        if (joined and token.like_num) or _opens_clause(token):
            break  # "deploys 500 troops to fight fires as the death toll rises"
        own_verb = own_verb or (_own_verb(token) and harm_at(doc, i, w) is None)
        joined = joined or (own_verb and token.pos_ == "CCONJ")
        out.append(i)
    return out


def _own_verb(token: Token) -> bool:
    """A verb of its own ("fought", which the tagger may read as a participle), not a verb of
    seeming or reporting ("remain missing", "reported killed")."""
    return (
        token.pos_ == "VERB" and token.tag_ in ("VBD", "VBP", "VBZ", "VBN") and token.lemma_ not in _LINKING
    )


def _before_in_clause(doc: Doc, start: int, stop: int) -> list[int]:
    """Token indices before ``start`` (nearest first, down to ``stop``) up to a clause opener."""
    out = []
    for i in range(start - 1, stop - 1, -1):
        if _opens_clause(doc[i]):
            break
        out.append(i)
    return out


def _opens_clause(token: Token) -> bool:
    """ "when", "while", or a conjunction such as "after" opening a clause (not "before noon")."""
    return token.lower_ in _CLAUSE_OPENERS or token.pos_ == "SCONJ"


def harm_at(doc: Doc, i: int, w: Words, limit: int | None = None) -> str | None:
    """The kind of harm a word or phrase starting at token ``i`` names ("died", "cut off")."""
    limit = len(doc) if limit is None else limit
    for size in range(min(_LONGEST_HARM, limit - i), 1, -1):
        kind = w.harm.get(doc[i : i + size].text.lower())
        if kind:
            return kind
    token = doc[i]
    if token.lower_ == "lives" and token.pos_ == "VERB":
        return None  # "a daughter who lives in Chicago"
    return w.harm.get(token.lower_) or w.harm.get(token.lemma_.lower())


def _harm_verb_before(doc: Doc, start: int, w: Words) -> str | None:
    """ "killing [at least 76 people]", "the deaths of [hundreds]": a harm word right before the
    figure (and its hedge)."""
    start, _ = _qualifier(doc, start, w)
    if start == 0:
        return None
    if start >= 2 and doc[start - 2 : start].text.lower() in w.harm:  # "cut off [1.2 million]"
        return w.harm[doc[start - 2 : start].text.lower()]
    token = doc[start - 1]
    if token.lower_ == "of" and start >= 2 and doc[start - 2].pos_ == "NOUN":
        token = doc[start - 2]  # "the deaths of [hundreds]", "the wounding of [thousands]"
    return w.harm.get(token.lower_) or w.harm.get(token.lemma_.lower())


def _qualifier(doc: Doc, start: int, w: Words) -> tuple[int, str | None]:
    """The hedge before the figure ("at least", "more than", ...) and where it starts; "another"
    belongs to the figure ("wounded another 149"), and "at least another 157 people" keeps its hedge."""
    if start >= 1 and doc[start - 1].lower_ == "another":
        return _qualifier(doc, start - 1, w)
    for size in (3, 2, 1):
        if start - size < 0:
            continue
        phrase = doc[start - size : start].text.lower()
        if phrase == "up to" and _lifts_object(doc[start - size]):
            return start, None
        if phrase in w.qualifiers:
            return start - size, w.qualifiers[phrase]
    return start, None


def _lifts_object(up: Token) -> bool:
    """ "brought the total number of dead up to 104": "up" belongs to the verb, no hedge."""
    verb = up.head
    objects = (c for c in verb.children if c.dep_ == "dobj" and c.i < up.i)
    return verb.pos_ == "VERB" and verb.i < up.i and any(objects)

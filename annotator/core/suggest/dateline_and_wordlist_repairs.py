"""More repairs of the model's news names: datelines, known names the model split, and
capitalised common words it took for names. Same shape as :mod:`entity_repairs`."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.entity_repairs import Ent
from annotator.core.suggest.lexicon import Words, gazetteer
from annotator.core.suggest.syntax import SUBJECTS

_DASHES = {"-", "–", "—", "--"}
_DATELINE_REACH = 15  # tokens from the place to the dash: "GOMA, <country>, Jan 28 (Agency) -"
_COMMON_TAGS = ("NN", "NNS")
COMMON_NOUNS = "news_common_nouns"  # vocab lookups table: English nouns, lower case


def datelines(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "BERLIN, Feb 24 (Newswire) -" or "GENEVA —" opening a paragraph: the capitals are a
    place and the name in brackets is the agency (an ORG)."""
    found: list[Ent] = []
    for start in _paragraph_starts(doc):
        place_end = _capitals_end(doc, start)
        dash = _dateline_dash(doc, place_end) if place_end > start else None
        if dash is None or gazetteer().get(doc[start:place_end].text) not in (None, "GPE"):
            continue
        found.append(Ent(start, place_end, "GPE", "pattern"))
        agency = _agency(doc, place_end, dash)
        if agency:
            found.append(agency)
            found += _mentions(doc, doc[agency.start : agency.end].text, agency.kind, ents + found)
    return _replace_overlapping(ents, found)


def _mentions(doc: Doc, name: str, kind: str, ents: list[Ent]) -> list[Ent]:
    """Other mentions of ``name`` no entity covers ("told Newswire by phone")."""
    covered = {i for e in ents for i in range(e.start, e.end)}
    return [
        Ent(span.start, span.end, kind, "pattern")
        for span in _find_all(doc, name, doc.text)
        if not covered & set(range(span.start, span.end))
    ]


def _find_all(doc: Doc, name: str, text: str) -> Iterator[Span]:
    """Every place ``name`` occurs in ``doc`` (whose ``doc.text`` is ``text``: spaCy rebuilds it
    from the tokens on every access, so callers read it once) on token boundaries, as spans."""
    at = text.find(name)
    while at >= 0:
        span = doc.char_span(at, at + len(name))
        if span is not None:
            yield span
        at = text.find(name, at + len(name))


def _paragraph_starts(doc: Doc) -> list[int]:
    starts = [0] if len(doc) else []
    starts += [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    return starts


def _capitals_end(doc: Doc, i: int) -> int:
    """End of a run of upper-case words ("PORT - AU - PRINCE", "NEW DELHI") at token ``i``."""
    end = i
    while end < len(doc) and (
        (doc[end].is_upper and doc[end].is_alpha and len(doc[end]) > 1)
        or (end > i and doc[end].text == "-" and end + 1 < len(doc) and doc[end + 1].is_upper)
    ):
        end += 1
    return end


def _dateline_dash(doc: Doc, i: int) -> int | None:
    """The dash that closes a dateline starting with the place that ends at ``i``; no verb before it."""
    if i >= len(doc) or doc[i].text not in {",", "(", *_DASHES}:
        return None
    for token in doc[i : min(len(doc), i + _DATELINE_REACH)]:
        if token.text in _DASHES:
            return token.i
        if token.pos_ in ("VERB", "AUX") or "\n" in token.text:
            return None
    return None


def _agency(doc: Doc, start: int, dash: int) -> Ent | None:
    """ "(Newswire)" just before the dateline's dash."""
    if dash - start < 3 or doc[dash - 1].text != ")":
        return None
    opening = next((t.i for t in reversed(doc[start : dash - 1]) if t.text == "("), None)
    if opening is None or opening + 1 == dash - 1:
        return None
    if not all(t.is_title or t.is_upper for t in doc[opening + 1 : dash - 1]):
        return None
    return Ent(opening + 1, dash - 1, "ORG", "pattern")


def known_long_names(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """A known name of several words ("Alternative for Germany") wins over the model's shorter
    entities inside it ("Germany")."""
    text = doc.text
    found = [
        Ent(span.start, span.end, kind, "pattern")
        for name, kind in _long_names()
        if name in text
        for span in _find_all(doc, name, text)
    ]
    return _replace_overlapping(ents, found, doc)


@lru_cache(maxsize=1)
def _long_names() -> tuple[tuple[str, str], ...]:
    return tuple((name, kind) for name, kind in gazetteer().items() if " " in name)


def add_common_nouns(nlp: Language) -> None:
    """Keep the lemmatizer's English nouns in the vocab's lookups for :func:`drop_common_words`."""
    if "lemmatizer" not in nlp.pipe_names or COMMON_NOUNS in nlp.vocab.lookups:
        return
    tables = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if tables is None or not tables.has_table("lemma_index"):
        return
    nouns = tables.get_table("lemma_index").get("noun", [])
    nlp.vocab.lookups.add_table(COMMON_NOUNS, {noun: True for noun in nouns})


def drop_common_words(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """ "Turnout was 84 percent", "by Easter": a one-word model PERSON that opens a sentence
    and is an English noun, or that the tagger reads as a common noun, or a holiday or weekday,
    is no name (unless it is the surname of a longer name in the text)."""
    known = gazetteer()
    surnames = {doc[e.end - 1].text for e in ents if e.end - e.start > 1}
    nouns = doc.vocab.lookups.get_table(COMMON_NOUNS) if COMMON_NOUNS in doc.vocab.lookups else {}
    out = []
    for ent in ents:
        token = doc[ent.start]
        single = (
            ent.origin == "model"
            and ent.end - ent.start == 1
            and token.text not in known
            and token.text not in surnames
        )
        # PERSON only: "Shell said" is a company, "Turnout was" no person.
        opening_noun = _opens_sentence(token) and ent.kind == "PERSON" and token.lower_ in nouns
        read_as_noun = token.tag_ in _COMMON_TAGS and not _speaker_no_noun(token, nouns, words)
        if single and (opening_noun or read_as_noun or token.lower_ in words.not_names):
            continue
        out.append(ent)
    return out


def _speaker_no_noun(token: Token, nouns: Collection[str], words: Words) -> bool:
    """ ""…," Fons noted": a capitalised word inside its sentence that the tagger reads as a
    common noun but that is no English noun, as the subject of a verb of saying, is a name."""
    return (
        token.is_title
        and _after_closing_mark(token)
        and len(nouns) > 0
        and token.dep_ in SUBJECTS
        and words.is_speech(token.head)
        and token.lower_ not in nouns
        and token.lemma_.lower() not in nouns
    )


def _after_closing_mark(token: Token) -> bool:
    """Right after a quote's closing mark that ends its words with a comma or a stop."""
    i = token.i
    return i >= 2 and token.doc[i - 1].is_quote and token.doc[i - 2].text in (",", ".", "!", "?")


def _reaches_out(doc: Doc, ent: Ent, name: Ent) -> bool:
    outside = [*doc[ent.start : min(ent.end, name.start)], *doc[max(ent.start, name.end) : ent.end]]
    return any(not t.is_lower and not t.is_punct for t in outside)


def _opens_sentence(token: Token) -> bool:
    previous = token.nbor(-1) if token.i > 0 else None
    return previous is None or bool(token.is_sent_start) or previous.is_space or previous.text in ('"', "“")


def _replace_overlapping(ents: list[Ent], found: list[Ent], doc: Doc | None = None) -> list[Ent]:
    """``ents`` with ``found`` added; entities overlapping one of ``found`` are dropped (given
    ``doc``, a found name is added only where the entities it overlaps reach no further than it,
    but for lower-case words such as "the")."""
    out = list(ents)
    for new in found:
        hits = [e for e in out if e.start < new.end and new.start < e.end]
        if doc is not None and any(_reaches_out(doc, e, new) for e in hits):
            continue
        out = [e for e in out if e not in hits] + [new]
    return sorted(out, key=lambda e: e.start)

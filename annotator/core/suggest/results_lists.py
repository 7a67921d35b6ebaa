"""Wire-news result lists that are not rows of a table (see :mod:`results_tables`): lines
opening with a rank or score, goal scorers, scorecards and venues, read by their shape.

- "- 4 Greg Norman ( Australia ) through 8", "+1 Fred Funk", "7. Jan Svensson ( Sweden )
  12.60 seconds": in an article with at least three such lines, the name after the opening
  rank or score is a competitor, an actor;
- "( Hansen 52nd , Berg 88th )": a name before a minute, in brackets, scored: an actor;
- "J. Smith c Tom Brown b Ali Khan 31", "R. Jones not out 5": a scorecard line (names, the
  notation words, a closing number): every name is an actor; "Ali Khan 29-6-64-1": a name
  before bowling figures too;
- "Kent 255 ( ... )", "Kent 255 and 27-4": a name opening a line before a score and a bracket
  or a second innings is a team; "At Leyton : Essex 280": the name after "At" is the venue,
  a place;
- "Extras", "Halftime", "W L PCT GB": a table's own words are no names, nor "SOCCER - ..."
  taken whole from a headline.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from annotator.core.suggest.calendar_words import MONTHS
from annotator.core.suggest.entity_repairs import Ent
from annotator.core.suggest.lexicon import Words, gazetteer
from annotator.core.suggest.results_tables import (
    TABLE_WORDS,
    adjacent_runs,
    is_name_word,
    is_number,
    replace_overlapping,
    text_lines,
)

_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
_SCORECARD = {"c", "b", "lbw", "st", "not", "out", "run", "retired", "hurt", "c&b", "and", "declared"}
_SPORTS = {
    "soccer", "football", "cricket", "tennis", "golf", "baseball", "basketball", "rugby",
    "athletics", "cycling", "rallying", "boxing", "swimming", "badminton", "hockey", "racing",
    "motor", "sailing", "skiing", "squash", "rowing", "yachting", "volleyball", "handball",
    "league", "union", "halftime", "attendance", "metres", "seconds",
}  # fmt: skip
_TIME_ZONES = {"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest"}
_SIGN_OFF = {"newsroom", "desk", "bureau"}  # "-- Sydney Newsroom , 61-2 ...": the agency's desk
_LIST_LINES = 3  # a list of competitors: at least this many lines opening with rank or score


def results_lists(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """Competitors, scorers, scorecard names, teams and venues (see the module)."""
    ents = [part for e in ents if not _table_words_only(doc, e) for part in _split_at_brackets(doc, e)]
    lines = list(text_lines(doc))
    openers = [_opening_name(doc, a, b) for a, b in lines]
    listed = sum(1 for o in openers if o) >= _LIST_LINES
    found: list[Ent] = []
    for (start, end), opener in zip(lines, openers, strict=True):
        if listed and opener:
            found.append(Ent(*opener, "PERSON", "pattern"))
        venue = _venue(doc, start, end)
        sign_off = _sign_off(doc, start, end)
        if sign_off:
            found.append(Ent(*sign_off, "ORG", "pattern"))
        if venue:
            found.append(Ent(*venue, "GPE", "pattern"))
            start = venue[1] + 1
        names = _scorecard(doc, start, end) + _team_before_score(doc, start, end)
        found += [Ent(a, b, "ORG", "pattern") for a, b in names + _scorers(doc, start, end)]
    return replace_overlapping(ents, [e for e in found if not _table_words_only(doc, e)])


def _split_at_brackets(doc: Doc, ent: Ent) -> list[Ent]:
    """ "Ekeren ( Belgium ) Besiktas", "Socialists ( Nazis": a bracket ends a name; the
    bracketed name is one of its own (a known place keeps that kind). "Mladost ( L )", a
    club's one- or two-letter mark, stays whole."""
    tokens = doc[ent.start : ent.end]
    opening = next((t.i for t in tokens if t.text == "("), None)
    if opening is None or opening == ent.start:
        return [ent]
    closing = next((t.i for t in doc[opening : ent.end] if t.text == ")"), None)
    inside = (opening + 1, closing if closing is not None else ent.end)
    if closing is not None and len(doc[inside[0] : inside[1]].text) <= 2:
        return [ent]
    parts = [Ent(ent.start, opening, ent.kind, ent.origin)]
    if closing is not None and inside[0] < inside[1]:
        kind = gazetteer().get(doc[inside[0] : inside[1]].text, ent.kind)
        parts.append(Ent(*inside, kind, ent.origin))
        if closing + 1 < ent.end:
            parts.append(Ent(closing + 1, ent.end, ent.kind, ent.origin))
    return [p for p in parts if any(is_name_word(t) for t in doc[p.start : p.end])]


def _table_words_only(doc: Doc, ent: Ent) -> bool:
    tokens = [t for t in doc[ent.start : ent.end] if t.is_alpha]
    if tokens and all(
        t.lower_ in TABLE_WORDS or t.lower_ in _SPORTS or t.lower_ in _TIME_ZONES for t in tokens
    ):
        return True
    dash = next((t.i for t in doc[ent.start : ent.end] if t.text == "-" and t.whitespace_), ent.start)
    return dash > ent.start and all(
        t.lower_ in _SPORTS for t in doc[ent.start : dash]
    )  # "MOTOR RACING - ..."


def _opening_name(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The name after a rank or score opening the line: "7.", "7 .", "- 4", "+1", "0"."""
    i = start
    if doc[i].text in ("-", "+", "–") and i + 1 < end:
        i += 1
    if not is_number(doc[i]) or doc[i].text.endswith((",",)):
        return None
    i += 1
    if i < end and doc[i].text in (".", "-"):
        i += 1
    j = i
    while j < end and is_name_word(doc[j]):
        j += 1
    if j == i or (
        j < end and doc[j].text not in ("(", ",") and not doc[j].is_lower and not is_number(doc[j])
    ):
        return None
    return (i, j) if not any(t.lower_ in TABLE_WORDS for t in doc[i:j]) else None


def _scorers(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "( Hansen 52nd , Berg 88th )", "( D. Cox 95 , S. Hill 69 ; G. Rose 7-73 )": names
    before a minute or a score, after a bracket, comma or semicolon."""
    found = []
    prose = any(t.is_lower and t.is_alpha and t.lower_ not in _SCORECARD for t in doc[start:end])
    for token in doc[start:end]:
        after = doc[token.i + 1].text if token.i + 1 < end else ""
        scored = not prose and _score(token) and after in (",", ";", ")", "-", "not")
        if not (_ORDINAL.match(token.text) or scored) or doc[token.i - 1].lower_ in MONTHS:
            continue
        j = token.i
        i = j
        while i > start and is_name_word(doc[i - 1]):
            i -= 1
        if i < j and i > start and doc[i - 1].text in ("(", ",", ";"):
            found.append((i, j))
    return found


def _scorecard(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A batting line ("J. Smith c Tom Brown b Ali Khan 31") or names before bowling figures."""
    tokens = [t for t in doc[start:end] if not t.is_space]
    figures = [r for r in adjacent_runs(doc, tokens) if _figures_after(doc, r[1], end)]
    if not tokens or not is_number(tokens[-1]) or tokens[-1].i == start:
        return figures
    middle = tokens[:-1]
    notation = [t for t in middle if t.lower_ in _SCORECARD and t.is_lower]
    if not notation or not all(is_name_word(t) or t in notation or t.text == "." for t in middle):
        return figures
    return adjacent_runs(doc, [t for t in middle if t not in notation])


def _figures_after(doc: Doc, i: int, end: int) -> bool:
    """Bowling figures "29.2-9-83-3" (four numbers joined by dashes) at token ``i``."""
    parts = doc[i : min(end, i + 7)]
    return len(parts) == 7 and all(
        (is_number(t) if k % 2 == 0 else t.text == "-") and not t.whitespace_ for k, t in enumerate(parts[:6])
    )


def _team_before_score(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "Kent 255 ( ... )", "Kent 255 and 27-4", "Kent 255-3 declared": a team's innings."""
    j = start
    while j < end and is_name_word(doc[j]):
        j += 1
    if j == start or j >= end or not _score(doc[j]) or any(t.lower_ in TABLE_WORDS for t in doc[start:j]):
        return []
    k = j + 1
    wickets = k + 1 < end and doc[k].text == "-" and doc[k + 1].text.isdigit()
    k += 2 if wickets else 0  # "255-3"
    follows = doc[k].text if k < end else ""
    ends = ("", ".") if wickets else ()
    return [(start, j)] if follows in ("(", "and", "declared", "all", *ends) else []


def _score(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) <= 3


def _sign_off(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """ "-- Sydney Newsroom , 61-2 ...": a desk signing off a story, the whole name."""
    if doc[start].text not in ("--", "-", "—"):
        return None
    for token in doc[start + 1 : end]:
        if token.lower_ in _SIGN_OFF and token.is_title:
            first = token.i
            while first > start + 1 and is_name_word(doc[first - 1]):
                first -= 1
            return first, token.i + 1
    return None


def _venue(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """ "At Leyton :" opening a line: the venue."""
    if doc[start].text != "At":
        return None
    j = start + 1
    while j < end and (is_name_word(doc[j]) or doc[j].text == "-" or doc[j - 1].text == "-"):
        j += 1
    return (start + 1, j) if j > start + 1 and j < end and doc[j].text == ":" else None

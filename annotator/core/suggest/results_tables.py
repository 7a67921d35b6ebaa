"""Wire-news tables: results rows, standings rows, fixture lines and datelines, read by their
line shape rather than by the model, which reads "Lille 3 Lens 1" as no sentence at all.

A line is a *row* when, outside brackets, it holds only capitalised names, numbers and a few
marks ("-", ".", ","), at least one number, and no lower-case word. In a row:

- "Lille 3 Lens 1" (name, score, name, score) and "Bayern Munich 5 3 2 0 10 4 11" (a name
  opening the line, then only numbers) name teams: each name is an actor, whatever the model
  called it (a club named by its town is no place);
- "7. Jan Svensson ( Sweden ) Motorola 1:55.3" (a rank, then names): names outside the
  brackets are competitors or their teams, actors; the bracketed country is left as it was;
- "HOUSTON AT CHICAGO" (a capitals line) is a fixture: both sides are actors.

A line "BONN 1996-08-27" or "HAMBURG , Germany Aug 27" among an article's first lines is its
dateline: the names are places. Everywhere, a name never runs over a line break ("Tom Smith" +
"Bowling" on the next line) or takes in a score or rank ("Munich 0", "2 - Jo Wu").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.calendar_words import MONTHS, WEEKDAYS
from annotator.core.suggest.entity_repairs import PLACE_KINDS, Ent
from annotator.core.suggest.lexicon import Words, gazetteer
from annotator.core.suggest.paragraphs import line_break, paragraph_bounds

_NUMBER = re.compile(r"^[-+]?(?:\d[\d.,:/]*|[.,]\d+)(?:[-–][\d.]+)?[a-z]{0,2}$")  # 3, .531, 1:55.3, 6-4, 2nd
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
TABLE_WORDS = {
    "extras", "total", "totals", "men", "women", "score", "scores", "result", "results", "note",
    "div", "division", "group", "round", "standings", "played", "points", "pts", "home", "away",
    "overall", "wickets", "overs", "bowling", "batting", "innings", "fall", "w", "l", "d", "pct",
    "gb", "eps", "net", "shr", "revs", "sales", "profit", "loss", "month", "months", "year",
    "years", "week", "weeks", "qtr", "tax", "min", "max", "no", "vs", "v", "at", "pos", "rank",
    "lap", "laps", "seconds", "mins", "hrs", "dividend", "div.", "avg", "pts.",
}  # fmt: skip
MARKS = {"-", "–", ".", ",", "+", "*", "/", "&"}
_FIXTURE = {"AT", "V", "VS", "VS."}
_DATELINE_LINES = 4  # a dateline stands among an article's first lines (headline, byline)
_TEAM_ROW_NUMBERS = 2  # "Ajax 5 3 2 0 10 4 11": a name then at least this many numbers


def results_tables(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """Names in table rows, fixtures and datelines (see the module), and no name across a
    line break or with a score or rank at its edge."""
    ents = _cut_at_line_breaks(doc, _without_numbers(doc, ents))
    found: list[Ent] = []
    for number, (start, end) in enumerate(text_lines(doc)):
        if number < _DATELINE_LINES and _dateline(doc, start, end):
            found += [Ent(a, b, "GPE", "pattern") for a, b in _dateline(doc, start, end)]
        else:
            found += [Ent(a, b, "ORG", "pattern") for a, b in _row_names(doc, start, end, words)]
    return replace_overlapping(ents, found)


def text_lines(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of the text's lines, blank lines left out."""
    start = 0
    for token in doc:
        if line_break(token):
            if token.i > start:
                yield start, token.i
            start = token.i + 1
    if start < len(doc):
        yield start, len(doc)


def is_number(token: Token) -> bool:
    """Whether ``token`` is a number (a score, rank or time), not an ISO date."""
    return bool(_NUMBER.match(token.text)) and not _ISO_DATE.match(token.text)


def is_name_word(token: Token) -> bool:
    """Whether ``token`` may be a word of a name: capitalised or upper case letters, no digits."""
    text = token.text
    if any(c.isdigit() for c in text):
        return False
    if token.is_upper or token.is_title:
        return any(c.isalpha() for c in text)
    return bool(text[:1].isupper()) and text.replace("-", "").replace("'", "").isalpha()  # McLaren


def _without_numbers(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Munich 0", "J. Smith 106", "2 - Jo Wu": scores and ranks are no part of a name. In a
    sentence a number is kept ("the 116th U.S. Congress", "10 Downing Street", "Interstate
    75"), except after a person's name, which never ends in one ("Humberto 785 miles")."""
    out = []
    for ent in ents:
        start, end = ent.start, ent.end
        while (
            end > start and (is_number(doc[end - 1]) or doc[end - 1].text in MARKS) and _score_after(doc, ent)
        ):
            end -= 1
        while (
            start < end
            and (is_number(doc[start]) or doc[start].text in MARKS)
            and _table_line(doc, ent.start)
        ):
            start += 1
        if start < end and _still_a_name(doc[start:end], ent.kind):
            ent.start, ent.end = start, end
            out.append(ent)
    return out


def _still_a_name(span: Span, kind: str) -> bool:
    """What is left has a letter ("G7" and "Znak.com" stay actors); a place needs a name word
    ("M23" is a rebel group the model took for a place, "Interstate 75" a road)."""
    if kind in PLACE_KINDS:
        return any(is_name_word(t) for t in span)
    return any(c.isalpha() for c in span.text)


def _score_after(doc: Doc, ent: Ent) -> bool:
    """Whether a trailing number is a score or count: always after a person, after any name if
    it has a comma or decimal point ("Halle 1,806"), or on a line without lower-case words
    ("Studio 54 opened" and "Interstate 75 close to" keep their numbers)."""
    return (
        ent.kind == "PERSON" or any(c in doc[ent.end - 1].text for c in ",.") or _table_line(doc, ent.start)
    )


def _table_line(doc: Doc, i: int) -> bool:
    """Whether the line holding token ``i`` has no lower-case word (a table row, a headline)."""
    start, end = paragraph_bounds(doc, doc[i : i + 1])
    return not any(t.is_lower and t.is_alpha for t in doc[start:end])


def _cut_at_line_breaks(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """ "Tom Smith\\nBowling": a name ends at the line; what follows on the next line is kept
    only if it is a name of its own (not an English noun: "Bowling", "Extras")."""
    out = []
    for ent in ents:
        breaks = [t.i for t in doc[ent.start : ent.end] if t.is_space]
        if not breaks:
            out.append(ent)
            continue
        bounds = [ent.start, *[i for b in breaks for i in (b, b + 1)], ent.end]
        parts = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
        for index, (a, b) in enumerate(parts):
            if a < b and (index == 0 or not _common_word(doc, a, b)):
                out.append(Ent(a, b, ent.kind, ent.origin))
    return out


def _common_word(doc: Doc, start: int, end: int) -> bool:
    return end - start == 1 and (doc[start].lower_ in TABLE_WORDS or doc[start].is_lower)


def _dateline(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "BONN 1996-08-27", "HAMBURG , Germany 1996-08-27", "LONDON , Aug 27": the places."""
    date = _date_start(doc, start, end)
    if date is None or not doc[start].is_upper:
        return []
    places = list(_name_runs(doc, start, date))
    gaps = [t for t in doc[start:date] if not any(a <= t.i < b for a, b in places)]
    if not places or any(t.text != "," for t in gaps) or len(places) > 2:
        return []
    known = gazetteer()
    return [(a, b) for a, b in places if known.get(doc[a:b].text) in (None, "GPE", "LOC")]


def _date_start(doc: Doc, start: int, end: int) -> int | None:
    """Where a date closing the line begins ("1996-08-27", "Aug 27", "Aug 27 , 1996")."""
    tokens = [t for t in doc[start:end] if not t.is_space]
    if tokens and tokens[-1].text == ",":
        tokens = tokens[:-1]
    texts = [t.text for t in tokens]
    for size in (1, 5):  # "1996-08-27" as one token or as five
        if len(texts) > size and re.fullmatch(_ISO_DATE, "".join(texts[-size:])):
            return tokens[-size].i
    if len(texts) >= 4 and texts[-2] == "," and texts[-1].isdigit():
        tokens, texts = tokens[:-2], texts[:-2]  # "Aug 27 , 1996"
    if len(texts) >= 3 and texts[-1].isdigit() and texts[-2].lower().rstrip(".") in MONTHS:
        at = tokens[-2].i
        return at - 1 if doc[at - 1].text == "," else at
    return None


def _name_runs(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Runs of capitalised words (with particles: "Van Heeswijk", "St Pauli") in a token range."""
    i = start
    while i < end:
        if is_name_word(doc[i]):
            j = i + 1
            while j < end and (is_name_word(doc[j]) or _joins(doc, j, end)):
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def _joins(doc: Doc, j: int, end: int) -> bool:
    """ "de", "van", "&", "-" inside a name, followed by more of it."""
    return (
        j + 1 < end
        and doc[j].text in ("de", "van", "von", "der", "den", "la", "le", "&", "-", "'s")
        and is_name_word(doc[j + 1])
    )


def _row_names(doc: Doc, start: int, end: int, words: Words) -> list[tuple[int, int]]:
    """The names of a results, standings or rank-list row, or a fixture line."""
    outside = _outside_brackets(doc, start, end)
    if outside is None or _ISO_DATE.search("".join(t.text for t in doc[start:end])[-10:]):
        return []
    if doc[start:end].text.isupper():
        fixture = _fixture(doc, outside)
        if fixture:
            return fixture
    kinds = [
        ("N" if is_number(t) else "W" if is_name_word(t) else "M" if t.text in MARKS else "X")
        for t in outside
    ]
    if "X" in kinds or "N" not in kinds or "W" not in kinds:
        return []
    runs = adjacent_runs(doc, outside)
    shape = "".join("N" if k == "N" else "W" for k in kinds if k != "M")
    shape = re.sub("W+", "W", shape)
    team_row = shape == "WNWN" or bool(re.fullmatch(f"WN{{{_TEAM_ROW_NUMBERS},}}", shape))
    team_row = team_row or _score_list(shape, outside)
    if team_row or (_ranked(doc, start) and re.fullmatch(r"N(WN?)+", shape)):
        return [r for r in runs if not _table_word(doc, r, words)]
    return []


def _score_list(shape: str, outside: list[Token]) -> bool:
    """ "Jo Pike 62 70 69 , Al Ross 66 65 70 ,": several competitors, each with a round of
    scores, parted by commas (the line may open with the end of the one before)."""
    return (
        shape.count("W") >= 2
        and "," in [t.text for t in outside]
        and bool(re.fullmatch(r"N*(WN{2,})+W?", shape))
    )


def _ranked(doc: Doc, start: int) -> bool:
    """ "7. Jan Svensson": the line opens with a rank ("7." or "7 .")."""
    first = doc[start].text
    return (first[:-1].isdigit() and first.endswith(".")) or (
        first.isdigit() and start + 1 < len(doc) and doc[start + 1].text == "."
    )


def _outside_brackets(doc: Doc, start: int, end: int) -> list[Token] | None:
    """The line's tokens outside round brackets; a bracket may close on the next line
    ("Stuttgart 2 ( Balakow 50th ," / "Bobic 61st ) ."), but not open on it."""
    depth, out = 0, []
    for token in doc[start:end]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and not token.is_space:
            out.append(token)
    return out


def adjacent_runs(doc: Doc, tokens: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs of name words among ``tokens`` that stand next to each other in ``doc``."""
    runs: list[tuple[int, int]] = []
    for token in tokens:
        if not is_name_word(token):
            continue
        if (runs and runs[-1][1] == token.i) or (
            runs and runs[-1][1] + 1 == token.i and doc[runs[-1][1]].text in ("&", "-", ".")
        ):
            runs[-1] = (runs[-1][0], token.i + 1)
        else:
            runs.append((token.i, token.i + 1))
    return runs


def _fixture(doc: Doc, tokens: list[Token]) -> list[tuple[int, int]]:
    """ "HOUSTON AT CHICAGO": two capitals names either side of AT or V."""
    at = [k for k, t in enumerate(tokens) if t.text in _FIXTURE]
    if len(at) != 1 or not 0 < at[0] < len(tokens) - 1:
        return []
    home, away = tokens[: at[0]], tokens[at[0] + 1 :]
    if not all(is_name_word(t) for t in home + away):
        return []
    return [(home[0].i, home[-1].i + 1), (away[0].i, away[-1].i + 1)]


def _table_word(doc: Doc, run: tuple[int, int], words: Words) -> bool:
    """ "Extras 24", "Total 310", "W L PCT": a table's own words are no names, nor is a date
    ("Friday , January 4 , 2019" reads like a row)."""
    tokens = doc[run[0] : run[1]]
    if all(t.lower_.rstrip(".") in MONTHS or t.lower_ in WEEKDAYS for t in tokens):
        return True
    return any(t.lower_ in TABLE_WORDS or t.lower_ in words.not_names for t in tokens)


def replace_overlapping(ents: list[Ent], found: list[Ent]) -> list[Ent]:
    """``ents`` with each entity of ``found`` in place of those it overlaps, in text order."""
    out = list(ents)
    for new in found:
        out = [e for e in out if not (e.start < new.end and new.start < e.end)] + [new]
    return sorted(out, key=lambda e: e.start)

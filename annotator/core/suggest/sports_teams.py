"""Places that play: a country or town named as a sports team is an actor, not a location.

"France beat Italy 2-1", "England drew with Wales", "Brazil's 3-0 win over Chile", "the
Brazil national team", "Wynnum coach Matt Myers", "France v Italy": the small model tags these
names GPE, so they came out as LOCATION. A name is taken for a team only on a clear sign:

- it is the subject or object of a match verb ("beat", "drew with", "lost to", "knocked out"),
  or follows "over/against/to/with" after a match verb or result noun ("win over Chile"), or
  owns a result ("Brazil's 3-0 win"), in a sentence with a score ("2-1", "45 points to 24")
  or a sports word ("match", "final", "World Cup"); "drew with" needs neither;
- it stands before a team word ("national team", "coach", "striker", "fans") in a sports
  sentence; before "national team/side/squad" always;
- two such names face each other: "France v Italy".

The same name elsewhere in the article is then the team too, except where it is a place
("in France", "near Wynnum"). Anything else keeps its label: a country as the subject of other
verbs stays a place, as the dev gold marks it ("Iran launched missiles").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from annotator.core.suggest.entity_repairs import PLACE_KINDS, Ent, in_place_context
from annotator.core.suggest.lexicon import Words

_MATCH_VERBS = {
    "beat", "defeat", "draw", "lose", "win", "thrash", "edge", "rout", "trounce", "overcome",
    "eliminate", "knock", "down", "topple", "outclass", "crush", "whip", "stun", "upset",
    "sweep", "outplay", "hammer", "humiliate", "oust", "dump", "tie", "play", "face", "push",
    "equalise", "equalize", "concede",
}  # fmt: skip
_RESULT_NOUNS = {
    "win", "victory", "defeat", "loss", "draw", "triumph", "thrashing", "rout", "comeback",
    "match", "game", "clash", "final", "fixture", "semi-final", "semifinal", "quarter-final",
    "quarterfinal", "friendly", "qualifier", "showdown",
}  # fmt: skip
_FACING = {"over", "against", "to", "with", "of", "by", "past", "versus", "vs", "vs.", "v", "v."}
_TEAM_WORDS = {
    "team", "side", "squad", "eleven", "xi", "coach", "captain", "skipper", "striker",
    "goalkeeper", "keeper", "midfielder", "defender", "winger", "forward", "fullback", "half",
    "manager", "fans", "supporters", "players", "player", "batsman", "bowler",
}  # fmt: skip
_SPORTS_WORDS = {
    "match", "matches", "game", "games", "final", "finals", "semi-final", "semi-finals",
    "semifinal", "semifinals", "quarter-final", "quarter-finals", "quarterfinal", "cup",
    "league", "tournament", "championship", "championships", "friendly", "qualifier",
    "qualifiers", "fixture", "goal", "goals", "penalty", "penalties", "half-time", "halftime",
    "innings", "wicket", "wickets", "olympics", "medal", "stadium", "rugby", "football",
    "soccer", "cricket", "hockey", "basketball", "tennis", "handball", "volleyball", "baseball",
    "netball", "striker", "goalkeeper", "midfielder", "coach", "squad", "ladder", "premiership",
    "fifa", "uefa", "kick-off", "scorer", "defender",
}  # fmt: skip
_STRONG_TEAM = {"striker", "goalkeeper", "midfielder", "winger", "fullback", "batsman", "bowler"}
_SCORE = re.compile(r"^\d{1,3}[-–—]\d{1,3}$")  # one token: "43–5"
_SCORES = re.compile(
    r"(?<![\d\-–/.:])\d{1,3} ?[-–—] ?\d{1,3}(?![\d\-–/.:])|\b\d{1,3} points? to \d{1,3}\b"
)  # "2-1", "2 - 1", "45 points to 24"; not a date ("1996-12-06")
_SPORTS_PHRASES = re.compile(r"\b(?:half|full|extra)[- ]time\b|\bWorld Cup\b|\bkick[- ]off\b", re.IGNORECASE)
_NOUN_DEPS = ("pobj", "dobj", "nsubj", "nsubjpass", "attr", "conj", "compound")
_GOING = {"go", "return", "travel", "fly", "head", "move", "come", "arrive", "send", "bring"}
_VERSUS = {"v", "v.", "vs", "vs.", "versus"}


def sports_teams(doc: Doc, ents: list[Ent], words: Words) -> list[Ent]:
    """A place named as a team (see the module) becomes an actor (ORG), with the other
    mentions of that name in the article that are not places there, also those the model
    missed or a title rule dropped ("England coach Gareth Southgate")."""
    if not doc.has_annotation("DEP") or not ents:
        return ents
    ents = [_without_score(doc, e) for e in ents]
    teams = {_words(doc, e) for e in ents if _plays(doc, e, ents)}
    if not teams:
        return ents
    for ent in ents:
        if ent.kind in PLACE_KINDS and _words(doc, ent) in teams and not _placed(doc, ent):
            ent.kind = "ORG"
    missed = [e for e in _mentions(doc, teams, ents) if not _placed(doc, e)]
    return sorted(ents + missed, key=lambda e: e.start) if missed else ents


def _words(doc: Doc, ent: Ent) -> tuple[str, ...]:
    return tuple(t.text for t in doc[ent.start : ent.end])


def _mentions(doc: Doc, teams: set[tuple[str, ...]], ents: list[Ent]) -> list[Ent]:
    """Mentions of the teams' names that no entity covers."""
    covered = {i for e in ents for i in range(e.start, e.end)}
    found: list[Ent] = []
    for name in sorted(teams, key=len, reverse=True):
        for token in doc:
            end = token.i + len(name)
            here = set(range(token.i, end))
            if token.text == name[0] and _words(doc, Ent(token.i, end, "")) == name and not covered & here:
                found.append(Ent(token.i, end, "ORG"))
                covered |= here
    return found


def _placed(doc: Doc, ent: Ent) -> bool:
    """Whether the name is a place where it stands: "in France", "went back to Germany"."""
    if in_place_context(doc, ent):
        return True
    root = doc[ent.start : ent.end].root
    prep = root.head
    verb = prep.head.head if prep.head.lower_ in ("back", "home") else prep.head
    return root.dep_ == "pobj" and prep.lower_ == "to" and verb.lemma_.lower() in _GOING


def _without_score(doc: Doc, ent: Ent) -> Ent:
    """ "[Caboolture 43–5]": a score the model took into the name is no part of it."""
    while ent.end - ent.start > 1 and _SCORE.match(doc[ent.end - 1].text):
        ent.end -= 1
    return ent


def _plays(doc: Doc, ent: Ent, ents: list[Ent]) -> bool:
    span = doc[ent.start : ent.end]
    return _in_a_result(span) or _before_team_word(doc, ent, span.sent) or _versus(doc, ent, ents)


def _in_a_result(span: Span) -> bool:
    """Subject or object of a match verb, facing side of a result, or owner of a result."""
    token = _head_of_list(span.root)
    if token.dep_ == "compound" and _SCORE.match(token.head.text):
        token = token.head  # "[Noosa] 32–22" parsed as one noun phrase
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in _FACING:
        token, head = head, head.head  # "over Chile" -> "win"
    sporty = _sporty(span.sent)
    verb = head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _MATCH_VERBS
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "prep", "agent") and verb:
        return sporty or (head.lemma_.lower() == "draw" and _has_child(head, "with"))
    if token.dep_ in ("poss", "prep", "compound") and head.lemma_.lower() in _RESULT_NOUNS:
        return sporty
    return False


def _before_team_word(doc: Doc, ent: Ent, sent: Span) -> bool:
    """ "Brazil's national team", "the England squad", "Wynnum coach Matt Myers"."""
    i = ent.end
    if i < len(doc) and doc[i].lower_ in ("'s", "’s"):
        i += 1
    national = i < len(doc) and doc[i].lower_ == "national"
    i += national
    if i >= len(doc) or doc[i].lower_ not in _TEAM_WORDS:
        return False
    if national and doc[i].lower_ in ("team", "side", "squad", "eleven", "xi", "coach"):
        return True
    return doc[i].lower_ in _STRONG_TEAM or _sporty(sent, ignore=doc[i])


def _versus(doc: Doc, ent: Ent, ents: list[Ent]) -> bool:
    """ "France v Italy", "Brazil vs. Chile": two names on either side of a "v"."""
    for other in ents:
        if other is ent:
            continue
        gap = doc[ent.end : other.start] if other.start >= ent.end else doc[other.end : ent.start]
        if len(gap) == 1 and gap[0].lower_ in _VERSUS:
            return True
    return False


def _sporty(sent: Span, ignore: Token | None = None) -> bool:
    """A score ("2-1", "45 points to 24") or a sports word in the sentence (a noun: "the
    final", not "the final decision")."""
    if _SCORES.search(sent.text) or _SPORTS_PHRASES.search(sent.text):
        return True
    return any(
        t.lower_ in _SPORTS_WORDS and (t.pos_ in ("NOUN", "PROPN") or t.dep_ in _NOUN_DEPS)
        for t in sent
        if t is not ignore
    )


def _head_of_list(token: Token) -> Token:
    """ "France and Italy drew": the first of a list stands for all."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _has_child(token: Token, word: str) -> bool:
    return any(child.lower_ == word for child in token.children)

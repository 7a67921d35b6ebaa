"""Word lists and pattern files of ``resources/patterns/``, read once per process."""

from __future__ import annotations

import json
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.errors import InputError
from annotator.core.ingest.textfile import json_lines
from annotator.paths import resources_dir

if TYPE_CHECKING:
    from spacy.tokens import Token


def patterns_dir() -> Path:
    """The folder holding the SpanRuler/EntityRuler pattern files and ``words.json``."""
    return resources_dir() / "patterns"


def read_patterns(name: str) -> list[dict[str, Any]]:
    """The patterns of one JSONL file; a bad line raises ``FILE:LINE: problem``."""
    path = patterns_dir() / name
    patterns = []
    for line_no, item in json_lines(path):
        if not isinstance(item, dict) or "label" not in item or "pattern" not in item:
            raise InputError(path, line_no, 'a pattern needs "label" and "pattern"')
        patterns.append(item)
    return patterns


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Known names -> spaCy kind (GPE, ORG) from the place and organisation pattern files."""
    return {
        item["pattern"]: item["label"]
        for name in ("places.jsonl", "organisations.jsonl")
        for item in read_patterns(name)
        if isinstance(item["pattern"], str)
    }


@dataclass(frozen=True)
class Words:
    """The word lists the suggesters share (all lower case)."""

    speech_verbs: frozenset[str]
    speech_forms: frozenset[str]
    title_words: frozenset[str]
    title_core: frozenset[str]
    name_particles: frozenset[str]
    people_nouns: frozenset[str]
    not_names: frozenset[str]
    naming_words: frozenset[str]
    document_nouns: frozenset[str]
    organisation_nouns: frozenset[str]
    person_nouns: frozenset[str]
    health_counts: frozenset[str]
    health_words: frozenset[str]
    harm: dict[str, str]
    qualifiers: dict[str, str]
    toll_bodies: frozenset[str]
    custody_verbs: frozenset[str]
    measure_words: frozenset[str]

    def is_speech(self, token: Token) -> bool:
        """Whether ``token`` is a verb of saying (by lemma, or by form without a tagger)."""
        return token.lemma_.lower() in self.speech_verbs or token.lower_ in self.speech_forms

    def document_owner(self, token: Token, quoted: Container[int]) -> Token | None:
        """For a noun for something said or written ("Smith's tweet", "its press release", "a
        statement from the king"), its possessor or sender outside ``quoted`` (token indexes)."""
        if token.lower_ not in self.document_nouns or token.pos_ != "NOUN":
            return None
        senders = (
            g for c in token.children if c.lower_ in ("from", "by") for g in c.children if g.dep_ == "pobj"
        )
        owners = [c for c in token.children if c.dep_ == "poss"] + list(senders)
        return next((c for c in owners if c.i not in quoted), None)

    def description_kind(self, token: Token) -> str | None:
        """For a noun that describes someone without naming them ("the company", "the German
        carmaker", "the 27-year-old"), "PERSON" or "ORG"; None for any other token."""
        if token.lower_ == "old" and any(c.lemma_ == "year" for c in token.children):
            return "PERSON"
        if token.pos_ != "NOUN":
            return None
        lemma = token.lemma_.lower()
        return "PERSON" if lemma in self.person_nouns else "ORG" if lemma in self.organisation_nouns else None


def _lowered(raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in raw[key])


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists of ``resources/patterns/words.json``."""
    path = patterns_dir() / "words.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(path, exc.lineno, f"not valid JSON: {exc.msg}") from None
    harm = {w.lower(): kind for kind, forms in raw["harm_words"].items() for w in forms}
    return Words(
        speech_verbs=_lowered(raw, "speech_verbs"),
        speech_forms=_lowered(raw, "speech_forms"),
        title_words=_lowered(raw, "title_words"),
        title_core=_lowered(raw, "title_core"),
        name_particles=_lowered(raw, "name_particles"),
        people_nouns=_lowered(raw, "people_nouns"),
        not_names=_lowered(raw, "not_names"),
        naming_words=_lowered(raw, "naming_words"),
        document_nouns=_lowered(raw, "document_nouns"),
        organisation_nouns=_lowered(raw, "organisation_nouns"),
        person_nouns=_lowered(raw, "person_nouns"),
        health_counts=_lowered(raw, "health_counts"),
        health_words=_lowered(raw, "health_words"),
        harm=harm,
        qualifiers=dict(raw["qualifiers"]),
        toll_bodies=_lowered(raw, "toll_bodies"),
        custody_verbs=_lowered(raw, "custody_verbs"),
        measure_words=_lowered(raw, "measure_words"),
    )

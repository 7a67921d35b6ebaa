"""Entities of a model trained by ``annotator train`` (its recognizer predicts ACTOR and
LOCATION itself). A model that learnt the project's names well (dev F1 of ACTOR and of
LOCATION at least :data:`TRUSTED_F1`, from its ``meta.json``) comes before the rules: its
entities stand as predicted and no rule adds, drops or relabels a name. A weaker one gets the
rules' repairs like a stock model: measured on news, they add 0.04-0.11 F1 to a model trained
on 13-100 articles (report-14b.md). Either way the speaker search needs to know which ACTORs
are people.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from annotator.core.suggest.entity_repairs import Ent
from annotator.core.suggest.lexicon import gazetteer

TRAINED_KINDS = ("ACTOR", "LOCATION")
TRUSTED_F1 = 0.85  # the target for ACTOR and LOCATION after training


def predicts_scheme_labels(ner_labels: tuple[str, ...] | list[str]) -> bool:
    """Whether an entity recognizer with these labels is a trained model's (ACTOR/LOCATION)."""
    return bool(set(ner_labels) & set(TRAINED_KINDS))


def trusted(ner_labels: tuple[str, ...] | list[str], meta: dict[str, Any]) -> bool:
    """Whether a pipeline's own entities should stand without the rules: a trained model
    whose dev F1 (:func:`dev_f1`) reaches TRUSTED_F1."""
    score = dev_f1(meta)
    return predicts_scheme_labels(ner_labels) and score is not None and score >= TRUSTED_F1


def dev_f1(meta: dict[str, Any]) -> float | None:
    """The lowest dev F1 of ACTOR and LOCATION in ``meta["performance"]["ents_per_type"]``, else
    the overall ``ents_f``. Per type first: a recognizer that also keeps the base model's DATE,
    MONEY, ... (rehearsal) has those in ``ents_f``, and each label must be learnt well."""
    performance = meta.get("performance") or {}
    per_type = performance.get("ents_per_type") or {}
    scores = [
        float(per_type[kind]["f"])
        for kind in TRAINED_KINDS
        if isinstance(per_type.get(kind), dict) and isinstance(per_type[kind].get("f"), (int, float))
    ]
    if scores:
        return min(scores)
    overall = performance.get("ents_f")
    return float(overall) if isinstance(overall, (int, float)) else None


def trained_ents(doc: Doc) -> list[Ent]:
    """The trained model's ACTOR and LOCATION entities as it predicted them (boundaries too:
    it learnt the project's)."""
    return [Ent(e.start, e.end, e.label_, "model") for e in doc.ents if e.label_ in TRAINED_KINDS]


def speaker_kinds(doc: Doc, ents: list[Ent]) -> list[tuple[int, int, str]]:
    """For the speaker search: ACTORs that read as a person's name (two to four capitalised
    proper nouns, or the surname of one before) are PERSON, other ACTORs ORG."""
    surnames: set[str] = set()
    out = []
    for ent in ents:
        kind = ent.kind
        if kind == "ACTOR":
            span = doc[ent.start : ent.end]
            name_like = all(t.is_title and t.pos_ in ("PROPN", "") for t in span)
            person = name_like and 2 <= len(span) <= 4 and span.text not in gazetteer()
            if person:
                surnames.add(span[-1].text)
            kind = "PERSON" if person or (len(span) == 1 and span.text in surnames) else "ORG"
        out.append((ent.start, ent.end, kind))
    return out

"""Rehearsal: the base model's own dates, times, numbers, sums and measures go into the training
examples next to the project's names, so the trained recognizer keeps predicting them (the
casualty rules tell a count of people from a date, a time or a sum by them). Without it,
fine-tuning on ACTOR/LOCATION alone makes the recognizer forget those types.

The dev score that picks the best model counts the project's labels only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.scorer import PRFScore, get_ner_prf
from spacy.tokens import Doc, Span
from spacy.training import Example as SpacyExample

# Not names: the label mapping turns none of them into ACTOR or LOCATION.
REHEARSED = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")

Scorer = Callable[..., dict[str, Any]]


def rehearsal_labels(base_ner_labels: Iterable[str], project_labels: Iterable[str]) -> list[str]:
    """The base recognizer's non-name types that the trained model should keep predicting."""
    have, taken = set(base_ner_labels), set(project_labels)
    return [label for label in REHEARSED if label in have and label not in taken]


def with_rehearsal(doc: Doc, gold: list[Span], predicted: Doc, labels: Iterable[str]) -> list[Span]:
    """``gold`` plus ``predicted``'s entities of ``labels`` (mapped onto ``doc`` by character
    offsets) that share no token with a gold span; sorted, never overlapping."""
    keep = set(labels)
    taken = {i for span in gold for i in range(span.start, span.end)}
    extra = []
    for ent in predicted.ents:
        if ent.label_ not in keep:
            continue
        span = doc.char_span(ent.start_char, ent.end_char, ent.label_)
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        extra.append(span)
    return sorted([*gold, *extra], key=lambda s: s.start)


def project_scorer(labels: Iterable[str]) -> Scorer:
    """An entity scorer whose ``ents_p/r/f`` count only ``labels`` (spaCy's per-type scores
    stay, for every type): the rehearsed types must not choose the best model nor lift its F1."""
    keep = set(labels)

    def score(examples: Iterable[SpacyExample], **_: Any) -> dict[str, Any]:
        examples = list(examples)
        scores: dict[str, Any] = get_ner_prf(examples)
        total = PRFScore()
        for eg in examples:
            if not eg.reference.has_annotation("ENT_IOB"):
                continue
            gold = {(e.start_char, e.end_char, e.label_) for e in eg.reference.ents if e.label_ in keep}
            pred = {(e.start_char, e.end_char, e.label_) for e in eg.predicted.ents if e.label_ in keep}
            total.tp += len(gold & pred)
            total.fp += len(pred - gold)
            total.fn += len(gold - pred)
        scores.update(ents_p=total.precision, ents_r=total.recall, ents_f=total.fscore)
        return scores

    return score

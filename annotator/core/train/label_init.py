"""Start the project's new entity labels from what the base recognizer already knows: the
output rows of ACTOR's actions (B-, I-, L-, U-) begin as the mean of those of the base types
mapped to ACTOR (PERSON, ORG, NORP), LOCATION's as GPE, LOC and FAC's, instead of zeros that
the recognizer does not predict until a label is first seen. Measured on CoNLL-2003 train
articles (trained recognizer alone on 216 others): 10 articles, ACTOR 0.65 -> 0.70; 150
articles, no change (0.87)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.pipeline import EntityRecognizer

MOVES = ("B", "I", "L", "U")


def base_types(label_of: Mapping[str, str], labels: Iterable[str]) -> dict[str, list[str]]:
    """``{project label: [base types mapped to it]}`` for ``labels`` (types mapped to themselves
    are left out: they are the label, not a source of it)."""
    wanted = set(labels)
    out: dict[str, list[str]] = {}
    for kind, label in label_of.items():
        if label in wanted and kind != label:
            out.setdefault(label, []).append(kind)
    return out


def seed_labels(ner: EntityRecognizer, sources: Mapping[str, Iterable[str]]) -> list[str]:
    """Copy into each new label's action rows the mean of its sources' rows (those the
    recognizer has), and let it predict them at once; returns the labels seeded."""
    upper = ner.model.get_ref("upper")
    if not upper.has_param("W"):
        return []
    weights, bias = upper.get_param("W").copy(), upper.get_param("b").copy()
    moves = ner.moves
    index = {moves.get_class_name(i): i for i in range(moves.n_moves)}
    unseen = ner.model.attrs["unseen_classes"]
    seeded = []
    for label, kinds in sources.items():
        known = [k for k in kinds if all(f"{m}-{k}" in index for m in MOVES)]
        if not known or not all(f"{m}-{label}" in index for m in MOVES):
            continue
        for move in MOVES:
            rows = [index[f"{move}-{k}"] for k in known]
            new = index[f"{move}-{label}"]
            weights[new] = weights[rows].mean(axis=0)
            bias[new] = bias[rows].mean()
            unseen.discard(new)
        seeded.append(label)
    upper.set_param("W", weights)
    upper.set_param("b", bias)
    return seeded


def add_labels(ner: EntityRecognizer, labels: Iterable[str], label_of: Mapping[str, str]) -> list[str]:
    """Add ``labels`` to a sourced recognizer and seed the new ones from the base types that
    ``label_of`` maps to them; returns the labels seeded."""
    labels = list(labels)
    new = [label for label in labels if label not in ner.labels]
    for label in labels:
        ner.add_label(label)
    sources = base_types(label_of, new)
    return seed_labels(ner, sources)

"""The finished articles a training run learns from, and their train/dev split."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.errors import AnnotatorError
from annotator.core.export.selection import Selection, versions
from annotator.core.training_needs import MIN_ARTICLES

if TYPE_CHECKING:
    from annotator.core.store import Project


class TrainingError(AnnotatorError):
    """Training cannot start: too few finished articles, a label without examples, a bad base."""


@dataclass
class Example:
    """One finished article: its text and accepted spans as ``(start, end, label)``."""

    article_id: int
    text: str
    spans: list[tuple[int, int, str]]


@dataclass
class TrainingData:
    """Train and dev examples, the entity labels the model learns, and per-label counts."""

    train: list[Example]
    dev: list[Example]
    labels: list[str]
    counts: Counter[str] = field(default_factory=Counter)


def gather(
    project: Project,
    labels: list[str] | None = None,
    status: str = "done",
    annotator: str | None = None,
    dev: float = 0.2,
    seed: int = 0,
) -> TrainingData:
    """The articles ``annotator`` (or anyone) set to ``status``, split into train and dev.

    ``labels`` defaults to the scheme's entity labels (``"ents"`` in its spacy targets).
    Raises :class:`TrainingError` naming what is missing.
    """
    entity_labels = project.scheme.entity_label_names
    wanted = _check_labels(labels, entity_labels, project.scheme.label_names)
    examples = _finished(project, status, annotator)
    who = f" by {annotator}" if annotator else ""
    if len(examples) < MIN_ARTICLES:
        raise TrainingError(
            f"training needs at least {MIN_ARTICLES} articles marked {status}{who}; "
            f"this project has {len(examples)}"
        )
    counts = Counter(label for ex in examples for _, _, label in ex.spans)
    missing = [label for label in wanted if not counts[label]]
    if missing:
        raise TrainingError(
            f"no article marked {status}{who} has a {', '.join(missing)} span: label some, "
            f"or leave {'it' if len(missing) == 1 else 'them'} out with --labels"
        )
    train, held = split(examples, dev, seed)
    return TrainingData(train, held, wanted, counts)


def _check_labels(labels: list[str] | None, entity_labels: list[str], known: list[str]) -> list[str]:
    if not labels:
        if not entity_labels:
            raise TrainingError("the scheme has no entity label (none lists 'ents' in its spacy targets)")
        return entity_labels
    for label in labels:
        if label not in known:
            raise TrainingError(f"unknown label {label!r}; the scheme has {', '.join(known)}")
        if label not in entity_labels:
            raise TrainingError(
                f"{label} is not an entity label: only {', '.join(entity_labels)} train the model "
                "(QUOTE and CASUALTY stay rule-based)"
            )
    return list(dict.fromkeys(labels))


def _finished(project: Project, status: str, annotator: str | None) -> list[Example]:
    ids = project.ids_in_state(status, annotator)
    out = []
    selection = Selection(status="all", annotator=annotator, one_version=True)
    for found in versions(project, selection, ids):
        for version in found:
            if version.state != status:
                continue
            spans = [(s.start, s.end, s.label) for s in version.spans]
            out.append(Example(version.article.id, version.article.text, spans))
    return out


def split(examples: list[Example], dev: float, seed: int) -> tuple[list[Example], list[Example]]:
    """Shuffle with ``seed`` and hold out ``dev`` of the articles (at least one each side)."""
    if not 0 < dev < 1:
        raise TrainingError(f"--dev must be between 0 and 1 (got {dev})")
    order = list(examples)
    random.Random(seed).shuffle(order)
    n_dev = min(len(order) - 1, max(1, round(len(order) * dev)))
    return order[n_dev:], order[:n_dev]


def paragraphs(text: str) -> list[tuple[int, str]]:
    """``(offset, paragraph)`` for each non-blank line of ``text``: training works on one Doc
    per paragraph."""
    out, at = [], 0
    for para in text.split("\n"):
        if para.strip():
            out.append((at, para))
        at += len(para) + 1
    return out

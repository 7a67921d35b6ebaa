"""Per-label precision, recall and F1 of suggestions against finished articles.

ACTOR, LOCATION and CASUALTY match on exact boundaries; QUOTE matches when the boundaries
agree after stripping quote marks, punctuation and spaces at both ends (as the quality
benchmark does).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.core.suggest.pipeline import SuggestPipeline

_STRIP = " \t\n\"'“”‘’.,;:!?()–—-"

Prf = tuple[float, float, float]


def key(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """The offsets two spans of ``label`` must share to match."""
    if label == "QUOTE":
        while start < end and text[start] in _STRIP:
            start += 1
        while end > start and text[end - 1] in _STRIP:
            end -= 1
    return start, end


def prf(tp: int, n_pred: int, n_gold: int) -> Prf:
    """Precision, recall and F1 from true positives and the predicted and gold counts (0 when empty)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def per_label(
    texts: list[str],
    gold: Sequence[Iterable[tuple[int, int, str]]],
    pred: Sequence[Iterable[tuple[int, int, str]]],
    labels: Iterable[str],
) -> dict[str, tuple[Prf, int]]:
    """``{label: ((P, R, F1), n_gold)}`` over all documents."""
    out = {}
    for label in labels:
        tp = n_pred = n_gold = 0
        for text, g, p in zip(texts, gold, pred):
            gs = {key(text, s, e, label) for s, e, lab in g if lab == label}
            ps = {key(text, s, e, label) for s, e, lab in p if lab == label}
            tp, n_pred, n_gold = tp + len(gs & ps), n_pred + len(ps), n_gold + len(gs)
        out[label] = (prf(tp, n_pred, n_gold), n_gold)
    return out


def suggested_spans(pipeline: SuggestPipeline, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """What the suggestion ``pipeline`` finds in each text (no annotation memory)."""
    from annotator.core.suggest.component import suggestions_of

    return [[(s.start, s.end, s.label) for s in suggestions_of(doc)] for doc in pipeline.nlp.pipe(texts)]


def below_base(scores: dict[str, dict[str, tuple[Prf, int]]]) -> list[tuple[str, float, float]]:
    """The labels whose trained suggestions score a lower F1 than the base's on the held-out
    articles, as ``(label, trained F1, base F1)`` (rounded as printed, so a tie shown as a tie
    is no loss)."""
    lower = []
    for label, (base_prf, _) in scores.get("base", {}).items():
        trained_f1, base_f1 = round(scores["trained"][label][0][2], 2), round(base_prf[2], 2)
        if trained_f1 < base_f1:
            lower.append((label, trained_f1, base_f1))
    return lower

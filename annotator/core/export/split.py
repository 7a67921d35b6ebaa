"""``--split 0.8,0.1,0.1 --seed N``: train/dev/test parts by article, reproducible with the seed.

All versions of one article go to the same part, so no text is in two parts.
"""

from __future__ import annotations

import random

from annotator.core.export.report import ExportError

PART_NAMES = ("train", "dev", "test")


def parse_split(value: str | None) -> tuple[float, ...] | None:
    """``"0.8,0.1,0.1"`` -> ``(0.8, 0.1, 0.1)``; two or three fractions that add up to 1."""
    if value is None or value == "":
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        raise ExportError(f"--split {value!r}: expected fractions such as 0.8,0.1,0.1") from None
    if not 2 <= len(parts) <= 3 or any(p < 0 for p in parts) or abs(sum(parts) - 1) > 1e-6:
        raise ExportError(f"--split {value!r}: give 2 or 3 fractions >= 0 that add up to 1")
    return parts


def assign(ids: list[int], fractions: tuple[float, ...], seed: int) -> dict[int, str]:
    """Article id -> part name. The shuffle depends only on the ids and the seed."""
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    bounds, total = [], 0.0
    for fraction in fractions:
        total += fraction
        bounds.append(round(total * len(order)))
    bounds[-1] = len(order)
    parts, start = {}, 0
    for name, stop in zip(PART_NAMES, bounds):
        for article_id in order[start:stop]:
            parts[article_id] = name
        start = stop
    return parts

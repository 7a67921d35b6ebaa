"""Chance-corrected agreement on nominal unit labels, computed by statsmodels and krippendorff.

The callers hand over a units matrix: one row per annotator, one column per unit (a token),
holding a small non-negative integer category, or ``-1`` where that annotator did not label
the unit's article. Each function returns None when the figure is undefined (fewer than two
annotators on a unit, or one category only, so that chance agreement is already perfect).
"""

from __future__ import annotations

import math

import numpy as np

MISSING = -1


def _finite(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)


def cohen_kappa(first: np.ndarray, second: np.ndarray) -> float | None:
    """Cohen's kappa of two annotators over the units both labelled (statsmodels)."""
    from statsmodels.stats.inter_rater import cohens_kappa

    both = (first != MISSING) & (second != MISSING)
    a, b = first[both].astype(np.int64), second[both].astype(np.int64)
    if a.size == 0:
        return None
    codes, inverse = np.unique(np.concatenate([a, b]), return_inverse=True)
    k = codes.size
    if k < 2:
        return None
    pairs = inverse[: a.size] * k + inverse[a.size :]
    table = np.bincount(pairs, minlength=k * k).reshape(k, k)
    with np.errstate(divide="ignore", invalid="ignore"):
        return _finite(cohens_kappa(table, return_results=False))


def count_table(units: np.ndarray) -> np.ndarray:
    """Units x categories counts (how many annotators put each unit in each category)."""
    present = units[units != MISSING]
    codes = np.unique(present)
    table = np.zeros((units.shape[1], codes.size), dtype=np.int32)
    for column, code in enumerate(codes):
        table[:, column] = (units == code).sum(axis=0)
    return table


def fleiss_kappa(units: np.ndarray) -> float | None:
    """Fleiss' kappa over the units that every annotator labelled (statsmodels)."""
    complete = units[:, (units != MISSING).all(axis=0)]
    if complete.shape[0] < 2 or complete.shape[1] == 0:
        return None
    table = count_table(complete)
    if table.shape[1] < 2:
        return None
    return fleiss_from_table(table)


def fleiss_from_table(table: np.ndarray) -> float | None:
    """Fleiss' kappa of a units x categories count table (every row the same rater total)."""
    from statsmodels.stats.inter_rater import fleiss_kappa as fleiss

    # On big tables float32 halves the memory of statsmodels' copies (counts stay exact
    # below 2**24; the figure is good to about 1e-7), small ones keep float64.
    small = table.size < 2**20 or table.sum() >= 2**24
    with np.errstate(divide="ignore", invalid="ignore"):
        return _finite(fleiss(table.astype(np.float64 if small else np.float32), method="fleiss"))


def krippendorff_alpha(units: np.ndarray) -> float | None:
    """Krippendorff's alpha (nominal) with missing values allowed (krippendorff).

    Units on which every present annotator gave the same category are folded, per
    category, into one unit holding all their values: each such unit adds exactly its
    number of values to the coincidence matrix's diagonal, folded or not, so the figure
    is the same while the matrix handed to the library stays small.
    """
    return alpha_from_value_counts(folded_value_counts(units))


def folded_value_counts(units: np.ndarray) -> np.ndarray:
    """Units x categories value counts, unanimous units folded per category (see above)."""
    table = count_table(units)
    if table.size == 0:
        return table
    values = table.sum(axis=1)
    unanimous = (table.max(axis=1) == values) & (values >= 2)
    kept = table[~unanimous & (values >= 2)]
    folded = np.diag(table[unanimous].sum(axis=0))
    folded = folded[folded.sum(axis=1) > 0]
    return np.vstack([kept, folded]).astype(np.float64)


def alpha_from_value_counts(value_counts: np.ndarray) -> float | None:
    """Krippendorff's nominal alpha of a units x categories value-count matrix."""
    import krippendorff

    if value_counts.shape[0] == 0 or (value_counts.sum(axis=0) > 0).sum() < 2:
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        return _finite(krippendorff.alpha(value_counts=value_counts, level_of_measurement="nominal"))

"""Chance-corrected agreement on nominal unit labels, computed by statsmodels and krippendorff.

The callers hand over a units matrix: one row per annotator, one column per unit (a token),
holding a small non-negative integer category, or ``-1`` where that annotator did not label
the unit's article. Units are first reduced to their distinct *patterns* (the tuple of
categories across annotators) with counts, so two million tokens become a few hundred rows.
Each function returns None when the figure is undefined (no unit two annotators labelled, or
one category only, so that chance agreement is already perfect).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MISSING = -1


@dataclass(frozen=True)
class Patterns:
    """Distinct columns of a units matrix (``values``: annotators x patterns) and their counts."""

    values: np.ndarray
    counts: np.ndarray

    def pick(self, rows: list[int]) -> Patterns:
        """The patterns of some annotators only (merged where they now coincide)."""
        return patterns(self.values[rows], self.counts)

    def binary(self, bit: int) -> Patterns:
        """Category ``1`` where the bit is set, ``0`` elsewhere (one label against the rest)."""
        values = np.where(self.values == MISSING, MISSING, (self.values & bit) > 0)
        return patterns(values, self.counts)


def patterns(units: np.ndarray, weights: np.ndarray | None = None) -> Patterns:
    """The distinct columns of ``units`` and how many units (or how much ``weights``) each has."""
    if units.shape[1] == 0:
        return Patterns(np.zeros((units.shape[0], 0), dtype=np.int64), np.zeros(0, dtype=np.int64))
    top = int(units.max()) + 1
    base = top + 1
    if base ** units.shape[0] >= 2**62:  # too many annotators to pack a column into one int
        values, inverse = np.unique(units, axis=1, return_inverse=True)
        counts = np.bincount(inverse.ravel(), weights=weights).astype(np.int64)
        return Patterns(values.astype(np.int64), counts)
    packed = np.zeros(units.shape[1], dtype=np.int64)
    for row in units[::-1]:
        packed = packed * base + np.where(row == MISSING, top, row)
    unique, inverse = np.unique(packed, return_inverse=True)
    counts = np.bincount(inverse, weights=weights, minlength=unique.size).astype(np.int64)
    values = np.empty((units.shape[0], unique.size), dtype=np.int64)
    for i in range(units.shape[0]):
        values[i] = unique % base
        unique = unique // base
    values[values == top] = MISSING
    return Patterns(values, counts)


def _finite(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)


def cohen_kappa(found: Patterns, first: int, second: int) -> float | None:
    """Cohen's kappa of annotators ``first`` and ``second`` over the units both labelled
    (statsmodels, on their contingency table)."""
    from statsmodels.stats.inter_rater import cohens_kappa

    a, b = found.values[first], found.values[second]
    both = (a != MISSING) & (b != MISSING)
    if not both.any():
        return None
    size = int(max(a[both].max(), b[both].max())) + 1
    table = np.zeros((size, size), dtype=np.float64)
    np.add.at(table, (a[both], b[both]), found.counts[both])
    used = (table.sum(axis=0) + table.sum(axis=1)) > 0
    table = table[used][:, used]
    if table.shape[0] < 2:
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        return _finite(cohens_kappa(table, return_results=False))


def count_table(found: Patterns) -> np.ndarray:
    """Patterns x categories: how many annotators put a unit of each pattern in each category."""
    codes = np.unique(found.values[found.values != MISSING])
    table = np.zeros((found.values.shape[1], codes.size), dtype=np.int64)
    for column, code in enumerate(codes):
        table[:, column] = (found.values == code).sum(axis=0)
    return table


LIBRARY_CELLS = 4_000_000  # up to this many table cells (32 MB), statsmodels gets the full table


def fleiss_kappa(found: Patterns) -> float | None:
    """Fleiss' kappa over the units that every annotator labelled.

    statsmodels computes it from the units x categories table. A table bigger than
    :data:`LIBRARY_CELLS` would cost statsmodels several copies of itself (a project of two
    million tokens: hundreds of MB), so there the same formula statsmodels uses
    (``(P - Pe) / (1 - Pe)``, P the mean per-unit agreement, Pe the sum of squared category
    shares) is evaluated once per distinct unit pattern, weighted by its count; a test holds
    the two equal.
    """
    complete = (found.values != MISSING).all(axis=0)
    if found.values.shape[0] < 2 or not complete.any():
        return None
    part = Patterns(found.values[:, complete], found.counts[complete])
    table = count_table(part)
    if table.shape[1] < 2:
        return None
    if int(part.counts.sum()) * table.shape[1] <= LIBRARY_CELLS:
        return fleiss_from_table(np.repeat(table.astype(np.float64), part.counts, axis=0))
    return fleiss_from_patterns(table, part.counts)


def fleiss_from_table(table: np.ndarray) -> float | None:
    """Fleiss' kappa of a units x categories count table (statsmodels; every row the same
    rater total)."""
    from statsmodels.stats.inter_rater import fleiss_kappa as fleiss

    with np.errstate(divide="ignore", invalid="ignore"):
        return _finite(fleiss(np.asarray(table, dtype=np.float64), method="fleiss"))


def fleiss_from_patterns(table: np.ndarray, counts: np.ndarray) -> float | None:
    """Fleiss' kappa of distinct table rows occurring ``counts`` times (statsmodels' formula)."""
    table = table.astype(np.float64)
    raters = table.sum(axis=1)[0]
    units = counts.sum()
    shares = (table * counts[:, None]).sum(axis=0) / (units * raters)
    per_unit = ((table * table).sum(axis=1) - raters) / (raters * (raters - 1.0))
    observed = (per_unit * counts).sum() / units
    expected = (shares * shares).sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        return _finite((observed - expected) / (1 - expected))


def krippendorff_alpha(found: Patterns) -> float | None:
    """Krippendorff's alpha (nominal) with missing values allowed (krippendorff).

    When the library's units x categories x categories work array for the folded matrix
    (below) would exceed :data:`LIBRARY_CELLS`, there the coincidence matrix
    is summed once per distinct pattern instead and alpha taken from it with the library's
    own formula (a test holds the two equal).

    Units on which every present annotator gave the same category are folded, per
    category, into one unit holding all their values: each such unit adds exactly its
    number of values to the coincidence matrix's diagonal, folded or not, so the figure
    is the same while the matrix handed to the library stays small. The other units
    (disagreements) are handed over one by one.
    """
    folded = folded_value_counts(found)
    if folded.size * folded.shape[1] <= LIBRARY_CELLS:  # the library's work array
        return alpha_from_value_counts(folded)
    return alpha_from_patterns(found)


def alpha_from_patterns(found: Patterns) -> float | None:
    """Nominal alpha from the coincidence matrix summed over distinct patterns (weighted)."""
    table = count_table(found).astype(np.float64)
    values = table.sum(axis=1)
    pairable = values >= 2
    table, weights = table[pairable], found.counts[pairable] / (values[pairable] - 1)
    if table.shape[0] == 0 or (table.sum(axis=0) > 0).sum() < 2:
        return None
    coincidences = (table * weights[:, None]).T @ table - np.diag((table * weights[:, None]).sum(axis=0))
    per_value = coincidences.sum(axis=0)
    total = per_value.sum()
    expected = (np.outer(per_value, per_value) - np.diag(per_value)) / (total - 1)
    off = 1 - np.eye(len(per_value))
    with np.errstate(divide="ignore", invalid="ignore"):
        return _finite(1 - (coincidences * off).sum() / (expected * off).sum())


def folded_value_counts(found: Patterns) -> np.ndarray:
    """Units x categories value counts, unanimous units folded per category (see above)."""
    table = count_table(found)
    if table.size == 0:
        return table.astype(np.float64)
    values = table.sum(axis=1)
    unanimous = (table.max(axis=1) == values) & (values >= 2)
    disagreeing = ~unanimous & (values >= 2)
    kept = np.repeat(table[disagreeing], found.counts[disagreeing], axis=0)
    folded = np.diag((table[unanimous] * found.counts[unanimous, None]).sum(axis=0))
    folded = folded[folded.sum(axis=1) > 0]
    return np.vstack([kept, folded]).astype(np.float64)


def alpha_from_value_counts(value_counts: np.ndarray) -> float | None:
    """Krippendorff's nominal alpha of a units x categories value-count matrix."""
    import krippendorff

    if value_counts.shape[0] == 0 or (value_counts.sum(axis=0) > 0).sum() < 2:
        return None
    # float32 halves the library's units x categories x categories work array on big inputs
    dtype = np.float64 if value_counts.size <= LIBRARY_CELLS else np.float32
    with np.errstate(divide="ignore", invalid="ignore"):
        return _finite(
            krippendorff.alpha(value_counts=value_counts, level_of_measurement="nominal", dtype=dtype)
        )

"""Span-level comparison of two annotators' versions of one article: exact and overlap matches,
shared quotes whose speaker agrees, shared casualty figures whose counts agree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# A span as agreement sees it: (start, end, label, attrs JSON, speaker (start, end) or None)
SpanTuple = tuple[Any, ...]
Counts = dict[str | None, int]  # per label, and in all (key None)


@dataclass
class PairTally:
    """Running counts for one pair (or one pair and label): F1 = 2 * matches / spans."""

    exact: int = 0
    overlap: int = 0
    spans: int = 0
    articles: set[int] = field(default_factory=set)

    def add(self, other: PairTally) -> None:
        self.exact += other.exact
        self.overlap += other.overlap
        self.spans += other.spans
        self.articles |= other.articles

    def f1(self, matches: int) -> float | None:
        return None if self.spans == 0 else 2 * matches / self.spans


def match_counts(first: list[SpanTuple], second: list[SpanTuple]) -> tuple[Counts, Counts, Counts]:
    """Exact matches, overlap matches and spans of both, per label and in all (key None).

    Spans are compared by (start, end, label), each counted once. Overlap matching is one to
    one between same-label spans sharing a character, exact matches first, then greedily in
    text order.
    """
    left = {(s[0], s[1], s[2]) for s in first}
    right = {(s[0], s[1], s[2]) for s in second}
    both = left & right
    exact: Counts = {None: len(both)}
    sizes: Counts = {None: len(left) + len(right)}
    for key in both:
        exact[key[2]] = exact.get(key[2], 0) + 1
    for key in left:
        sizes[key[2]] = sizes.get(key[2], 0) + 1
    for key in right:
        sizes[key[2]] = sizes.get(key[2], 0) + 1
    overlap = dict(exact)
    if len(both) < len(left) and len(both) < len(right):
        rest = sorted(right - both)
        used = [False] * len(rest)
        for start, end, label in sorted(left - both):
            for i, (other_start, other_end, other_label) in enumerate(rest):
                if not used[i] and other_label == label and other_start < end and start < other_end:
                    used[i] = True
                    overlap[label] = overlap.get(label, 0) + 1
                    overlap[None] += 1
                    break
    return exact, overlap, sizes


def exact_matches(first: list[SpanTuple], second: list[SpanTuple]) -> int:
    """How many (start, end, label) of ``first`` are also in ``second``."""
    return match_counts(first, second)[0][None]


def overlap_matches(first: list[SpanTuple], second: list[SpanTuple]) -> int:
    """One-to-one matches of same-label spans that share at least one character."""
    return match_counts(first, second)[1][None]


DETAILS = {"QUOTE": "quote_speaker", "CASUALTY": "casualty_count"}


def detail_agreement(first: list[SpanTuple], second: list[SpanTuple]) -> dict[str, tuple[int, int]]:
    """For QUOTE (speaker) and CASUALTY (count_low/count_high): (agreeing, shared) among the
    spans both marked with the same edges. Spans are (start, end, label, detail)."""
    mine = {(s[0], s[1], s[2]): s[3] for s in first if s[2] in DETAILS}
    result = {key: (0, 0) for key in DETAILS.values()}
    if not mine:
        return result
    for s in second:
        edges = (s[0], s[1], s[2])
        if edges in mine:
            key = DETAILS[s[2]]
            agree, shared = result[key]
            result[key] = (agree + (mine[edges] == s[3]), shared + 1)
    return result

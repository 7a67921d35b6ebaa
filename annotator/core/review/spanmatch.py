"""Span-level comparison of two annotators' versions of one article: exact and overlap matches,
shared quotes whose speaker agrees, shared casualty figures whose counts agree."""

from __future__ import annotations

from dataclasses import dataclass, field

# A span as agreement sees it: (start, end, label, attrs JSON, speaker (start, end) or None)
SpanKey = tuple[int, int, str]


@dataclass
class PairTally:
    """Running counts for one pair (or one pair and label): F1 = 2 * matches / spans."""

    exact: int = 0
    overlap: int = 0
    spans: int = 0
    articles: set = field(default_factory=set)

    def add(self, other: PairTally) -> None:
        self.exact += other.exact
        self.overlap += other.overlap
        self.spans += other.spans
        self.articles |= other.articles

    def f1(self, matches: int) -> float | None:
        return None if self.spans == 0 else 2 * matches / self.spans


def exact_matches(first: list[tuple], second: list[tuple]) -> int:
    """How many spans of ``first`` have a span of ``second`` with the same edges and label."""
    keys = {(s[0], s[1], s[2]) for s in second}
    return sum(1 for s in {(s[0], s[1], s[2]) for s in first} if s in keys)


def overlap_matches(first: list[tuple], second: list[tuple]) -> int:
    """One-to-one matches of same-label spans that share at least one character (exact first)."""
    left = sorted({(s[0], s[1], s[2]) for s in first})
    right = sorted({(s[0], s[1], s[2]) for s in second})
    used: set[int] = set()
    matched = 0
    exact = {key: i for i, key in enumerate(right)}
    pending = []
    for key in left:
        if key in exact:
            used.add(exact[key])
            matched += 1
        else:
            pending.append(key)
    for start, end, label in pending:
        for i, (other_start, other_end, other_label) in enumerate(right):
            if i not in used and other_label == label and other_start < end and start < other_end:
                used.add(i)
                matched += 1
                break
    return matched


def shared_attribute_agreement(first: list[tuple], second: list[tuple], label: str, same) -> tuple[int, int]:
    """(agreeing, shared): spans of ``label`` both marked exactly, and how many of those agree."""
    mine = {(s[0], s[1]): s for s in first if s[2] == label}
    theirs = {(s[0], s[1]): s for s in second if s[2] == label}
    shared = mine.keys() & theirs.keys()
    return sum(1 for key in shared if same(mine[key], theirs[key])), len(shared)


def same_speaker(mine: tuple, theirs: tuple) -> bool:
    return mine[4] == theirs[4]


def same_counts(mine: tuple, theirs: tuple) -> bool:
    return all(mine[3].get(k) == theirs[3].get(k) for k in ("count_low", "count_high"))

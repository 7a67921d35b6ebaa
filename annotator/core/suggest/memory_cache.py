"""What annotation memory read of each article, kept between the suggestion runs of one open
project until the article changes.

Memory learns from every decided span of the project and counts the unlabelled uses of its
strings in every finished article (``unlabelled_uses``). The window suggests one article at a
time, and reading all of that for each made a suggestion's cost grow with the project
(``benchmarks/bench_memory_scale.py``, a busy 2-core machine: 11.2 s per suggested article
with 3,000 finished articles against 0.45 s with none; kept, 0.43 s against 0.36 s). So, per
article, this keeps its decisions (net votes per string and label, with their sum over the
project) and, once it is finished, its text, covered ranges and accepted strings, and the
unlabelled uses of each string asked about so far (with their sum over the finished articles).
A string new to memory is looked for in the kept texts (``str.find``), not read again.

An article's entry is dropped when its change number moves (``store/article_changes``: every
write to its row or its spans raises it, from any code path and any connection: an edit, an
undo, stored or withdrawn suggestions, an import, a merge). Each run reads the numbers first,
then what changed, so a write in between only makes the next run read the article again.
Article states (done, reviewed, undone) are read afresh on every run, and the open articles
left out per run, so they need no entry of their own. Where the file keeps no numbers (an older
file opened read-only) or inside a transaction, each run starts from nothing.
"""

from __future__ import annotations

import weakref
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.suggest.lexicon import words
from annotator.core.suggest.unlabelled_uses import (
    FINISHED_STATES,
    Finished,
    by_first_word,
    finished_article,
    uses_in,
    uses_of,
)

if TYPE_CHECKING:
    from annotator.core.store import Project

Key = tuple[str, str]  # (string, label)
Votes = dict[Key, list[int]]  # -> [net accepts, id of its first decided span]
_PLACES = ("accepted", "rejected", "suggested")


@dataclass
class _Finished:
    """A finished article's part in the unlabelled counts: None when nobody decided on a name."""

    article: Finished | None
    uses: Counter[str] = field(default_factory=Counter)


class MemoryCache:
    """Per article: its decisions and, once finished, its unlabelled uses, with their sums
    (see the module)."""

    def __init__(self, labels: frozenset[str]):
        self.labels = labels
        self.seq = 0
        self.votes: dict[int, Votes] | None = None  # articles with decisions of ``labels``
        self.totals: Counter[Key] = Counter()  # the sum of ``votes``
        self.finished: dict[int, _Finished] = {}
        self.strings: set[str] = set()  # every entry in ``finished`` counted these
        self.counted: set[int] = set()  # the entries ``uses`` sums
        self.uses: Counter[str] = Counter()

    def refresh(self, project: Project) -> bool:
        """Forget the articles that changed since the last run; False when nothing can be kept."""
        changed = project.articles_changed_since(self.seq)
        if changed is None:
            return False
        ids, self.seq = changed
        for article_id in ids & self.counted:
            self.uses.subtract(self.finished[article_id].uses)
        self.counted -= ids
        for article_id in ids:
            self.finished.pop(article_id, None)
        if self.votes is None:
            self._add_votes(project.decisions_in())
        elif ids:
            for article_id in ids:
                self._count(self.votes.pop(article_id, {}), -1)
            self._add_votes(project.decisions_in(sorted(ids)))
        return True

    def _add_votes(self, rows: Iterable[tuple[str, str, str, int, int]]) -> None:
        fresh = _votes(rows, self.labels)
        self.votes = self.votes if self.votes is not None else {}
        self.votes.update(fresh)
        for votes in fresh.values():
            self._count(votes, 1)

    def _count(self, votes: Votes, sign: int) -> None:
        """Add (``sign`` 1) or take back (-1) one article's votes in ``totals``."""
        for key, (n, _) in votes.items():
            self.totals[key] += sign * n
            if not self.totals[key]:
                del self.totals[key]

    def decisions(self) -> dict[int, Votes]:
        """Article id -> its net votes per (string, label), with each one's first span id."""
        assert self.votes is not None, "refresh first"
        return self.votes

    def unlabelled(self, project: Project, leave_out: Collection[int], strings: set[str]) -> Counter[str]:
        """Unlabelled uses of ``strings`` in the finished articles but those of ``leave_out``."""
        ids = {i for state in FINISHED_STATES for i in project.ids_in_state(state)} - set(leave_out)
        if new := strings - self.strings:  # a few, mostly: string by string
            for article_id, entry in self.finished.items():
                if entry.article is not None:
                    found = uses_of(entry.article, new)
                    entry.uses.update(found)
                    if article_id in self.counted:
                        self.uses.update(found)
            self.strings |= new
        self._read(project, sorted(ids - self.finished.keys()))
        for article_id in self.counted - ids:
            self.uses.subtract(self.finished[article_id].uses)
        for article_id in ids - self.counted:
            self.uses.update(self.finished[article_id].uses)
        self.counted = ids
        return Counter({string: n for string in strings if (n := self.uses[string]) > 0})

    def _read(self, project: Project, ids: list[int]) -> None:
        """Make the entries of the finished articles ``ids``, counting every string known (all
        in one pass over each one's words)."""
        places: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
        for article_id, start, end, label, status in project.span_places(ids, _PLACES):
            if label in self.labels:
                places[article_id].append((start, end, label, status))
        self.finished.update({i: _Finished(None) for i in ids})
        worked = [i for i in ids if any(status != "suggested" for *_, status in places[i])]
        grouped = by_first_word(self.strings)
        for text, article_id in project.article_texts(worked):
            article = finished_article(text, places[article_id], self.labels)
            self.finished[article_id] = _Finished(
                article, uses_in(article, grouped) if article is not None else Counter()
            )


def _votes(rows: Iterable[tuple[str, str, str, int, int]], labels: frozenset[str]) -> dict[int, Votes]:
    """Per article, the net votes of the decided strings memory may learn (see ``memory``)."""
    out: dict[int, Votes] = defaultdict(dict)
    learnable: dict[str, bool] = {}  # a few hundred strings among many thousand decisions
    for label, status, text, article_id, span_id in rows:
        if label not in labels:
            continue
        if text not in learnable:
            learnable[text] = _learnable(text)
        if learnable[text]:
            vote = out[article_id].setdefault((text, label), [0, span_id])
            vote[0] += 1 if status == "accepted" else -1
            vote[1] = min(vote[1], span_id)
    return dict(out)


def _learnable(text: str | None) -> bool:
    """A string memory may learn: no title, no space around it, with a letter."""
    if not text or text.strip() != text or is_title(text):
        return False
    return any(c.isalpha() for c in text)


def is_title(text: str) -> bool:
    """Whether ``text`` ends in a title word ("President", "Foreign Minister"): a person's
    title with its adjectives, not a name."""
    return text.split()[-1].lower() in words().title_core


_CACHES: weakref.WeakKeyDictionary[Project, MemoryCache] = weakref.WeakKeyDictionary()


def memory_cache(project: Project, labels: frozenset[str]) -> MemoryCache:
    """The project's cache for ``labels``, brought up to date (a new one each run where
    nothing can be kept)."""
    cache = _CACHES.get(project)
    if cache is None or cache.labels != labels:
        cache = MemoryCache(labels)
    if cache.refresh(project):
        _CACHES[project] = cache
    else:
        _CACHES.pop(project, None)
        cache = MemoryCache(labels)
        cache._add_votes(project.decisions_in())
    return cache

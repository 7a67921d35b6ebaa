"""Memory suggestions memory no longer supports are withdrawn when their article is suggested
again (the window's look-ahead, ``annotator suggest``): a pending memory suggestion nobody has
decided on goes when

- its string no longer has its label in memory, learnt from finished decisions nor from every
  decision (the open articles' too, so merely opening an article withdraws nothing): a string
  rejected as often as accepted since, one learnt from a half-done edit ("Army" while "US Army"
  was being resized) in a project from before memory learnt finished decisions only, a title,
  or memory turned off;
- or it lies inside a longer name (an entity someone accepted or a suggester proposes there).

A person's decision is never touched: a suggestion someone accepted, rejected or edited stays.
Each withdrawal is a history row (``withdraw memory suggestion``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.model import Span
from annotator.core.suggest.memory import ENTITY_LABELS
from annotator.core.suggest.suggestion import Suggestion

if TYPE_CHECKING:
    from annotator.core.store import Project

WITHDRAW = "withdraw memory suggestion"


@dataclass(frozen=True)
class Support:
    """What memory says now: string -> label, from finished decisions and from every one."""

    finished: dict[str, str]
    everything: dict[str, str]

    def backs(self, text: str, label: str) -> bool:
        """Whether memory still gives ``text`` the ``label``."""
        return self.finished.get(text) == label or self.everything.get(text) == label


def withdraw_stale(project: Project, article_id: int, found: list[Suggestion], support: Support) -> int:
    """Withdraw the article's pending memory suggestions ``support`` no longer backs or that lie
    inside a longer name (stored, or among the new suggestions ``found``); how many."""
    rows = project.spans_in([article_id], ("suggested", "accepted"))
    pending = [r for r in rows if r.origin == "memory" and r.annotator is None and r.status == "suggested"]
    if not pending:
        return 0
    text = project.article(article_id).text
    names: list[Span | Suggestion] = [r for r in rows if r.label in ENTITY_LABELS]
    names += [s for s in found if s.label in ENTITY_LABELS and s.origin != "memory"]
    stale = [
        r.stored_id
        for r in pending
        if not support.backs(r.text_in(text), r.label) or any(_inside(r, n) for n in names)
    ]
    return sum(project.withdraw_suggestion(i, WITHDRAW) for i in project.undecided_among(stale))


def _inside(item: Span, other: Span | Suggestion) -> bool:
    """Whether ``item`` lies within ``other`` and ``other`` is longer."""
    return (
        other.start <= item.start
        and item.end <= other.end
        and other.end - other.start > item.end - item.start
    )

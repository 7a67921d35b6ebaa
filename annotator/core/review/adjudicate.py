"""Settling disagreements: every annotator's version of an article side by side, and the
reviewer's edits (take a version, reject all, accept what everyone agrees on, mark reviewed).

The reviewer's result is stored as the reviewer's own decisions (spans with ``annotator`` =
the reviewer), so undo, history, agreement and ``export --status reviewed`` treat it like any
other annotator's work. Build the edits with :func:`annotator.core.edits.perform`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.edits import Change, Edit, mark_in_progress
from annotator.core.errors import EditError
from annotator.core.model import Span, now_iso

if TYPE_CHECKING:
    from annotator.core.store import Project

Key = tuple[int, int, str, str]  # start, end, label, attrs JSON


def _key(span: Span) -> Key:
    return (span.start, span.end, span.label, json.dumps(span.attrs, sort_keys=True))


@dataclass
class Cluster:
    """Overlapping spans of the annotators (one region of the text) and who said what."""

    start: int
    end: int
    versions: dict[str, list[Key]] = field(default_factory=dict)  # annotator -> their spans here
    reviewer: list[Key] = field(default_factory=list)

    @property
    def agreed(self) -> bool:
        """Every annotator marked exactly the same spans here."""
        values = list(self.versions.values())
        return len(values) > 1 and all(sorted(v) == sorted(values[0]) for v in values)

    def version_of(self, name: str) -> list[Key]:
        return self.versions.get(name, [])

    def majority(self, names: list[str]) -> list[Key]:
        """The version most annotators gave (ties: the earliest annotator's)."""
        best = max(
            names,
            key=lambda n: (
                sum(sorted(self.version_of(m)) == sorted(self.version_of(n)) for m in names),
                -names.index(n),
            ),
        )
        return self.version_of(best)


def review_annotators(project: Project, article_id: int, reviewer: str) -> list[str]:
    """Whose versions a reviewer sees: everyone but the reviewer who marked the article done."""
    states = project.states_of([article_id]).get(article_id, {})
    return sorted(n for n, (state, _) in states.items() if state == "done" and n != reviewer)


def clusters(
    project: Project, article_id: int, reviewer: str, names: list[str] | None = None
) -> list[Cluster]:
    """The article's regions, disagreements first, then in text order."""
    names = review_annotators(project, article_id, reviewer) if names is None else names
    spans = [
        (span, name)
        for name in [*names, reviewer]
        for span in project.spans_for(article_id, name)
        if span.annotator == name and span.status == "accepted"
    ]
    spans.sort(key=lambda item: (item[0].start, -item[0].end))
    regions: list[Cluster] = []
    for span, name in spans:
        if not regions or span.start >= regions[-1].end:
            regions.append(Cluster(span.start, span.end, {n: [] for n in names}))
        region = regions[-1]
        region.end = max(region.end, span.end)
        (region.reviewer if name == reviewer else region.versions[name]).append(_key(span))
    regions = [r for r in regions if any(r.versions.values())]
    return sorted(regions, key=lambda r: (r.agreed, r.start))


def take_version(project: Project, article_id: int, reviewer: str, region: Cluster, keys: list[Key]) -> Edit:
    """Make the reviewer's spans in ``region`` exactly ``keys`` (empty: reject every version)."""
    name = "reject all versions" if not keys else "take version"
    edit = Edit(name=name, article_id=article_id, annotator=reviewer)
    mark_in_progress(project, edit)
    wanted = {k[:3]: k for k in keys}
    stamp = now_iso()
    for span in _reviewer_spans(project, article_id, reviewer):
        if span.end <= region.start or span.start >= region.end:
            continue
        if (span.start, span.end, span.label) in wanted and _key(span) == wanted[
            (span.start, span.end, span.label)
        ]:
            del wanted[(span.start, span.end, span.label)]
            continue
        edit.changes.append(
            Change("spans", span.to_row(), span.evolve(status="rejected", updated_at=stamp).to_row())
        )
    for key in wanted.values():
        _add(project, edit, article_id, reviewer, key, stamp)
    return edit


def accept_agreed(project: Project, article_id: int, reviewer: str, names: list[str] | None = None) -> Edit:
    """Give the reviewer every span all annotators agree on (and that the reviewer lacks)."""
    names = review_annotators(project, article_id, reviewer) if names is None else names
    if len(names) < 2:
        raise EditError("fewer than two annotators marked this article done: nothing to agree on")
    edit = Edit(name="accept agreed spans", article_id=article_id, annotator=reviewer)
    mark_in_progress(project, edit)
    sets = [
        {_key(s) for s in project.spans_for(article_id, n) if s.annotator == n and s.status == "accepted"}
        for n in names
    ]
    have = {_key(s) for s in _reviewer_spans(project, article_id, reviewer)}
    stamp = now_iso()
    for key in sorted(set.intersection(*sets) - have):
        _add(project, edit, article_id, reviewer, key, stamp)
    return edit


def next_to_review(project: Project, reviewer: str, after_id: int = 0) -> int | None:
    """The next article (wrapping round) that two annotators marked done and ``reviewer`` has
    not marked reviewed."""
    waiting = project.review.awaiting_review(reviewer)
    later = [a for a in waiting if a > after_id]
    return (later or waiting)[0] if waiting else None


def _reviewer_spans(project: Project, article_id: int, reviewer: str) -> list[Span]:
    return [
        s
        for s in project.spans_for(article_id, reviewer)
        if s.annotator == reviewer and s.status == "accepted"
    ]


def _add(project: Project, edit: Edit, article_id: int, reviewer: str, key: Key, stamp: str) -> None:
    start, end, label, attrs = key
    span = Span(article_id, start, end, label, json.loads(attrs), "human", "accepted", reviewer,
                id=project.new_id("spans"), created_at=stamp, updated_at=stamp)  # fmt: skip
    edit.changes.append(Change("spans", None, span.to_row()))
    edit.focus_span_id = edit.focus_span_id or span.id

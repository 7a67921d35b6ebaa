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

from annotator.core.edits import SPEAKER, Change, Edit, mark_in_progress
from annotator.core.entity_conflicts import acceptable, entity_labels
from annotator.core.errors import EditError
from annotator.core.model import Relation, Span, now_iso

if TYPE_CHECKING:
    from annotator.core.store import Project

Speaker = tuple[int, ...]  # a QUOTE's linked ACTOR as (start, end); () when none
Key = tuple[int, int, str, str, Speaker]  # start, end, label, attrs JSON, speaker


def _key(span: Span, speakers: dict[int, Span] | None = None) -> Key:
    speaker = (speakers or {}).get(span.id or 0)
    linked: Speaker = (speaker.start, speaker.end) if speaker else ()
    return (span.start, span.end, span.label, json.dumps(span.attrs, sort_keys=True), linked)


@dataclass
class Cluster:
    """Overlapping spans of the annotators (one region of the text) and who said what.

    A version is an annotator's spans here with their attributes and, for a QUOTE, the range
    of the ACTOR linked as its speaker: two QUOTEs with different speakers are different.
    """

    start: int
    end: int
    versions: dict[str, list[Key]] = field(default_factory=dict)  # annotator -> their spans here
    reviewer: list[Key] = field(default_factory=list)

    @property
    def agreed(self) -> bool:
        """Every annotator marked exactly the same spans here."""
        values = list(self.versions.values())
        return len(values) > 1 and all(sorted(v) == sorted(values[0]) for v in values)

    @property
    def reviewer_differs(self) -> bool:
        """Every annotator agrees here, but the reviewer's own spans are something else (the
        reviewer having nothing here yet is not: that is still to be taken)."""
        values = list(self.versions.values())
        return self.agreed and bool(self.reviewer) and self.accepted != sorted(values[0])

    def version_of(self, name: str) -> list[Key]:
        return self.versions.get(name, [])

    def alternatives(self, names: list[str]) -> list[tuple[list[Key], list[str]]]:
        """The distinct versions here with who gave each: most support first (ties: the
        earliest annotator's first). An annotator who marked nothing here gives ``[]``."""
        found: dict[tuple[Key, ...], list[str]] = {}
        for name in names:
            found.setdefault(tuple(sorted(self.version_of(name))), []).append(name)
        ranked = sorted(found.items(), key=lambda item: (-len(item[1]), names.index(item[1][0])))
        return [(list(keys), givers) for keys, givers in ranked]

    def majority(self, names: list[str]) -> list[Key]:
        """The version most annotators gave (ties: the earliest annotator's)."""
        return self.alternatives(names)[0][0] if names else []

    @property
    def accepted(self) -> list[Key]:
        """The reviewer's spans here, sorted as versions are."""
        return sorted(self.reviewer)


def review_annotators(project: Project, article_id: int, reviewer: str) -> list[str]:
    """Whose versions a reviewer sees: everyone but the reviewer who marked the article done."""
    states = project.states_of([article_id]).get(article_id, {})
    return sorted(n for n, (state, _) in states.items() if state == "done" and n != reviewer)


def clusters(
    project: Project, article_id: int, reviewer: str, names: list[str] | None = None
) -> list[Cluster]:
    """The article's regions, disagreements first, then in text order."""
    names = review_annotators(project, article_id, reviewer) if names is None else names
    spans: list[tuple[Span, str, dict[int, Span]]] = []
    for name in [*names, reviewer]:
        own = _own_spans(project, article_id, name)
        speakers = _speakers(project, article_id, name, own)
        spans += [(span, name, speakers) for span in own]
    spans.sort(key=lambda item: (item[0].start, -item[0].end))
    regions: list[Cluster] = []
    for span, name, speakers in spans:
        if not regions or span.start >= regions[-1].end:
            regions.append(Cluster(span.start, span.end, {n: [] for n in names}))
        region = regions[-1]
        region.end = max(region.end, span.end)
        (region.reviewer if name == reviewer else region.versions[name]).append(_key(span, speakers))
    regions = [r for r in regions if any(r.versions.values())]
    return sorted(regions, key=lambda r: (r.agreed, r.start))


def take_version(project: Project, article_id: int, reviewer: str, region: Cluster, keys: list[Key]) -> Edit:
    """Make the reviewer's spans in ``region`` exactly ``keys`` (empty: reject every version),
    attributes and QUOTE speakers included (a speaker the reviewer lacks is added as an ACTOR),
    except what :func:`version_split` leaves (a second entity label on a token)."""
    name = "reject all versions" if not keys else "take version"
    result = _Result(project, Edit(name=name, article_id=article_id, annotator=reviewer))
    wanted, _ = version_split(project, article_id, reviewer, region, keys)
    kept = list(keys)
    for span in result.live():
        if span.end <= region.start or span.start >= region.end:
            continue
        key = _key(span, result.speakers)
        if key in kept:
            kept.remove(key)
        else:
            result.drop(span)
    for key in sorted(wanted, key=lambda k: bool(k[4])):  # plain spans first: they may be speakers
        result.add(key)
    return result.edit


def version_split(
    project: Project, article_id: int, reviewer: str, region: Cluster, keys: list[Key]
) -> tuple[list[Key], list[Key]]:
    """The spans of ``keys`` the reviewer lacks in ``region``, as (what :func:`take_version`
    adds, what it leaves): it leaves an entity span that would put a second entity label on a
    token (over the reviewer's span kept outside the region or in ``keys``, or over another
    of ``keys``: the longest is taken), and a QUOTE whose speaker ACTOR would be one."""
    mine = _own_spans(project, article_id, reviewer)
    speakers = _speakers(project, article_id, reviewer, mine)
    wanted, kept = list(keys), []
    for span in mine:
        key = _key(span, speakers)
        if span.end <= region.start or span.start >= region.end:
            kept.append(span)
        elif key in wanted:
            wanted.remove(key)
            kept.append(span)
    actors = {(s.start, s.end) for s in kept if s.label == "ACTOR"}
    actors |= {(k[0], k[1]) for k in wanted if k[2] == "ACTOR"}
    needed = {k[4][:2] for k in wanted if k[4] and k[4][:2] not in actors}  # new speaker ACTORs
    pending = [_Placed(k) for k in wanted] + [
        _Placed((s[0], s[1], "ACTOR", "{}", ())) for s in sorted(needed)
    ]
    take, left = acceptable(pending, kept, entity_labels(project.scheme), lambda _: 0.0)
    unspoken = _speaker_left(take, kept)
    wanted_set = set(wanted)
    take_keys = [p.key for p in take if p not in unspoken and p.key in wanted_set]
    left_keys = [p.key for p in left + unspoken if p.key in wanted_set]
    return take_keys, left_keys


def accept_agreed(project: Project, article_id: int, reviewer: str, names: list[str] | None = None) -> Edit:
    """Give the reviewer every span all annotators agree on (label, attributes and QUOTE
    speaker; a QUOTE whose speakers differ is left to settle) and that the reviewer lacks,
    except those :func:`agreed_split` leaves (a second entity label on a token)."""
    result = _Result(project, Edit(name="accept agreed spans", article_id=article_id, annotator=reviewer))
    take, _ = agreed_split(project, article_id, reviewer, names)
    for key in sorted(take, key=lambda k: (bool(k[4]), k)):
        result.add(key)
    return result.edit


def agreed_split(
    project: Project, article_id: int, reviewer: str, names: list[str] | None = None
) -> tuple[list[Key], list[Key]]:
    """The spans all annotators agree on that the reviewer lacks, as (what
    :func:`accept_agreed` takes, what it leaves): it leaves an entity span that would put a
    second entity label on a token (over the reviewer's own entity, or an agreed one taken
    first: the longest), as Shift+A does in the annotating view, and a QUOTE whose speaker
    it leaves."""
    names = review_annotators(project, article_id, reviewer) if names is None else names
    if len(names) < 2:
        raise EditError("fewer than two annotators marked this article done: nothing to agree on")
    sets = []
    for name in names:
        own = _own_spans(project, article_id, name)
        speakers = _speakers(project, article_id, name, own)
        sets.append({_key(s, speakers) for s in own})
    mine = _own_spans(project, article_id, reviewer)
    have = {_key(s, _speakers(project, article_id, reviewer, mine)) for s in mine}
    wanted = [_Placed(k) for k in sorted(set.intersection(*sets) - have)]
    take, left = acceptable(wanted, mine, entity_labels(project.scheme), lambda _: 0.0)
    unspoken = _speaker_left(take, mine)
    take = [p for p in take if p not in unspoken]
    return [p.key for p in take], [p.key for p in left + unspoken]


def _speaker_left(take: list[_Placed], kept: list[Span]) -> list[_Placed]:
    """The QUOTEs of ``take`` whose speaker ACTOR is neither among ``kept`` nor taken."""
    actors = {(s.start, s.end) for s in kept if s.label == "ACTOR"}
    actors |= {(p.start, p.end) for p in take if p.label == "ACTOR"}
    return [p for p in take if p.key[4] and p.key[4][:2] not in actors]


@dataclass(frozen=True)
class _Placed:
    """An agreed span's key, placed (for ``entity_conflicts``)."""

    key: Key

    @property
    def start(self) -> int:
        return self.key[0]

    @property
    def end(self) -> int:
        return self.key[1]

    @property
    def label(self) -> str:
        return self.key[2]


def next_to_review(project: Project, reviewer: str, after_id: int = 0) -> int | None:
    """The next article (wrapping round) that two annotators marked done and ``reviewer`` has
    not marked reviewed."""
    waiting = project.review.awaiting_review(reviewer)
    later = [a for a in waiting if a > after_id]
    return (later or waiting)[0] if waiting else None


def _own_spans(project: Project, article_id: int, name: str) -> list[Span]:
    return [s for s in project.spans_for(article_id, name) if s.annotator == name and s.status == "accepted"]


def _speakers(project: Project, article_id: int, name: str, own: list[Span]) -> dict[int, Span]:
    """QUOTE id -> its linked ACTOR, among ``name``'s own accepted spans."""
    by_id = {s.id: s for s in own}
    return {
        r.head_id: by_id[r.child_id]
        for r in project.relations_of(article_id, name, ("accepted",))
        if r.annotator == name and r.label == SPEAKER and r.head_id in by_id and r.child_id in by_id
    }


class _Result:
    """The reviewer's spans and speaker links while one edit reshapes them."""

    def __init__(self, project: Project, edit: Edit):
        self.project, self.edit = project, edit
        mark_in_progress(project, edit)
        self.stamp = now_iso()
        self.spans = {s.id: s for s in _own_spans(project, edit.article_id, edit.annotator)}
        self.speakers = _speakers(project, edit.article_id, edit.annotator, list(self.spans.values()))
        self.relations = [
            r
            for r in project.relations_of(edit.article_id, edit.annotator, ("accepted",))
            if r.annotator == edit.annotator
        ]

    def live(self) -> list[Span]:
        return sorted(self.spans.values(), key=lambda s: (s.start, -s.end, s.id))

    def drop(self, span: Span) -> None:
        """Reject one of the reviewer's spans and the links to and from it."""
        del self.spans[span.id]
        self.edit.changes.append(
            Change("spans", span.to_row(), span.evolve(status="rejected", updated_at=self.stamp).to_row())
        )
        for rel in [r for r in self.relations if span.id in (r.head_id, r.child_id)]:
            self.relations.remove(rel)
            new = rel.evolve(status="rejected", updated_at=self.stamp)
            self.edit.changes.append(Change("relations", rel.to_row(), new.to_row()))

    def add(self, key: Key) -> Span:
        start, end, label, attrs, speaker = key
        span = self._new_span(start, end, label, json.loads(attrs))
        if speaker:
            actor = next(
                (s for s in self.live() if (s.start, s.end, s.label) == (*speaker, "ACTOR")), None
            ) or self._new_span(speaker[0], speaker[1], "ACTOR", {}, focus=False)
            self._link(span, actor)
        return span

    def _new_span(
        self, start: int, end: int, label: str, attrs: dict[str, object], focus: bool = True
    ) -> Span:
        span = Span(self.edit.article_id, start, end, label, attrs, "human", "accepted", self.edit.annotator,
                    id=self.project.new_id("spans"), created_at=self.stamp, updated_at=self.stamp)  # fmt: skip
        self.spans[span.id] = span
        self.edit.changes.append(Change("spans", None, span.to_row()))
        if focus:
            self.edit.focus_span_id = self.edit.focus_span_id or span.id
        return span

    def _link(self, quote: Span, actor: Span) -> None:
        rel = Relation(
            article_id=self.edit.article_id, head_id=quote.id or 0, child_id=actor.id or 0,
            label=SPEAKER, annotator=self.edit.annotator, id=self.project.new_id("relations"),
            created_at=self.stamp, updated_at=self.stamp,
        )  # fmt: skip
        self.relations.append(rel)
        self.speakers[quote.id or 0] = actor
        self.edit.changes.append(Change("relations", None, rel.to_row()))

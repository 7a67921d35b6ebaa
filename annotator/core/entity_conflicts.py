"""Entity labels that contradict each other: two entity spans (labels exported to ``doc.ents``,
e.g. ACTOR and LOCATION) over the same characters. Shift+A never accepts such a pair, and
token exports report (``--strict``: refuse) the pairs a project holds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from annotator.core.model import Span
from annotator.core.scheme import Scheme


class Placed(Protocol):
    """Anything with a character range and a label (a stored span, an exported one)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...


P = TypeVar("P", bound=Placed)
Q = TypeVar("Q", bound=Placed)


def entity_labels(scheme: Scheme) -> set[str]:
    """The labels exports put in ``doc.ents`` (one of them per token at most)."""
    return set(scheme.entity_label_names)


def overlap(a: Placed, b: Placed) -> bool:
    """Whether ``a`` and ``b`` share at least one character."""
    return a.start < b.end and b.start < a.end


def label_conflicts(spans: Sequence[P], entities: set[str]) -> list[tuple[P, P]]:
    """Pairs of entity spans with different labels that share characters (after snapping to
    tokens: that share a token), in text order."""
    ents = sorted((s for s in spans if s.label in entities), key=lambda s: (s.start, s.end, s.label))
    pairs = []
    for i, a in enumerate(ents):
        for b in ents[i + 1 :]:
            if b.start >= a.end:
                break
            if a.label != b.label:
                pairs.append((a, b))
    return pairs


def acceptable(
    pending: Iterable[P], kept: Iterable[Q], entities: set[str], score: Callable[[P], float]
) -> tuple[list[P], list[P]]:
    """Which ``pending`` suggestions can be accepted together with the ``kept`` (accepted)
    spans: an entity suggestion overlapping a kept entity, or an entity suggestion taken
    before it (best ``score``, then longest first), is left. Returns (take, left), each in
    the order of ``pending``."""
    items = list(pending)
    taken: list[Placed] = [k for k in kept if k.label in entities]
    order = sorted(range(len(items)), key=lambda i: (-score(items[i]), -(items[i].end - items[i].start), i))
    left: set[int] = set()
    for i in order:
        item = items[i]
        if item.label not in entities:
            continue
        if any(overlap(item, other) for other in taken):
            left.add(i)
        else:
            taken.append(item)
    return [s for i, s in enumerate(items) if i not in left], [s for i, s in enumerate(items) if i in left]


def overlapping_accepted(spans: Sequence[Span], entities: set[str]) -> set[int]:
    """The ids of the pending suggestions among ``spans`` (what one annotator sees) that can
    never stand beside a span accepted there: an entity suggestion sharing a character with an
    accepted entity span (inside a longer name, "Donald Trump" in "Donald Trump's", or partly
    over it, "Donald Trump" over an accepted "Trump's tariffs" LOCATION), or any suggestion
    sharing one with an accepted span of its own label (a QUOTE over half an accepted QUOTE).
    A QUOTE holding an accepted ACTOR is not among them: both can be right. Suggestion runs
    store none of these; they are the ones made before the person's span was."""
    accepted = [s for s in spans if s.status == "accepted"]
    return {
        s.stored_id for s in spans if s.is_suggestion and any(contradicts(s, a, entities) for a in accepted)
    }


def contradicts(suggestion: Placed, accepted: Placed, entities: set[str]) -> bool:
    """Whether ``suggestion`` can never stand beside the ``accepted`` span: they share a
    character and have the same label, or both have entity labels."""
    same_kind = suggestion.label == accepted.label or {suggestion.label, accepted.label} <= entities
    return same_kind and overlap(suggestion, accepted)


def accepted_over(suggestion: Placed, spans: Iterable[Span], entities: set[str]) -> list[Span]:
    """The accepted spans among ``spans`` that ``suggestion`` contradicts, in (start, end, id)
    order. The first of them with the suggestion's label stands in for it when it is a QUOTE's
    suggested speaker: accepting the QUOTE links that span (``edits``), and the window names it."""
    over = [s for s in spans if s.status == "accepted" and contradicts(suggestion, s, entities)]
    return sorted(over, key=lambda s: (s.start, s.end, s.stored_id))

"""The open article as one annotator sees it: text, visible spans, focus, speakers, tokens.

Positions are code points here; :meth:`to_qt` / :meth:`from_qt` convert through the core's
one converter (:class:`~annotator.core.offsets.OffsetMap`, folding CRLF like QTextDocument).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from annotator.core.edits import Edit, blind_hides
from annotator.core.entity_conflicts import accepted_over, entity_labels, overlapping_accepted
from annotator.core.model import SPEAKER_GUESS, Article, Span
from annotator.core.offsets import OffsetMap
from annotator.core.tokens import Tokens, move_edge, snap, token_at, tokenize, without_possessive


def _reading_order(span: Span) -> tuple[int, int, int]:
    return span.start, -span.end, span.stored_id


class ArticleState:
    """Spans of one article for one annotator, in reading order, with a focused span."""

    def __init__(self, article: Article):
        self.article = article
        self.offsets = OffsetMap(article.text, collapse_crlf=True)
        self.spans: list[Span] = []
        self._covered: list[Span] = []  # suggestions hidden under an accepted span (``_show``)
        self.speakers: dict[int, int] = {}
        self.alternatives: dict[int, list[tuple[str, str]]] = {}  # suggestion id -> other labels
        self.suggested_speakers: set[int] = set()  # QUOTEs whose speaker link is a suggestion
        self.guessed_speakers: set[int] = set()  # … a guess: only named near the quote
        self.focus_id: int | None = None
        self._tokens: Tokens | None = None

    # -- loading -----------------------------------------------------------------------
    def reload(self, project, annotator: str, focus_id: int | None = None, blind: bool = False) -> None:
        """Read the spans again; keep the focus on ``focus_id``, or near where it was. ``blind``
        leaves out memory suggestions (they repeat what other people accepted)."""
        old_index = self.focus_index()
        spans = [
            s
            for s in project.spans_for(self.article.id, annotator)
            if s.status != "rejected" and not (blind and blind_hides(s))
        ]
        self._show(spans, entity_labels(project.scheme))
        self.alternatives = project.alternatives(self.article.id)
        self._load_speakers(project, annotator)
        self._refocus(focus_id, old_index)

    def _load_speakers(self, project, annotator: str) -> None:
        """QUOTE id -> speaker id. A suggested link whose speaker the annotator has decided
        points at their own version (accepting the QUOTE links that one); one whose speaker
        they rejected is dropped (accepting links none). One whose speaker is out of view under
        their span points where accepting links (``edits``): that span when it has the
        speaker's label, else nowhere."""
        ids = {s.id for s in self.spans}
        own = {s.suggestion_id: s.id for s in self.spans if s.suggestion_id}
        own |= self._under_own(entity_labels(project.scheme))
        self.speakers, self.suggested_speakers, self.guessed_speakers = {}, set(), set()
        for r in project.relations_of(self.article.id, annotator):
            child = r.child_id if r.child_id in ids else own.get(r.child_id)
            if r.label == "SPEAKER" and r.head_id in ids and child is not None:
                self.speakers[r.head_id] = child
                if r.status == "suggested":
                    self.suggested_speakers.add(r.head_id)
                    if r.origin == SPEAKER_GUESS:
                        self.guessed_speakers.add(r.head_id)

    def _under_own(self, entities: set[str]) -> dict[int, int]:
        """Hidden suggestion id -> the id of the annotator's accepted span of its label that
        it contradicts, the one accepting a QUOTE links in its place (``accepted_over``)."""
        out: dict[int, int] = {}
        for hidden in self._covered:
            over = accepted_over(hidden, self.spans, entities)
            standing = next((s for s in over if s.label == hidden.label), None)
            if standing is not None:
                out[hidden.stored_id] = standing.stored_id
        return out

    def apply(self, project, edit: Edit, forward: bool) -> None:
        """Follow one written edit (or its undo) without reading every span again.

        The rows the edit wrote are exactly what changed; a suggestion comes back into view
        when the annotator's decision on it is undone. An undo focuses the span it brought
        back (the one ``x`` rejected, say), the edit's first; a redo, the span the edit names.
        """
        old_index = self.focus_index()
        by_id = {s.stored_id: s for s in [*self.spans, *self._covered]}
        back: int | None = None
        for change in edit.changes if forward else reversed(edit.changes):
            old, new = (change.before, change.after) if forward else (change.after, change.before)
            if change.table == "spans":
                back = self._apply_span(project, by_id, old, new) or back
        self._show(by_id.values(), entity_labels(project.scheme))
        self._load_speakers(project, edit.annotator)
        self._refocus(edit.focus_span_id if forward else back, old_index)

    def _show(self, spans: Iterable[Span], entities: set[str]) -> None:
        """Show ``spans`` in reading order, but keep a pending suggestion that contradicts a span
        the annotator accepted (``overlapping_accepted``) out of view until that span goes."""
        spans = list(spans)
        covered = overlapping_accepted(spans, entities)
        self.spans = sorted((s for s in spans if s.stored_id not in covered), key=_reading_order)
        self._covered = [s for s in spans if s.stored_id in covered]

    def _apply_span(
        self, project, by_id: dict[int, Span], old: dict[str, Any] | None, new: dict[str, Any] | None
    ) -> int | None:
        """Follow one span row change; the id of the span it puts in view (None: none)."""
        if new is None:
            assert old is not None, "a change has a before or an after image"
            by_id.pop(old["id"], None)
            if old.get("suggestion_id"):
                suggestion = project.span(old["suggestion_id"])
                if suggestion.status == "suggested":
                    by_id[suggestion.stored_id] = suggestion
                    return suggestion.stored_id
            return None
        span = Span.from_row(new)
        if span.suggestion_id:
            by_id.pop(span.suggestion_id, None)
        hidden = [
            s.stored_id
            for s in by_id.values()
            if s.is_suggestion
            and s.annotator is None
            and (s.start, s.end, s.label) == (span.start, span.end, span.label)
        ]
        for suggestion_id in hidden:
            del by_id[suggestion_id]
        if span.status == "rejected":
            by_id.pop(span.stored_id, None)
            return None
        by_id[span.stored_id] = span
        return span.stored_id

    def _refocus(self, focus_id: int | None, old_index: int | None) -> None:
        ids = {s.id for s in self.spans}
        if focus_id in ids:
            self.focus_id = focus_id
        elif self.focus_id not in ids:
            self.focus_id = self._id_at(old_index)

    def _id_at(self, index: int | None) -> int | None:
        if index is None or not self.spans:
            return None
        return self.spans[min(index, len(self.spans) - 1)].id

    # -- focus -------------------------------------------------------------------------
    def focus_index(self) -> int | None:
        return next((i for i, s in enumerate(self.spans) if s.id == self.focus_id), None)

    def focused(self) -> Span | None:
        index = self.focus_index()
        return self.spans[index] if index is not None else None

    def step_focus(self, delta: int, from_position: int = 0) -> Span | None:
        """Focus the next (+1) or previous (-1) span; without a focus, start at ``from_position``
        (the text cursor: a search's match, a click): +1 takes the first span holding it or
        after it, -1 the last one starting before it."""
        if not self.spans:
            return None
        index = self.focus_index()
        if index is None and delta > 0:
            index = next((i for i, s in enumerate(self.spans) if s.end > from_position), len(self.spans)) - 1
        elif index is None:
            index = bisect_left([s.start for s in self.spans], from_position)
        index = max(0, min(len(self.spans) - 1, index + delta))
        self.focus_id = self.spans[index].id
        return self.spans[index]

    def span(self, span_id: int) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None)

    def pending(self) -> list[Span]:
        return [s for s in self.spans if s.is_suggestion]

    def actors_near(self, quote: Span, limit: int = 9) -> list[Span]:
        """ACTOR spans ordered by distance from ``quote`` (the likely speakers first); the
        linked speaker is always among them."""
        actors = [s for s in self.spans if s.label == "ACTOR"]
        distance = lambda s: max(quote.start - s.end, s.start - quote.end, 0)  # noqa: E731
        near = sorted(actors, key=distance)[:limit]
        linked = self.span(self.speakers.get(quote.stored_id, -1))
        if linked is not None and linked not in near:
            near[-1:] = [linked]
        return near

    def likely_speaker(self, quote: Span, actors: list[Span]) -> int:
        """Index in ``actors`` to preselect: the linked speaker, else the nearest ACTOR
        before the quote ("Merz said: ..."), else the nearest one."""
        linked = self.speakers.get(quote.stored_id)
        ids = [a.id for a in actors]
        if linked in ids:
            return ids.index(linked)
        before = [i for i, a in enumerate(actors) if a.end <= quote.start]
        return before[0] if before else 0

    # -- tokens and positions ------------------------------------------------------------
    @property
    def tokens(self) -> Tokens:
        if self._tokens is None:
            self._tokens = tokenize(self.article.text)
        return self._tokens

    def to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_units(start, end)

    def from_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_codepoints(start, end)

    def snap_qt(self, start: int, end: int) -> tuple[int, int] | None:
        """A Qt selection snapped to word tokens, in Qt positions."""
        snapped = snap(self.tokens, *self.from_qt(start, end))
        return self.to_qt(*snapped) if snapped else None

    def without_possessive(self, start: int, end: int) -> tuple[int, int]:
        """A name's range without the possessive after it (code points)."""
        return without_possessive(self.tokens, self.article.text, start, end)

    def token_at_qt(self, position: int) -> tuple[int, int] | None:
        found = token_at(self.tokens, self.offsets.to_codepoints(position))
        return self.to_qt(*found) if found else None

    def moved(self, span: Span, edge: str, step: int) -> tuple[int, int] | None:
        """``span``'s range with one edge moved by a word token (code points)."""
        return move_edge(self.tokens, span.start, span.end, edge, step)

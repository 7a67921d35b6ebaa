"""Every change a person can make, as an :class:`Edit`: a list of row changes with before/after.

Build an edit with one of the functions below through ``perform(project, fn, ...)``; it is
computed from the current state and written, with its history and an edit-log entry, in one
transaction. :func:`revert` and :func:`reapply` take it back and make it again (each itself
written and logged); :mod:`annotator.core.undo` finds what to undo or redo in the edit log.

Suggestions (``annotator`` None) are shared by all annotators and never modified: a person's
decision about one is a row of their own that points back at it by ``suggestion_id``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.core.entity_conflicts import acceptable, accepted_over, entity_labels, overlapping_accepted
from annotator.core.errors import EditError
from annotator.core.model import ARTICLE_STATES, Cause, Change, EditRecord, Relation, Span, now_iso

if TYPE_CHECKING:
    from annotator.core.store import Project

SPEAKER = "SPEAKER"

__all__ = [
    "Change",
    "Edit",
    "accept_all_split",
    "blind_hides",
    "check_unchanged",
    "mark_in_progress",
    "perform",
    "reapply",
    "revert",
]


@dataclass
class Edit:
    """A named, reversible user action on one article (``id``: its edit-log entry)."""

    name: str
    article_id: int
    annotator: str
    changes: list[Change] = field(default_factory=list)
    focus_span_id: int | None = None
    id: int | None = None


def perform(project: Project, build: Callable[..., Edit], *args: Any, **kwargs: Any) -> Edit:
    """Build an edit from the current state and apply it, in one transaction."""
    with project.person_transaction("the edit"):
        edit = build(project, *args, **kwargs)
        edit.id = _write(project, edit, "do")
    return edit


def revert(project: Project, edit: Edit) -> None:
    """Take back an applied edit (itself written and logged as ``undo NAME``), as recorded;
    :func:`annotator.core.undo.undo` first checks nothing else changed its rows."""
    with project.person_transaction("the undo"):
        _write(project, edit, "undo")


def reapply(project: Project, edit: Edit) -> None:
    """Make a reverted edit again (itself written and logged as ``redo NAME``)."""
    with project.person_transaction("the redo"):
        _write(project, edit, "redo")


def _write(project: Project, edit: Edit, kind: str) -> int:
    """Write the edit's changes (reversed for an undo) under a new edit-log entry; its id."""
    forward = kind != "undo"
    entry = EditRecord(
        0,
        edit.article_id,
        edit.annotator,
        edit.name,
        kind,
        undoes=edit.id if kind != "do" else None,
        focus_span_id=edit.focus_span_id,
    )
    entry_id = project.log_edit(entry)
    action = edit.name if kind == "do" else f"{kind} {edit.name}"
    cause = Cause(edit.annotator, action, edit.article_id, entry_id)
    for change in edit.changes if forward else reversed(edit.changes):
        project.write_change(change if forward else change.reversed(), cause)
    return entry_id


def check_unchanged(project: Project, edit: Edit, forward: bool) -> None:
    """EditError when undoing (``forward``: redoing) ``edit`` would overwrite a change made
    since by something else: each row must still be as the edit (for a redo: its undo) left it."""
    expected: dict[tuple[Any, ...], tuple[str, dict[str, Any], dict[str, Any] | None]] = {}
    for change in edit.changes if forward else reversed(edit.changes):
        row = change.before or change.after
        assert row is not None, "a change has a before or an after image"
        image = change.before if forward else change.after
        expected.setdefault(_row_key(change.table, row), (change.table, row, image))
    for table, row, image in expected.values():
        if not _same(table, project.current_row(table, row), image):
            verb = "redo" if forward else "undo"
            raise EditError(f"cannot {verb} {edit.name!r}: the article was changed since")


def _row_key(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    if table == "article_states":
        return (table, row["article_id"], row["annotator"])
    return (table, row["id"])


def _same(table: str, now: dict[str, Any] | None, image: dict[str, Any] | None) -> bool:
    if now is None or image is None:
        return now is None and image is None
    if table == "article_states":  # its time stamp is set when written, not copied
        return bool(now["state"] == image["state"])
    return all(now.get(k) == v for k, v in image.items())


# -- helpers ---------------------------------------------------------------------------------


def _own(project: Project, edit: Edit, span: Span, **changes: Any) -> Span:
    """Make ``span`` the annotator's own with ``changes``: update their row, or copy a suggestion."""
    stamp = now_iso()
    if span.annotator == edit.annotator:
        new = span.evolve(updated_at=stamp, **changes)
        edit.changes.append(Change("spans", span.to_row(), new.to_row()))
        return new
    if span.annotator is not None:
        raise EditError(f"span {span.id} belongs to {span.annotator}, not {edit.annotator}")
    fields = {"status": "accepted", **changes}
    new = span.evolve(
        id=project.new_id("spans"),
        annotator=edit.annotator,
        suggestion_id=span.id,
        score=span.score,
        created_at=stamp,
        updated_at=stamp,
        **fields,
    )
    edit.changes.append(Change("spans", None, new.to_row()))
    return new


def mark_in_progress(project: Project, edit: Edit) -> None:
    """Add the change that makes the article ``in_progress`` for the edit's annotator, unless
    they have already started it (or finished it)."""
    before = project.state_row(edit.article_id, edit.annotator)
    if before is None or before["state"] == "new":
        after = {
            "article_id": edit.article_id,
            "annotator": edit.annotator,
            "state": "in_progress",
            "updated_at": now_iso(),
        }
        edit.changes.append(Change("article_states", before, after))


def _check_range(project: Project, article_id: int, start: int, end: int) -> None:
    length = len(project.article(article_id).text)
    if not 0 <= start < end <= length:
        raise EditError(f"span {start}..{end} is outside the article (0..{length}) or empty")


def _check_label(project: Project, label: str, attrs: dict[str, Any] | None = None) -> None:
    if label not in project.scheme.label_names:
        raise EditError(f"unknown label {label!r}; the scheme has {project.scheme.label_names}")
    problem = project.scheme.check_attrs(label, attrs or {})
    if problem:
        raise EditError(problem)


def _start(project: Project, name: str, span: Span, annotator: str) -> Edit:
    edit = Edit(name=name, article_id=span.article_id, annotator=annotator)
    mark_in_progress(project, edit)
    return edit


def _accept_suggested_relations(project: Project, edit: Edit, old: Span, new: Span) -> None:
    """Accepting a QUOTE suggestion also accepts its suggested speaker link (and speaker). A
    suggested speaker the annotator's own span contradicts (it is out of view under it:
    ``overlapping_accepted``) is not accepted beside it: the link goes to that span when it
    has the speaker's label, else there is none."""
    for rel in project.relations_of(old.article_id, statuses=("suggested",)):
        if rel.head_id != old.id or rel.annotator is not None:
            continue
        speaker = project.span(rel.child_id)
        child = _existing_decision(project, edit, speaker)
        if child is None and (standing := _standing_over(project, edit, speaker)):
            child = next((s for s in standing if s.label == speaker.label), None)
            if child is None:
                continue
        child = child or _own(project, edit, speaker)
        if child.status == "rejected":
            continue
        _add_relation(project, edit, new.stored_id, child.stored_id, rel.label, origin=rel.origin)


def _standing_over(project: Project, edit: Edit, suggestion: Span) -> list[Span]:
    """The annotator's accepted spans (this edit's included) that ``suggestion`` contradicts."""
    mine = {s.stored_id: s for s in project.spans_for(edit.article_id, edit.annotator) if not s.is_suggestion}
    for change in edit.changes:
        if change.table == "spans" and change.after:
            span = Span.from_row(change.after)
            mine[span.stored_id] = span
    return accepted_over(suggestion, mine.values(), entity_labels(project.scheme))


def _decision_for(project: Project, edit: Edit, span: Span) -> Span:
    """The annotator's own version of ``span``, accepting the suggestion when there is none."""
    return _existing_decision(project, edit, span) or _own(project, edit, span)


def _existing_decision(project: Project, edit: Edit, span: Span) -> Span | None:
    """The annotator's own version of ``span`` (``span`` itself when it is theirs), if any."""
    if span.annotator == edit.annotator:
        return span
    for change in edit.changes:
        if change.table == "spans" and change.after and change.after.get("suggestion_id") == span.id:
            return Span.from_row(change.after)
    mine = [s for s in project.spans_for(span.article_id, edit.annotator) if s.suggestion_id == span.id]
    return mine[0] if mine else None


def _add_relation(
    project: Project, edit: Edit, head_id: int, child_id: int, label: str, origin: str = "human"
) -> None:
    stamp = now_iso()
    rel = Relation(
        article_id=edit.article_id,
        head_id=head_id,
        child_id=child_id,
        label=label,
        origin=origin,
        status="accepted",
        annotator=edit.annotator,
        id=project.new_id("relations"),
        created_at=stamp,
        updated_at=stamp,
    )
    edit.changes.append(Change("relations", None, rel.to_row()))


def _reject_relations_of(project: Project, edit: Edit, span_id: int, only_head: bool = False) -> None:
    for rel in project.relations_of(edit.article_id, edit.annotator, ("accepted",)):
        touches = rel.head_id == span_id or (not only_head and rel.child_id == span_id)
        if touches and rel.annotator == edit.annotator:
            new = rel.evolve(status="rejected", updated_at=now_iso())
            edit.changes.append(Change("relations", rel.to_row(), new.to_row()))


# -- the edits -------------------------------------------------------------------------------


def add_span(
    project: Project,
    article_id: int,
    start: int,
    end: int,
    label: str,
    annotator: str,
    attrs: dict[str, Any] | None = None,
) -> Edit:
    """A person marks ``[start, end)`` with ``label``."""
    _check_range(project, article_id, start, end)
    _check_label(project, label, attrs)
    edit = Edit(name=f"add {label}", article_id=article_id, annotator=annotator)
    mark_in_progress(project, edit)
    stamp = now_iso()
    span = Span(
        article_id=article_id,
        start=start,
        end=end,
        label=label,
        attrs=attrs or {},
        origin="human",
        status="accepted",
        annotator=annotator,
        id=project.new_id("spans"),
        created_at=stamp,
        updated_at=stamp,
    )
    edit.changes.append(Change("spans", None, span.to_row()))
    edit.focus_span_id = span.id
    return edit


def accept(project: Project, span_id: int, annotator: str) -> Edit:
    """Accept a suggestion (and, for a QUOTE, its suggested speaker)."""
    span = project.span(span_id)
    edit = _start(project, f"accept {span.label}", span, annotator)
    new = _own(project, edit, span, status="accepted")
    _accept_suggested_relations(project, edit, span, new)
    edit.focus_span_id = new.id
    return edit


def accept_all(project: Project, article_id: int, annotator: str, blind: bool = False) -> Edit:
    """Accept every suggestion the annotator has not decided on in this article, except an
    entity suggestion that would put a second entity label on a token (over an accepted
    entity, or a better-supported suggestion accepted with it): those stay pending. With
    ``blind``, only the suggestions blind labelling shows (see :func:`blind_hides`)."""
    edit = Edit(name="accept all", article_id=article_id, annotator=annotator)
    mark_in_progress(project, edit)
    pending, _ = accept_all_split(project, article_id, annotator, blind)
    decided: dict[int, Span] = {}
    for span in pending:
        decided[span.stored_id] = _decision_for(project, edit, span)
    for span in pending:
        _accept_suggested_relations(project, edit, span, decided[span.stored_id])
    return edit


def accept_all_split(
    project: Project, article_id: int, annotator: str, blind: bool = False
) -> tuple[list[Span], list[Span]]:
    """What :func:`accept_all` does with the suggestions the annotator sees: (the ones it
    accepts, the ones it leaves because they would put a second entity label on a token).
    A suggestion blind labelling hides is in neither, and never weighed against the others;
    nor is one the window hides under a span accepted over it (``overlapping_accepted``)."""
    view = project.spans_for(article_id, annotator)
    entities = entity_labels(project.scheme)
    hidden = overlapping_accepted(view, entities)
    pending = [
        s
        for s in view
        if s.annotator is None and not (blind and blind_hides(s)) and s.stored_id not in hidden
    ]
    kept = [s for s in view if s.annotator == annotator and s.status == "accepted"]
    return acceptable(pending, kept, entities, lambda s: s.score or 0.0)


def blind_hides(span: Span) -> bool:
    """Whether blind labelling hides ``span``: a memory suggestion repeats what other people
    accepted."""
    return span.annotator is None and span.origin == "memory"


def reject(project: Project, span_id: int, annotator: str) -> Edit:
    """Reject a suggestion, or delete one of the annotator's own spans (kept as rejected)."""
    span = project.span(span_id)
    name = "reject" if span.annotator is None else "delete"
    edit = _start(project, f"{name} {span.label}", span, annotator)
    new = _own(project, edit, span, status="rejected")
    _reject_relations_of(project, edit, new.stored_id)
    return edit


def relabel(project: Project, span_id: int, label: str, annotator: str) -> Edit:
    """Give a span another label (attributes that the new label lacks are dropped)."""
    _check_label(project, label)
    span = project.span(span_id)
    keep = {a.name for a in project.scheme.label(label).attributes}
    attrs = {k: v for k, v in span.attrs.items() if k in keep}
    edit = _start(project, f"relabel {span.label} to {label}", span, annotator)
    new = _own(project, edit, span, label=label, attrs=attrs, status="accepted")
    edit.focus_span_id = new.id
    return edit


def resize(project: Project, span_id: int, start: int, end: int, annotator: str) -> Edit:
    """Move a span's boundaries."""
    span = project.span(span_id)
    _check_range(project, span.article_id, start, end)
    edit = _start(project, f"resize {span.label}", span, annotator)
    new = _own(project, edit, span, start=start, end=end, status="accepted")
    edit.focus_span_id = new.id
    return edit


def set_attrs(project: Project, span_id: int, attrs: dict[str, Any], annotator: str) -> Edit:
    """Replace a span's attributes (CASUALTY numbers, qualifier, kind)."""
    span = project.span(span_id)
    _check_label(project, span.label, attrs)
    edit = _start(project, f"edit {span.label} attributes", span, annotator)
    new = _own(project, edit, span, attrs=dict(attrs), status="accepted")
    edit.focus_span_id = new.id
    return edit


def link_speaker(project: Project, quote_id: int, actor_id: int, annotator: str) -> Edit:
    """Make ``actor_id`` the speaker of ``quote_id`` (replacing any earlier speaker link)."""
    quote, actor = project.span(quote_id), project.span(actor_id)
    if quote.article_id != actor.article_id:
        raise EditError("a quote and its speaker must be in the same article")
    edit = _start(project, "link speaker", quote, annotator)
    own_quote = _decision_for(project, edit, quote)
    own_actor = _decision_for(project, edit, actor)
    for span in (own_quote, own_actor):
        if span.status != "accepted":
            _own(project, edit, span, status="accepted")
    _reject_relations_of(project, edit, own_quote.stored_id, only_head=True)
    _add_relation(project, edit, own_quote.stored_id, own_actor.stored_id, SPEAKER)
    edit.focus_span_id = own_quote.id
    return edit


def set_state(project: Project, article_id: int, state: str, annotator: str) -> Edit:
    """Mark an article done, skipped, flagged, reviewed, in progress or new for this annotator."""
    before = project.state_row(article_id, annotator)
    after = {"article_id": article_id, "annotator": annotator, "state": state, "updated_at": now_iso()}
    if state not in ARTICLE_STATES:
        raise EditError(f"unknown article state {state!r}")
    edit = Edit(name=f"mark {state}", article_id=article_id, annotator=annotator)
    edit.changes.append(Change("article_states", before, after))
    return edit

"""Compute suggestions for articles and store them, one short transaction per batch.

Never touches human work: a suggestion whose (start, end, label) already exists as any row of
the article, that overlaps a person's span of the same label, or that covers exactly the words
of a span a person accepted with another label, is not stored; existing rows
are never changed (a pending memory suggestion memory no longer supports is withdrawn:
``stale_memory``). Finished articles get a ``suggest_done`` row naming the model, so an
interrupted run resumes; when the project's model changes, an article's pending (undecided)
suggestions from the other model are replaced by the new model's.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from annotator.core.batching import batched
from annotator.core.model import SPEAKER_GUESS, Relation, Span, now_iso
from annotator.core.suggest.memory import ENTITY_LABELS, learnt, memory_enabled
from annotator.core.suggest.one_per_place import entity_rows, place
from annotator.core.suggest.pipeline import DEFAULT_MODELS, RULES_NAME, SuggestPipeline
from annotator.core.suggest.process_pool import suggest_stream
from annotator.core.suggest.stale_memory import Support, withdraw_stale
from annotator.core.suggest.suggestion import Suggestion

if TYPE_CHECKING:
    from annotator.core.store import Project

SUGGESTER = "news"
WRITE_BATCH = 32


def pending_ids(project: Project, article_ids: Iterable[int], model: str | None = None) -> list[int]:
    """The articles of ``article_ids`` with no ``suggest_done`` row yet, or (given ``model``)
    whose suggestions another model made."""
    done = project.suggested_models(SUGGESTER)
    return [i for i in article_ids if i not in done or (model and _other_model(done[i], model))]


def stale_ids(project: Project, article_ids: Iterable[int], model: str) -> set[int]:
    """The articles of ``article_ids`` whose suggestions a model other than ``model`` made."""
    done = project.suggested_models(SUGGESTER)
    return {i for i in article_ids if i in done and _other_model(done[i], model)}


def stale_articles(project: Project, model: str) -> list[int]:
    """Every article whose suggestions a model other than ``model`` made, in id order."""
    done = project.suggested_models(SUGGESTER)
    return sorted(i for i, made_by in done.items() if _other_model(made_by, model))


def _other_model(made_by: str | None, model: str) -> bool:
    """Whether suggestions ``made_by`` a model are another model's than ``model``'s. Rows
    from before models were recorded count as the default models' (or the rules')."""
    if made_by is None:
        return model not in (*DEFAULT_MODELS, RULES_NAME)
    return made_by != model


def suggest_articles(
    project: Project,
    article_ids: list[int],
    pipeline: SuggestPipeline,
    force: bool = False,
    batch_size: int = 64,
    n_process: int = 1,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    editing: Collection[int] = (),
    withdrew: Callable[[int, int], None] | None = None,
    editor: str | None = None,
) -> int:
    """Suggest for ``article_ids`` (skipping done ones unless ``force``); returns how many
    suggestions were stored. ``progress(n)`` is called after each committed batch;
    ``cancelled()`` returning True stops after the current batch. ``editing``: articles
    open for editing by ``editor``, whose decisions annotation memory learns only once
    ``editor`` marked them done or reviewed (or they are left).
    ``withdrew(article_id, n)``: after a batch commits, for each article that lost ``n``
    pending memory suggestions memory no longer supports."""
    model = pipeline.model_name
    todo = list(article_ids) if force else pending_ids(project, article_ids, model)
    stale = stale_ids(project, todo, model)
    pipeline.suggester.reported_speech = project.scheme.reported_speech
    support = Support(*learnt(project, editing, editor)) if memory_enabled(project) else Support({}, {})
    found = suggest_stream(pipeline, project.article_texts(todo), support.finished, batch_size, n_process)
    stored = 0
    try:
        for chunk in batched(found, WRITE_BATCH):
            added, gone = _write(project, chunk, model, stale, support)
            stored += added
            for article_id, n in gone.items():
                if withdrew:
                    withdrew(article_id, n)
            if progress:
                progress(len(chunk))
            if cancelled and cancelled():
                break
    finally:
        found.close()  # stops the worker processes at once when the caller stops early
    return stored


def _write(
    project: Project,
    chunk: list[tuple[int, list[Suggestion]]],
    model: str,
    stale: set[int],
    support: Support,
) -> tuple[int, dict[int, int]]:
    """Store one batch of articles' suggestions (first dropping the pending ones of ``stale``
    articles, and the pending memory suggestions memory no longer ``support``s) and mark them
    done by ``model``, in one transaction; how many were stored, and withdrawn per article."""
    stored, withdrawn = 0, {}
    with project.transaction():
        stamp = now_iso()
        for article_id, found in chunk:
            if article_id in stale:
                project.drop_pending_suggestions(article_id)
            if n := withdraw_stale(project, article_id, found, support):
                withdrawn[article_id] = n
            stored += _store(project, article_id, found, stamp)
        project.mark_suggested([article_id for article_id, _ in chunk], SUGGESTER, stamp, model)
    return stored, withdrawn


def _store(project: Project, article_id: int, found: list[Suggestion], stamp: str) -> int:
    """Insert the new suggestions of one article and the speaker links of its quotes (one
    suggestion per place: see ``one_per_place``)."""
    scheme = project.scheme
    existing = project.span_keys(article_id)
    human = project.human_spans(article_id)
    entities = entity_rows(project, article_id)
    ids: dict[tuple[int, int, str], int] = {}
    rows = []
    alternatives: list[tuple[int, str, str]] = []
    for s in found:
        if s.key in existing or s.key in ids or _overlaps_human(s, human):
            continue
        if s.label not in scheme.label_names or scheme.check_attrs(s.label, s.attrs):
            continue
        placed = place(s, entities)
        alternatives += placed.alternatives
        if not placed.store or not _replace(project, placed.replaces, entities, s, alternatives):
            continue
        ids[s.key] = project.new_id("spans")
        alternatives += [(ids[s.key], label, origin) for label, origin in s.alternatives]
        rows.append(
            Span(
                article_id,
                s.start,
                s.end,
                s.label,
                s.attrs,
                s.origin,
                "suggested",
                None,
                s.score,
                id=ids[s.key],
                created_at=stamp,
                updated_at=stamp,
            )
        )
        if s.label in ENTITY_LABELS:
            entities.append(rows[-1])
    project.add_spans(rows)
    project.add_alternatives(alternatives)
    _link_speakers(project, article_id, found, ids, human)
    return len(rows)


def _replace(
    project: Project,
    ids: list[int],
    entities: list[Span],
    s: Suggestion,
    alternatives: list[tuple[int, str, str]],
) -> bool:
    """Delete the pending suggestions ``s`` takes the place of; their labels over the same
    words become its alternatives. False (nothing stored) when someone decided on one."""
    rows = [r for r in entities if r.id in ids]
    if len(project.undecided_among(ids)) < len(ids):  # someone decided: theirs stays, s does not
        alternatives += [
            (r.stored_id, s.label, s.origin) for r in rows if (r.start, r.end) == (s.start, s.end)
        ]
        return False
    for i in ids:
        project.replace_suggestion(i)
    entities[:] = [r for r in entities if r.id not in ids]
    s.alternatives += [(r.label, r.origin) for r in rows if (r.start, r.end) == (s.start, s.end)]
    return True


def _overlaps_human(s: Suggestion, human: list[Span]) -> bool:
    """A person's span of the same label overlaps it, or a person accepted exactly these
    words with another label (a second label there would contradict them, not help)."""
    return any(
        (h.label == s.label and h.start < s.end and s.start < h.end)
        or (h.status == "accepted" and (h.start, h.end) == (s.start, s.end))
        for h in human
    )


def _link_speakers(
    project: Project,
    article_id: int,
    found: list[Suggestion],
    ids: dict[tuple[int, int, str], int],
    human: list[Span],
) -> None:
    for s in found:
        if s.label != "QUOTE" or s.speaker is None or s.key not in ids:
            continue
        actor_id = (
            ids.get((*s.speaker, "ACTOR"))
            or _new_actor_over(ids, s.speaker)
            or _existing_actor(project, article_id, s.speaker, human)
        )
        if actor_id:
            project.add_relation(
                Relation(
                    article_id,
                    head_id=ids[s.key],
                    child_id=actor_id,
                    label="SPEAKER",
                    origin=SPEAKER_GUESS if s.speaker_guess else "model",
                    status="suggested",
                    annotator=None,
                ),
            )


def _new_actor_over(ids: dict[tuple[int, int, str], int], where: tuple[int, int]) -> int | None:
    """A just-stored ACTOR overlapping the speaker (memory may have reshaped the entity)."""
    start, end = where
    return next((i for (a, b, label), i in ids.items() if label == "ACTOR" and a < end and start < b), None)


def _existing_actor(
    project: Project, article_id: int, where: tuple[int, int], human: list[Span]
) -> int | None:
    """A person's accepted ACTOR over the speaker, else a still-open ACTOR suggestion there."""
    start, end = where
    for h in human:
        if h.label == "ACTOR" and h.status == "accepted" and h.start < end and start < h.end:
            return h.id
    rejected = {h.suggestion_id for h in human if h.status == "rejected"}
    found = project.suggestion_at(article_id, start, end, "ACTOR")
    return found if found and found not in rejected else None

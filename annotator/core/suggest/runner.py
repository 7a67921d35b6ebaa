"""Compute suggestions for articles and store them, one short transaction per batch.

Never touches human work: a suggestion whose (start, end, label) already exists as any row of
the article, that overlaps a person's span of the same label, or that covers exactly the words
of a span a person accepted with another label, is not stored; existing rows
are never changed. Finished articles get a ``suggest_done`` row, so an interrupted run resumes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from annotator.core.model import Relation, Span, now_iso
from annotator.core.store import spans as span_rows
from annotator.core.suggest.memory import memory_enabled, remembered
from annotator.core.suggest.pipeline import SuggestPipeline
from annotator.core.suggest.suggestion import Suggestion
from annotator.core.suggest.workers import suggest_stream

if TYPE_CHECKING:
    from annotator.core.store.project import Project

SUGGESTER = "news"
WRITE_BATCH = 32
_INSERT = (
    "INSERT INTO spans (id, article_id, start, end, label, attrs, origin, status, annotator, "
    "score, suggestion_id, created_at, updated_at) VALUES (:id, :article_id, :start, :end, "
    ":label, :attrs, :origin, :status, :annotator, :score, :suggestion_id, :created_at, "
    ":updated_at)"
)


def pending_ids(project: Project, article_ids: Iterable[int]) -> list[int]:
    """The articles of ``article_ids`` that have no ``suggest_done`` row yet."""
    done = {
        r[0]
        for r in project.db.execute("SELECT article_id FROM suggest_done WHERE suggester = ?", [SUGGESTER])
    }
    return [i for i in article_ids if i not in done]


def suggest_articles(
    project: Project,
    article_ids: list[int],
    pipeline: SuggestPipeline,
    force: bool = False,
    batch_size: int = 64,
    n_process: int = 1,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Suggest for ``article_ids`` (skipping done ones unless ``force``); returns how many
    suggestions were stored. ``progress(n)`` is called after each committed batch;
    ``cancelled()`` returning True stops after the current batch."""
    todo = list(article_ids) if force else pending_ids(project, article_ids)
    pipeline.suggester.reported_speech = project.scheme.reported_speech
    strings = remembered(project) if memory_enabled(project) else {}
    found = suggest_stream(pipeline, _texts(project, todo), strings, batch_size, n_process)
    stored = 0
    try:
        for chunk in _chunks(found, WRITE_BATCH):
            stored += _write(project, chunk)
            if progress:
                progress(len(chunk))
            if cancelled and cancelled():
                break
    finally:
        found.close()  # stops the worker processes at once when the caller stops early
    return stored


def _write(project: Project, chunk: list[tuple[int, list[Suggestion]]]) -> int:
    """Store one batch of articles' suggestions and mark them done, in one transaction."""
    stored = 0
    with project.transaction():
        stamp = now_iso()
        for article_id, found in chunk:
            stored += _store(project, article_id, found, stamp)
        project.db.conn.executemany(
            "INSERT OR REPLACE INTO suggest_done (article_id, suggester, done_at) VALUES (?, ?, ?)",
            [(article_id, SUGGESTER, stamp) for article_id, _ in chunk],
        )
    return stored


def _texts(project: Project, ids: list[int]) -> Iterator[tuple[str, int]]:
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        rows = dict(
            project.db.execute(
                f"SELECT id, text FROM articles WHERE id IN ({','.join('?' * len(part))})", part
            ).fetchall()
        )
        yield from ((rows[a], a) for a in part if a in rows)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _store(project: Project, article_id: int, found: list[Suggestion], stamp: str) -> int:
    """Insert the new suggestions of one article and the speaker links of its quotes."""
    db, scheme = project.db, project.scheme
    existing = span_rows.existing_keys(db, article_id)
    human = _human_rows(project, article_id)
    ids: dict[tuple[int, int, str], int] = {}
    rows = []
    for s in found:
        if s.key in existing or s.key in ids or _overlaps_human(s, human):
            continue
        if s.label not in scheme.label_names or scheme.check_attrs(s.label, s.attrs):
            continue
        ids[s.key] = project.new_id("spans")
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
            ).to_row()
        )
    db.conn.executemany(_INSERT, rows)
    _link_speakers(project, article_id, found, ids, human)
    return len(rows)


def _human_rows(project: Project, article_id: int) -> list[tuple]:
    """(id, start, end, label, status, suggestion_id) of every person's span in the article."""
    return project.db.execute(
        "SELECT id, start, end, label, status, suggestion_id FROM spans "
        "WHERE article_id = ? AND annotator IS NOT NULL",
        [article_id],
    ).fetchall()


def _overlaps_human(s: Suggestion, human: list[tuple]) -> bool:
    """A person's span of the same label overlaps it, or a person accepted exactly these
    words with another label (a second label there would contradict them, not help)."""
    return any(
        (label == s.label and start < s.end and s.start < end)
        or (status == "accepted" and (start, end) == (s.start, s.end))
        for _, start, end, label, status, _ in human
    )


def _link_speakers(
    project: Project, article_id: int, found: list[Suggestion], ids: dict, human: list[tuple]
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
            span_rows.insert_relation(
                project.db,
                Relation(
                    article_id,
                    head_id=ids[s.key],
                    child_id=actor_id,
                    label="SPEAKER",
                    origin="model",
                    status="suggested",
                    annotator=None,
                ),
            )


def _new_actor_over(ids: dict, where: tuple[int, int]) -> int | None:
    """A just-stored ACTOR overlapping the speaker (memory may have reshaped the entity)."""
    start, end = where
    return next((i for (a, b, label), i in ids.items() if label == "ACTOR" and a < end and start < b), None)


def _existing_actor(
    project: Project, article_id: int, where: tuple[int, int], human: list[tuple]
) -> int | None:
    """A person's accepted ACTOR over the speaker, else a still-open ACTOR suggestion there."""
    start, end = where
    for span_id, a, b, label, status, _ in human:
        if label == "ACTOR" and status == "accepted" and a < end and start < b:
            return span_id
    rejected = {sid for *_, status, sid in human if status == "rejected"}
    row = project.db.execute(
        "SELECT id FROM spans WHERE article_id = ? AND annotator IS NULL AND label = 'ACTOR' "
        "AND start = ? AND end = ?",
        [article_id, start, end],
    ).fetchone()
    return row[0] if row and row[0] not in rejected else None

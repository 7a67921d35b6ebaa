"""The Project: one open project file, its scheme, and the operations on it."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import ReadOnlyError
from annotator.core.model import Article, Change, EditRecord, Relation, Span
from annotator.core.scheme import Scheme, default_scheme, scheme_from_dict
from annotator.core.store import (
    activity,
    articles,
    changes,
    edit_log,
    history,
    import_journal,
    listing,
    spans,
    suggest_runs,
)
from annotator.core.store.activity import take_back_stopped_imports
from annotator.core.store.connection import open_database, writable_place
from annotator.core.store.failures import is_storage, mapped, translate
from annotator.core.store.listing import ArticleQuery, ArticleRow
from annotator.core.store.locking import BACKGROUND, HUMAN, WritePolicy, WriterLock, begin_immediate
from annotator.core.store.review import ReviewQueries


class Project:
    """An open project file. Writes go through :meth:`transaction` (a person's edits through
    :func:`annotator.core.edits.perform`). Everything else is a named query that returns model
    objects; ``db`` is the store's own handle, never used outside ``annotator/core/store``."""

    def __init__(self, path: Path, db: Database, read_only: bool = False, lock: WriterLock | None = None):
        self.path, self.db, self.read_only = path, db, read_only
        self.read_only_reason = "opened read-only"
        self._lock = lock
        self._next_ids: dict[str, int] = {}
        self.scheme = self._load_scheme()

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        """Close the database (checkpointing the WAL) and release the writer lock."""
        if not self.read_only:
            try:
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # a busy reader elsewhere; the WAL is still durable
                pass
        self.db.close()
        if self._lock:
            self._lock.release()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- meta ----------------------------------------------------------------------------
    def get_meta(self, key: str, default=None):
        """A project setting (JSON-decoded), or ``default``."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row and row[0] is not None else default

    def set_meta(self, key: str, value) -> None:
        """Store a project setting as JSON, in its own transaction."""
        with self.transaction():
            self.db["meta"].upsert({"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key")

    def _load_scheme(self) -> Scheme:
        raw = self.get_meta("scheme")
        return scheme_from_dict(raw, source=f"{self.path} (stored scheme)") if raw else default_scheme()

    def set_scheme(self, scheme: Scheme) -> None:
        """Store the project's label scheme."""
        self.set_meta("scheme", scheme.raw)
        self.scheme = scheme

    # -- transactions ----------------------------------------------------------------------
    @contextmanager
    def transaction(self, policy: WritePolicy = BACKGROUND, doing: str = "the change") -> Iterator[Database]:
        """One write transaction: ``BEGIN IMMEDIATE``, waiting for other writers as ``policy``
        says (:mod:`annotator.core.store.locking`). SQLite and OS errors come out as the core's
        errors (disk full, read-only, busy; a refused statement is a StorageError), after the
        transaction was rolled back."""
        if self.read_only:
            raise ReadOnlyError(f"{self.path}: {self.read_only_reason}; {doing} cannot be saved")
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        with mapped(self.path, doing):
            begin_immediate(self.db.conn, policy)
        self._next_ids.clear()
        try:
            yield self.db
            with mapped(self.path, doing):
                self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
            if is_storage(exc) or isinstance(exc, sqlite3.Error):  # callers never see sqlite3
                raise translate(exc, self.path, doing) from exc
            raise
        if policy.after_commit:
            time.sleep(policy.after_commit)  # let a waiting edit take the file first

    def new_id(self, table: str) -> int:
        """Allocate a row id inside the current transaction (edits need ids before writing)."""
        if table not in self._next_ids:
            row = self.db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()
            self._next_ids[table] = row[0] + 1
        self._next_ids[table] += 1
        return self._next_ids[table] - 1

    def person_transaction(self, doing: str = "the edit") -> AbstractContextManager[Database]:
        """A transaction for a person's action (an edit, undo, redo): it goes before
        background writers (see :data:`~annotator.core.store.locking.HUMAN`)."""
        return self.transaction(HUMAN, doing)

    # -- writes inside a transaction ---------------------------------------------------------
    def write_change(
        self,
        table: str,
        before: dict | None,
        after: dict | None,
        *,
        annotator: str | None,
        action: str,
        article_id: int | None,
        edit_id: int | None = None,
    ) -> None:
        """Make one row go from ``before`` to ``after`` (None: absent) and append it to the
        history, as part of the edit-log entry ``edit_id``."""
        changes.write(
            self.db,
            table,
            before,
            after,
            annotator=annotator,
            action=action,
            article_id=article_id,
            edit_id=edit_id,
        )

    def current_row(self, table: str, row: dict) -> dict | None:
        """The row a change's before/after image is about, as it is now (None: absent)."""
        return changes.current(self.db, table, row)

    def log_edit(self, entry: EditRecord) -> int:
        """Append an entry to the edit log (inside the edit's transaction); its id."""
        return edit_log.start(self.db, entry)

    def edit_entries(self, article_id: int, annotator: str) -> list[EditRecord]:
        """The edit log of one annotator in one article, oldest first."""
        return edit_log.entries(self.db, article_id, annotator)

    def edit_entry(self, edit_id: int) -> EditRecord | None:
        return edit_log.entry(self.db, edit_id)

    def edit_changes(self, edit_id: int) -> list[Change]:
        """The row changes an edit-log entry wrote, in order."""
        return edit_log.changes(self.db, edit_id)

    def log(self, *, annotator: str | None, action: str, after: dict, article_id: int | None = None) -> None:
        """Append a project-wide event (an import) to the history."""
        history.record(
            self.db,
            annotator=annotator,
            action=action,
            table="articles",
            row_id=None,
            article_id=article_id,
            before=None,
            after=after,
        )

    def add_articles(self, items: list[dict]) -> list[tuple[int, bool]]:
        """Insert articles not there yet (see :func:`articles.insert_batch`): ``(id, is_new)`` each."""
        return articles.insert_batch(self.db, items)

    def add_span(self, span: Span) -> int:
        """Insert one span row (stamped with times); its id."""
        return spans.insert(self.db, span)

    def add_spans(self, rows: list[Span]) -> None:
        """Insert span rows exactly as given (ids and times included)."""
        spans.insert_many(self.db, rows)

    def add_relation(self, relation: Relation) -> int:
        """Insert one relation row (stamped with times); its id."""
        return spans.insert_relation(self.db, relation)

    def write_state(self, article_id: int, annotator: str, state: str | None) -> None:
        """Set (None: clear) an annotator's state of an article, without history."""
        articles.write_state(self.db, article_id, annotator, state)

    def note_import(self, job: str, kind: str, ids: list[int]) -> None:
        """Note rows an unfinished import wrote (see :mod:`import_journal`)."""
        import_journal.note(self.db, job, kind, ids)

    def note_import_state(self, job: str, article_id: int, annotator: str, before: str | None) -> None:
        """Note an article state an unfinished import set, and what it was before."""
        import_journal.note_state(self.db, job, article_id, annotator, before)

    def finish_import(self, job: str) -> None:
        """The import ``job`` is complete: its rows are no longer provisional."""
        import_journal.finish(self.db, job)

    def take_back_import(self, job: str) -> int:
        """Delete what the stopped import ``job`` wrote (inside a transaction)."""
        return import_journal.take_back(self.db, job)

    def other_jobs(self) -> list[dict]:
        """Long jobs (import, suggest) other living processes are running on this file."""
        return activity.others(self.db)

    def mark_suggested(
        self, article_ids: list[int], suggester: str, stamp: str, model: str | None = None
    ) -> None:
        """Record that ``suggester`` finished these articles (with ``model``)."""
        suggest_runs.mark_done(self.db, article_ids, suggester, stamp, model)

    def drop_pending_suggestions(self, article_id: int) -> int:
        """Delete an article's undecided model suggestions (see ``suggest_runs``)."""
        return suggest_runs.drop_pending_suggestions(self.db, article_id)

    # -- articles ----------------------------------------------------------------------------
    def article(self, article_id: int) -> Article:
        """The article with this id; EditError if there is none."""
        return articles.get(self.db, article_id)

    def articles(self, ids: list[int]) -> list[Article]:
        """The articles of ``ids`` in that order (unknown ids left out)."""
        return articles.get_many(self.db, ids)

    def article_texts(self, ids: list[int]) -> Iterator[tuple[str, int]]:
        """``(text, id)`` of each article of ``ids``, streamed in order."""
        return articles.texts(self.db, ids)

    def has_article(self, article_id: int) -> bool:
        return articles.exists(self.db, article_id)

    def article_count(self) -> int:
        return articles.count(self.db)

    def article_ids(self) -> list[int]:
        """Every article id in project order."""
        return articles.ids(self.db)

    def untouched_ids(self) -> list[int]:
        """Articles nobody has touched (state ``new`` for everyone)."""
        return articles.untouched_ids(self.db)

    def first_article_id(self) -> int | None:
        return articles.first_id(self.db)

    def next_unfinished(self, annotator: str, after_id: int = 0, wrap: bool = False) -> int | None:
        """The next article after ``after_id`` this annotator has not done or skipped; with
        ``wrap``, else the first such article from the start (the "done, next" rule)."""
        return articles.next_unfinished(self.db, annotator, after_id, wrap)

    def suggested_ids(self, suggester: str) -> set[int]:
        """Articles ``suggester`` has finished."""
        return suggest_runs.done_ids(self.db, suggester)

    def suggested_models(self, suggester: str) -> dict[int, str | None]:
        """``{article_id: model}`` of the articles ``suggester`` has finished."""
        return suggest_runs.done_models(self.db, suggester)

    # -- states ------------------------------------------------------------------------------
    def state(self, article_id: int, annotator: str) -> str:
        return articles.state(self.db, article_id, annotator)

    def state_row(self, article_id: int, annotator: str) -> dict | None:
        """The article_states row of an annotator (None when never set)."""
        return articles.state_row(self.db, article_id, annotator)

    def states_of(self, ids: list[int]) -> dict[int, dict[str, tuple[str, str]]]:
        """article id -> annotator -> (state, updated_at) for ``ids``."""
        return articles.states_of(self.db, ids)

    def done_ids(self, annotator: str | None = None) -> list[int]:
        """Articles marked done (by ``annotator``, or by anyone)."""
        return articles.done_ids(self.db, annotator)

    def ids_in_state(self, state: str, annotator: str | None = None) -> list[int]:
        """Articles in ``state`` for ``annotator`` (or for anyone), in id order."""
        return articles.ids_in_state(self.db, state, annotator)

    def done_count(self, annotator: str) -> int:
        return articles.done_count(self.db, annotator)

    def annotators(self) -> list[str]:
        """Everyone with a state or a span in the project."""
        return articles.annotators(self.db)

    # -- spans and relations -------------------------------------------------------------------
    def spans_for(self, article_id: int, annotator: str) -> list[Span]:
        """What one annotator sees in an article: their spans and undecided suggestions."""
        return spans.view(self.db, article_id, annotator)

    def relations_for(self, article_id: int, annotator: str) -> list[Relation]:
        """Relations between spans this annotator sees (theirs, or undecided suggestions)."""
        visible = {s.id for s in self.spans_for(article_id, annotator) if s.status != "rejected"}
        return [
            r
            for r in spans.relations_of(self.db, article_id, annotator)
            if r.head_id in visible and r.child_id in visible
        ]

    def relations_of(
        self,
        article_id: int,
        annotator: str | None = None,
        statuses: tuple[str, ...] = ("accepted", "suggested"),
    ) -> list[Relation]:
        """Relations of an article with ``statuses``: ``annotator``'s and shared ones (or all)."""
        return spans.relations_of(self.db, article_id, annotator, statuses)

    def span(self, span_id: int) -> Span:
        """The span row with this id; EditError if there is none."""
        return spans.get(self.db, span_id)

    def human_spans(self, article_id: int) -> list[Span]:
        """Every person's span row in an article, any status."""
        return spans.human(self.db, article_id)

    def span_keys(self, article_id: int) -> set[tuple[int, int, str]]:
        """(start, end, label) of every span row of an article."""
        return spans.existing_keys(self.db, article_id)

    def suggestion_at(self, article_id: int, start: int, end: int, label: str) -> int | None:
        """The shared suggestion of ``label`` over exactly ``[start, end)``, if there is one."""
        return spans.suggestion_at(self.db, article_id, start, end, label)

    def spans_in(self, ids: list[int], statuses: tuple[str, ...]) -> list[Span]:
        """Span rows with ``statuses`` of the articles of ``ids`` (bulk reads for export)."""
        return spans.of_articles(self.db, ids, statuses)

    def span_owners(self, ids: list[int]) -> dict[int, set[str]]:
        """article id -> people with a span row in it."""
        return spans.owners_of(self.db, ids)

    def relations_in(self, ids: list[int], statuses: tuple[str, ...]) -> list[Relation]:
        """Relations with ``statuses`` of the articles of ``ids``."""
        return spans.relations_in(self.db, ids, statuses)

    def decided_words(self) -> Iterator[tuple[str, str, str]]:
        """(label, status, covered text) of every span a person accepted or rejected."""
        return spans.decided_words(self.db)

    # -- counts and listing ---------------------------------------------------------------------
    def label_counts(self, status: str = "accepted") -> dict[str, int]:
        return spans.label_counts(self.db, status)

    def undecided_count(self) -> int:
        """Suggestions nobody has decided on yet."""
        return spans.undecided_count(self.db)

    def accepted_count(self, annotator: str) -> int:
        return spans.accepted_count(self.db, annotator)

    def list_count(self, query: ArticleQuery) -> int:
        """How many articles the listing ``query`` shows."""
        return listing.count(self.db, query)

    def list_page(self, query: ArticleQuery, offset: int, limit: int) -> list[ArticleRow]:
        """One page of the listing."""
        return listing.page(self.db, query, offset, limit)

    def list_row_of(self, query: ArticleQuery, article_id: int) -> int | None:
        """The listing row of an article (None when filtered out)."""
        return listing.row_of(self.db, query, article_id)

    def progress(self, annotator: str) -> tuple[int, int]:
        """(articles done by ``annotator``, all articles)."""
        return listing.progress(self.db, annotator)

    @property
    def review(self) -> ReviewQueries:
        """Named queries of review, agreement, comments and the audit (store/review.py)."""
        return ReviewQueries(self.db)

    def history(self, article_id: int | None = None, limit: int = 1000) -> list[dict]:
        """Most recent history rows first, for one article or the whole project."""
        return history.rows(self.db, article_id, limit)


OTHER_WINDOW = "read-only: another window is editing this project"
READ_ONLY_MEDIA = "read-only: the project is in a read-only folder or on read-only media (edits are off)"


def open_project(
    path: str | Path,
    create: bool = False,
    read_only: bool = False,
    scheme: Scheme | None = None,
    lock: bool = False,
) -> Project:
    """Open a project file (creating it with ``create``). With ``lock``, a second writer
    gets the file read-only instead of sharing it."""
    path = Path(path)
    writer_lock, reason = None, "opened read-only"
    if lock and path.exists() and not read_only and not writable_place(path):
        read_only, reason = True, READ_ONLY_MEDIA
    if lock and path.exists() and not read_only:
        writer_lock = WriterLock(path)
        if not writer_lock.acquire():
            read_only, writer_lock, reason = True, None, OTHER_WINDOW
    db = open_database(path, create=create, read_only=read_only)
    if lock and writer_lock is None and not read_only:
        writer_lock = WriterLock(path)
        if not writer_lock.acquire():
            read_only, reason = True, OTHER_WINDOW
    project = Project(path, db, read_only=read_only, lock=writer_lock)
    project.read_only_reason = reason
    if not read_only:
        take_back_stopped_imports(project)
    if scheme is not None and not read_only:
        project.set_scheme(scheme)
    elif project.get_meta("scheme") is None and not read_only:
        project.set_scheme(project.scheme)
    return project

"""The read half of :class:`~annotator.core.store.project.Project`: named queries that return
model objects. Each maps a ``sqlite3``/OS error to the core's errors (a corrupt, locked or
vanished file while reading is a :class:`~annotator.core.errors.ProjectError`), so callers
outside a transaction never see ``sqlite3`` either."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.core.model import Article, Change, EditRecord, Relation, Span, now_iso
from annotator.core.store import (
    activity,
    alternatives,
    article_changes,
    articles,
    changes,
    edit_log,
    history,
    listing,
    spans,
    suggest_runs,
    window_sessions,
)
from annotator.core.store.failures import reading, streaming
from annotator.core.store.listing import ArticleQuery, ArticleRow
from annotator.core.store.review import ReviewQueries


class ProjectReads:
    """Named read queries of an open project file (mixed into ``Project``)."""

    path: Path
    db: Database

    # -- meta ------------------------------------------------------------------------------
    @reading
    def get_meta(self, key: str, default: Any = None) -> Any:
        """A project setting (JSON-decoded), or ``default``."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row and row[0] is not None else default

    @reading
    def other_jobs(self) -> list[dict[str, Any]]:
        """Long jobs (import, suggest) other living processes are running on this file."""
        return activity.others(self.db)

    @reading
    def open_articles(self) -> set[int]:
        """Articles a window (of any living process) has open for editing now."""
        return window_sessions.open_articles(self.db, now_iso())

    @reading
    def unfinished_open(self, editing: Collection[int] = (), editor: str | None = None) -> set[int]:
        """Open articles whose decisions annotation memory must not learn yet: open in a window
        (any living process) and not marked done or reviewed by its annotator; and ``editing``,
        open here for ``editor``, unless ``editor`` has (see ``window_sessions.unfinished``)."""
        return window_sessions.unfinished(self.db, now_iso(), editing, editor)

    # -- the edit log ----------------------------------------------------------------------
    @reading
    def current_row(self, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
        """The row a change's before/after image is about, as it is now (None: absent)."""
        return changes.current(self.db, table, row)

    @reading
    def edit_entries(self, article_id: int, annotator: str) -> list[EditRecord]:
        """The edit log of one annotator in one article, oldest first."""
        return edit_log.entries(self.db, article_id, annotator)

    @reading
    def edit_entry(self, edit_id: int) -> EditRecord | None:
        """One entry of the edit log (None when there is no such entry)."""
        return edit_log.entry(self.db, edit_id)

    @reading
    def edit_changes(self, edit_id: int) -> list[Change]:
        """The row changes an edit-log entry wrote, in order."""
        return edit_log.changes(self.db, edit_id)

    # -- articles ----------------------------------------------------------------------------
    @reading
    def article(self, article_id: int) -> Article:
        """The article with this id; EditError if there is none."""
        return articles.get(self.db, article_id)

    @reading
    def articles(self, ids: list[int]) -> list[Article]:
        """The articles of ``ids`` in that order (unknown ids left out)."""
        return articles.get_many(self.db, ids)

    @streaming
    def article_texts(self, ids: list[int]) -> Iterator[tuple[str, int]]:
        """``(text, id)`` of each article of ``ids``, streamed in order."""
        return articles.texts(self.db, ids)

    @reading
    def has_article(self, article_id: int) -> bool:
        """Whether the project holds an article with this id."""
        return articles.exists(self.db, article_id)

    @reading
    def article_count(self) -> int:
        """How many articles the project holds."""
        return articles.count(self.db)

    @reading
    def article_ids(self) -> list[int]:
        """Every article id in project order."""
        return articles.ids(self.db)

    @reading
    def untouched_ids(self) -> list[int]:
        """Articles nobody has touched (state ``new`` for everyone)."""
        return articles.untouched_ids(self.db)

    @reading
    def first_article_id(self) -> int | None:
        """The first article in project order (None in an empty project)."""
        return articles.first_id(self.db)

    @reading
    def next_unfinished(self, annotator: str, after_id: int = 0, wrap: bool = False) -> int | None:
        """The next article after ``after_id`` this annotator has not done or skipped; with
        ``wrap``, else the first such article from the start (the "done, next" rule)."""
        return articles.next_unfinished(self.db, annotator, after_id, wrap)

    @reading
    def suggested_ids(self, suggester: str) -> set[int]:
        """Articles ``suggester`` has finished."""
        return suggest_runs.done_ids(self.db, suggester)

    @reading
    def suggested_models(self, suggester: str) -> dict[int, str | None]:
        """``{article_id: model}`` of the articles ``suggester`` has finished."""
        return suggest_runs.done_models(self.db, suggester)

    # -- states ------------------------------------------------------------------------------
    @reading
    def state(self, article_id: int, annotator: str) -> str:
        """An annotator's state of an article (``new`` when never set)."""
        return articles.state(self.db, article_id, annotator)

    @reading
    def state_row(self, article_id: int, annotator: str) -> dict[str, Any] | None:
        """The article_states row of an annotator (None when never set)."""
        return articles.state_row(self.db, article_id, annotator)

    @reading
    def states_of(self, ids: list[int]) -> dict[int, dict[str, tuple[str, str]]]:
        """article id -> annotator -> (state, updated_at) for ``ids``."""
        return articles.states_of(self.db, ids)

    @reading
    def done_ids(self, annotator: str | None = None) -> list[int]:
        """Articles marked done (by ``annotator``, or by anyone)."""
        return articles.done_ids(self.db, annotator)

    @reading
    def ids_in_state(self, state: str, annotator: str | None = None) -> list[int]:
        """Articles in ``state`` for ``annotator`` (or for anyone), in id order."""
        return articles.ids_in_state(self.db, state, annotator)

    @reading
    def done_count(self, annotator: str) -> int:
        """How many articles this annotator marked done."""
        return articles.done_count(self.db, annotator)

    @reading
    def annotators(self) -> list[str]:
        """Everyone with a state or a span in the project."""
        return articles.annotators(self.db)

    # -- spans and relations -------------------------------------------------------------------
    @reading
    def spans_for(self, article_id: int, annotator: str) -> list[Span]:
        """What one annotator sees in an article: their spans and undecided suggestions."""
        return spans.view(self.db, article_id, annotator)

    @reading
    def relations_for(self, article_id: int, annotator: str) -> list[Relation]:
        """Relations between spans this annotator sees (theirs, or undecided suggestions)."""
        visible = {s.id for s in spans.view(self.db, article_id, annotator) if s.status != "rejected"}
        return [
            r
            for r in spans.relations_of(self.db, article_id, annotator)
            if r.head_id in visible and r.child_id in visible
        ]

    @reading
    def relations_of(
        self,
        article_id: int,
        annotator: str | None = None,
        statuses: tuple[str, ...] = ("accepted", "suggested"),
    ) -> list[Relation]:
        """Relations of an article with ``statuses``: ``annotator``'s and shared ones (or all)."""
        return spans.relations_of(self.db, article_id, annotator, statuses)

    @reading
    def span(self, span_id: int) -> Span:
        """The span row with this id; EditError if there is none."""
        return spans.get(self.db, span_id)

    @reading
    def human_spans(self, article_id: int) -> list[Span]:
        """Every person's span row in an article, any status."""
        return spans.human(self.db, article_id)

    @reading
    def span_keys(self, article_id: int) -> set[tuple[int, int, str]]:
        """(start, end, label) of every span row of an article."""
        return spans.existing_keys(self.db, article_id)

    @reading
    def suggestion_at(self, article_id: int, start: int, end: int, label: str) -> int | None:
        """The shared suggestion of ``label`` over exactly ``[start, end)``, if there is one."""
        return spans.suggestion_at(self.db, article_id, start, end, label)

    @reading
    def spans_in(self, ids: list[int], statuses: tuple[str, ...]) -> list[Span]:
        """Span rows with ``statuses`` of the articles of ``ids`` (bulk reads for export)."""
        return spans.of_articles(self.db, ids, statuses)

    @reading
    def span_owners(self, ids: list[int]) -> dict[int, set[str]]:
        """article id -> people with a span row in it."""
        return spans.owners_of(self.db, ids)

    @reading
    def relations_in(self, ids: list[int], statuses: tuple[str, ...]) -> list[Relation]:
        """Relations with ``statuses`` of the articles of ``ids``."""
        return spans.relations_in(self.db, ids, statuses)

    @reading
    def articles_changed_since(self, seq: int) -> tuple[set[int], int] | None:
        """Articles whose row or spans changed after change number ``seq``, and the highest
        number now (None: this file or moment keeps no numbers; see ``article_changes``)."""
        return article_changes.since(self.db, seq)

    @streaming
    def decisions_in(self, ids: list[int] | None = None) -> Iterator[tuple[str, str, str, int, int]]:
        """(label, status, covered text, article id, span id) of every span a person accepted or
        rejected, in the articles of ``ids`` (None: in all)."""
        return article_changes.decisions(self.db, ids)

    @streaming
    def span_places(
        self, ids: list[int], statuses: tuple[str, ...]
    ) -> Iterator[tuple[int, int, int, str, str]]:
        """(article id, start, end, label, status) of the span rows with ``statuses`` in ``ids``."""
        return article_changes.places(self.db, ids, statuses)

    @reading
    def undecided_among(self, span_ids: list[int]) -> set[int]:
        """The ids of ``span_ids`` that are shared suggestions nobody has decided on."""
        return alternatives.undecided(self.db, span_ids)

    @reading
    def alternatives(self, article_id: int) -> dict[int, list[tuple[str, str]]]:
        """suggestion id -> other labels ``(label, origin)`` proposed for its words."""
        return alternatives.of_article(self.db, article_id)

    # -- counts and listing ---------------------------------------------------------------------
    @reading
    def label_counts(self, status: str = "accepted") -> dict[str, int]:
        """label -> number of span rows with ``status``."""
        return spans.label_counts(self.db, status)

    @reading
    def undecided_count(self) -> int:
        """Suggestions nobody has decided on yet."""
        return spans.undecided_count(self.db)

    @reading
    def accepted_count(self, annotator: str) -> int:
        """How many spans ``annotator`` has accepted."""
        return spans.accepted_count(self.db, annotator)

    @reading
    def list_count(self, query: ArticleQuery) -> int:
        """How many articles the listing ``query`` shows."""
        return listing.count(self.db, query)

    @reading
    def list_page(self, query: ArticleQuery, offset: int, limit: int) -> list[ArticleRow]:
        """One page of the listing."""
        return listing.page(self.db, query, offset, limit)

    @reading
    def list_row_of(self, query: ArticleQuery, article_id: int) -> int | None:
        """The listing row of an article (None when filtered out)."""
        return listing.row_of(self.db, query, article_id)

    @reading
    def list_next_unfinished(self, query: ArticleQuery, after_id: int, wrap: bool = True) -> int | None:
        """The next article of the listing ``query`` after ``after_id`` that is not done or
        skipped (from the top again with ``wrap``); None when the listing holds none."""
        return listing.next_unfinished(self.db, query, after_id, wrap)

    @reading
    def progress(self, annotator: str) -> tuple[int, int]:
        """(articles done by ``annotator``, all articles)."""
        return listing.progress(self.db, annotator)

    @property
    def review(self) -> ReviewQueries:
        """Named queries of review, agreement, comments and the audit (store/review.py)."""
        return ReviewQueries(self.db, self.path)

    @reading
    def history(self, article_id: int | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        """Most recent history rows first, for one article or the whole project."""
        return history.rows(self.db, article_id, limit)

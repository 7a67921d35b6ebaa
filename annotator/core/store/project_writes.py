"""The write half of :class:`~annotator.core.store.project.Project`: named writes, each run
inside the caller's :meth:`~annotator.core.store.project.Project.transaction` (which maps
their errors to the core's)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.core.model import Cause, Change, EditRecord, Relation, Span
from annotator.core.store import (
    alternatives,
    articles,
    changes,
    edit_log,
    history,
    import_journal,
    spans,
    suggest_runs,
)


class ProjectWrites:
    """Named writes of an open project file (mixed into ``Project``); call them inside a
    transaction."""

    path: Path
    db: Database

    # -- a person's edits -----------------------------------------------------------------------
    def write_change(self, change: Change, cause: Cause) -> None:
        """Make one row go from ``change.before`` to ``change.after`` (None: absent) and append
        it to the history with its ``cause`` (an edit-log entry's)."""
        changes.write(self.db, change, cause)

    def log_edit(self, entry: EditRecord) -> int:
        """Append an entry to the edit log (inside the edit's transaction); its id."""
        return edit_log.start(self.db, entry)

    def log(
        self, *, annotator: str | None, action: str, after: dict[str, Any], article_id: int | None = None
    ) -> None:
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

    # -- rows of imports and suggestions ----------------------------------------------------------
    def add_articles(self, items: list[dict[str, Any]]) -> list[tuple[int, bool]]:
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

    def mark_suggested(
        self, article_ids: list[int], suggester: str, stamp: str, model: str | None = None
    ) -> None:
        """Record that ``suggester`` finished these articles (with ``model``)."""
        suggest_runs.mark_done(self.db, article_ids, suggester, stamp, model)

    def drop_pending_suggestions(self, article_id: int) -> int:
        """Delete an article's undecided model suggestions (see ``suggest_runs``)."""
        return suggest_runs.drop_pending_suggestions(self.db, article_id)

    def add_alternatives(self, rows: list[tuple[int, str, str]]) -> None:
        """Record ``(suggestion id, label, origin)``: another label proposed for its words."""
        alternatives.add(self.db, rows)

    def replace_suggestion(self, span_id: int) -> bool:
        """Delete a shared suggestion nobody decided on, for one taking its place (else False)."""
        return alternatives.replace_undecided(self.db, span_id)

    def withdraw_suggestion(self, span_id: int, action: str) -> bool:
        """Delete a shared suggestion nobody decided on and nothing supports any more, with a
        history row saying ``action`` (else False: someone decided on it)."""
        return alternatives.withdraw(self.db, span_id, action)

    # -- the import journal ------------------------------------------------------------------------
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

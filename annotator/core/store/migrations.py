"""Schema of the project file, as sqlite-utils migrations; ``PRAGMA user_version`` follows them.

Append new migrations at the end, never edit a released one: ``SCHEMA_VERSION`` is the
number of migrations, and a file whose user_version is higher was written by a newer
version of the tool and is refused.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("annotator")
_STEPS: list[str] = []  # our own count: sqlite-utils keeps its list private


def migration(step: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register ``step`` as the next migration (after every one above it)."""
    _STEPS.append(step.__name__)
    return MIGRATIONS()(step)


@migration
def m001_initial(db: Database) -> None:
    """Articles, per-annotator states, spans, relations, history, meta, FTS."""
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("articles").create(
        {
            "id": int,
            "text": str,
            "title": str,
            "source": str,
            "meta": str,
            "content_hash": str,
            "created_at": str,
        },
        pk="id",
        not_null={"text", "content_hash"},
    )
    db.table("articles").create_index(["content_hash"], unique=True)
    db.table("article_states").create(
        {"article_id": int, "annotator": str, "state": str, "updated_at": str},
        pk=("article_id", "annotator"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("spans").create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "label": str,
            "attrs": str,
            "origin": str,
            "status": str,
            "annotator": str,
            "score": float,
            "suggestion_id": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"article_id", "start", "end", "label", "origin", "status"},
        foreign_keys=[("article_id", "articles", "id"), ("suggestion_id", "spans", "id")],
    )
    db.table("spans").create_index(["article_id", "annotator"])
    db.table("spans").create_index(["article_id", "start", "end", "label"])
    db.table("spans").create_index(["suggestion_id"])
    db.table("relations").create(
        {
            "id": int,
            "article_id": int,
            "head_id": int,
            "child_id": int,
            "label": str,
            "origin": str,
            "status": str,
            "annotator": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"article_id", "head_id", "child_id", "label"},
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("head_id", "spans", "id"),
            ("child_id", "spans", "id"),
        ],
    )
    db.table("relations").create_index(["article_id"])
    _create_history(db)
    db.table("articles").enable_fts(
        ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61"
    )


def _create_history(db: Database) -> None:
    db.table("history").create(
        {
            "id": int,
            "at": str,
            "annotator": str,
            "action": str,
            "table_name": str,
            "row_id": int,
            "article_id": int,
            "before": str,
            "after": str,
        },
        pk="id",
    )
    db.table("history").create_index(["article_id"])
    _append_only(db, "history")  # the database itself refuses to rewrite it


@migration
def m002_suggest_runs(db: Database) -> None:
    """Which articles a suggester has finished, so ``annotator suggest`` resumes."""
    db.table("suggest_done").create(
        {"article_id": int, "suggester": str, "done_at": str},
        pk=("article_id", "suggester"),
        foreign_keys=[("article_id", "articles", "id")],
    )


@migration
def m003_import_journal(db: Database) -> None:
    """Rows an import has committed but not finished: taken back if that import stops."""
    db.table("import_rows").create(
        {"job": str, "kind": str, "row_id": int, "annotator": str, "before": str},
        not_null={"job", "kind", "row_id"},
    )
    db.table("import_rows").create_index(["job"])


@migration
def m004_edit_log(db: Database) -> None:
    """The edit log: each edit, undo and redo a person makes, and which history rows it wrote
    (``history.edit_id``), so undo and redo work from the file and survive a restart."""
    db.table("edits").create(
        {
            "id": int,
            "article_id": int,
            "annotator": str,
            "name": str,
            "kind": str,
            "undoes": int,
            "focus_span_id": int,
            "at": str,
        },
        pk="id",
        not_null={"article_id", "annotator", "name", "kind"},
        foreign_keys=[("article_id", "articles", "id"), ("undoes", "edits", "id")],
    )
    db.table("edits").create_index(["article_id", "annotator"])
    _append_only(db, "edits")
    db.table("history").add_column("edit_id", int)
    db.table("history").create_index(["edit_id"])


def _append_only(db: Database, table: str) -> None:
    """Triggers that refuse any UPDATE or DELETE of ``table``."""
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


@migration
def m005_comments(db: Database) -> None:
    """Reviewers' notes on an article or on one span of it."""
    db.table("comments").create(
        {"id": int, "article_id": int, "span_id": int, "annotator": str, "text": str, "created_at": str},
        pk="id",
        not_null={"article_id", "text"},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("comments").create_index(["article_id"])


@migration
def m006_suggest_model(db: Database) -> None:
    """Which model made an article's suggestions, so a new model replaces the pending ones."""
    db.table("suggest_done").add_column("model", str)


@migration
def m007_suggestion_alternatives(db: Database) -> None:
    """The other label proposed for a suggestion's words (one suggestion per place)."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS suggestion_alternatives ("
        "span_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE, label TEXT NOT NULL, "
        "origin TEXT NOT NULL, "
        "PRIMARY KEY (span_id, label))"
    )


@migration
def m008_window_sessions(db: Database) -> None:
    """The article each editing window has open, which annotation memory leaves out until it is
    left (see ``window_sessions``)."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS window_sessions ("
        "session TEXT PRIMARY KEY, pid INTEGER NOT NULL, host TEXT NOT NULL, annotator TEXT, "
        "article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL, "
        "since TEXT NOT NULL, seen TEXT NOT NULL)"
    )


@migration
def m009_article_changes(db: Database) -> None:
    """A change number per article, raised by every write to its spans and by an update or
    delete of its row (any code path, any connection), so annotation memory can keep what it
    read of an article until it changes (see ``article_changes``). A new article needs none:
    nothing was kept about it (a deleted one's id was raised when it went)."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS article_changes (article_id INTEGER PRIMARY KEY, seq INTEGER NOT NULL)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS article_changes_seq ON article_changes (seq)")
    triggers = (
        ("spans", "INSERT", ("NEW.article_id",)),
        ("spans", "UPDATE", ("OLD.article_id", "NEW.article_id")),
        ("spans", "DELETE", ("OLD.article_id",)),
        ("articles", "UPDATE", ("OLD.id", "NEW.id")),
        ("articles", "DELETE", ("OLD.id",)),
    )
    for table, verb, ids in triggers:
        db.execute(
            f"CREATE TRIGGER {table}_{verb.lower()}_article_changes AFTER {verb} ON {table} "
            f"BEGIN {' '.join(_bump(article_id) for article_id in ids)} END"
        )


def _bump(article_id: str) -> str:
    """SQL giving the article the next change number (one above the highest so far)."""
    return (
        f"INSERT INTO article_changes (article_id, seq) VALUES ({article_id}, "
        "(SELECT coalesce(max(seq), 0) + 1 FROM article_changes)) "
        "ON CONFLICT (article_id) DO UPDATE SET seq = excluded.seq;"
    )


SCHEMA_VERSION = len(_STEPS)


def migrate(db: Database) -> None:
    """Apply pending migrations and record the schema version in ``PRAGMA user_version``."""
    MIGRATIONS.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

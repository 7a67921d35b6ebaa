"""The project file: WAL + synchronous FULL, migrations, and refusing files that are not ours."""

import hashlib
import sqlite3

import pytest

from annotator.core.errors import ProjectError, StorageError
from annotator.core.store import open_project
from annotator.core.store.migrations import SCHEMA_VERSION


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_project_settings(project, project_path):
    db = project.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {
        "articles",
        "article_states",
        "spans",
        "relations",
        "history",
        "meta",
        "articles_fts",
        "suggest_done",
    } <= set(db.table_names())


def test_migration_from_an_empty_file(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with open_project(path) as project:
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert project.scheme.name == "news"


def test_migration_from_version_one(old_project_file):
    """A file made by schema 1 gains later tables and keeps its data."""
    path = old_project_file(
        "m002_suggest_runs", 1, {"articles": [{"text": "kept", "content_hash": "h", "meta": "{}"}]}
    )
    with open_project(path) as project:
        assert "suggest_done" in project.db.table_names()
        assert project.article(1).text == "kept"
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_migration_to_the_edit_log_keeps_the_history(old_project_file):
    """A schema-3 file gains the edit log; its old history stays and is simply not undoable."""
    from annotator.core import edits, undo

    path = old_project_file(
        "m004_edit_log",
        3,
        {
            "articles": [{"text": "Putin spoke in Kyiv.", "content_hash": "h", "meta": "{}"}],
            "history": [{"action": "mark done", "table_name": "article_states", "article_id": 1}],
        },
    )
    with open_project(path) as project:
        assert "edits" in project.db.table_names()
        assert [(r["action"], r["edit_id"]) for r in project.history(1)] == [("mark done", None)]
        assert undo.undo(project, 1, "ann") is None
        edits.perform(project, edits.add_span, 1, 0, 5, "ACTOR", annotator="ann")
        assert undo.undo(project, 1, "ann").name == "add ACTOR"
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_missing_project_is_refused_without_creating(tmp_path):
    path = tmp_path / "nope.db"
    with pytest.raises(ProjectError, match="no such project"):
        open_project(path)
    assert not path.exists()


def test_non_sqlite_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes\n")
    before = digest(path)
    with pytest.raises(ProjectError, match="not a project file"):
        open_project(path)
    assert digest(path) == before


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(ProjectError, match="not an annotator project"):
        open_project(path)
    assert digest(path) == before


def test_newer_version_is_refused_and_untouched(project_path):
    open_project(project_path, create=True).close()
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(project_path)
    with pytest.raises(ProjectError, match="newer version"):
        open_project(project_path)
    assert digest(project_path) == before


def test_corrupt_file_is_refused(project_path):
    with open_project(project_path, create=True) as project, project.transaction():
        project.db.execute("INSERT INTO articles (text, content_hash) VALUES ('x', 'y')")
    data = bytearray(project_path.read_bytes())
    data[100 : 4096 * 2] = b"\xff" * (4096 * 2 - 100)  # wipe the schema page
    project_path.write_bytes(bytes(data))
    with pytest.raises(ProjectError):
        open_project(project_path)


def test_history_is_append_only(project):
    with project.transaction():
        project.db["history"].insert({"action": "x"})
    with pytest.raises(StorageError, match="append-only"), project.transaction():
        project.db.execute("UPDATE history SET action = 'y'")
    with pytest.raises(StorageError, match="append-only"), project.transaction():
        project.db.execute("DELETE FROM history")


def test_failed_transaction_writes_nothing(project):
    with pytest.raises(RuntimeError), project.transaction():
        project.db.execute("INSERT INTO articles (text, content_hash) VALUES ('x', 'y')")
        raise RuntimeError("boom")
    assert project.article_count() == 0


def test_second_writer_gets_read_only(project_path):
    first = open_project(project_path, create=True, lock=True)
    try:
        second = open_project(project_path, lock=True)
        assert second.read_only and not first.read_only
        with pytest.raises(ProjectError, match="read-only"), second.transaction():
            pass
        second.close()
    finally:
        first.close()


def test_meta_round_trip(project):
    project.set_meta("model", "en_core_web_sm")
    assert project.get_meta("model") == "en_core_web_sm"
    assert project.get_meta("absent", 3) == 3

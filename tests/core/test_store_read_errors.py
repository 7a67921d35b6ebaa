"""Reads outside a transaction raise the core's errors, never ``sqlite3`` ones: a window that
lists or opens articles of a damaged or vanished project file shows a message, not a crash."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.core.errors import ProjectError, StorageError
from annotator.core.store import open_project


def _saved(path, n: int = 40) -> None:
    with open_project(path, create=True) as project, project.transaction():
        project.add_articles([{"text": f"Story number {i}. " * 50} for i in range(n)])


def _corrupt_all_but_the_header_page(path) -> None:
    """Overwrite every page but the first with garbage, then commit a header-only change from
    another connection, so the open project's page cache is dropped and its next read goes to
    the damaged pages on disk."""
    page = sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0]
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(page)
        handle.write(b"\xa5" * (size - page))
    other = sqlite3.connect(path)
    other.execute("PRAGMA user_version = 99")  # page 1 only, through the WAL
    other.close()


def test_a_read_of_a_corrupt_file_is_a_project_error_not_sqlite(tmp_path):
    path = tmp_path / "p.annot"
    _saved(path)
    project = open_project(path, read_only=True)
    try:
        assert project.article_count() == 40
        _corrupt_all_but_the_header_page(path)
        with pytest.raises(ProjectError, match="corrupt") as caught:
            project.article(1)
        assert not isinstance(caught.value, sqlite3.Error)
        assert isinstance(caught.value.__cause__, sqlite3.DatabaseError)
        with pytest.raises(ProjectError):
            list(project.article_texts([1, 2]))  # a streamed read maps errors while iterating
    finally:
        project.db.close()


def test_a_read_of_a_project_missing_a_table_is_a_project_error(tmp_path):
    path = tmp_path / "p.annot"
    _saved(path, 2)
    with open_project(path) as project:
        other = sqlite3.connect(path)
        other.execute("DROP TABLE relations")
        other.execute("DROP TABLE comments")
        other.commit()
        other.close()
        with pytest.raises(ProjectError, match="not an annotator project, or an incomplete one"):
            project.relations_of(1)
        with pytest.raises(ProjectError, match="incomplete"):
            project.review.comments([1])  # review's queries too


def test_a_busy_file_on_read_is_a_storage_error(tmp_path, monkeypatch):
    """SQLite reports a lock held too long as SQLITE_BUSY; a read maps it to BusyError (a
    StorageError). The lock is simulated: WAL readers are hard to block for real."""
    path = tmp_path / "p.annot"
    _saved(path, 2)
    with open_project(path) as project:
        from annotator.core.store import articles

        def busy(*_args: object) -> int:
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(articles, "count", busy)
        with pytest.raises(StorageError, match="busy"):
            project.article_count()

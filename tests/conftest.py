"""Shared fixtures: fresh project files on disk."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from annotator.core.ingest import import_sources
from annotator.core.store import open_project
from annotator.core.store.migrations import MIGRATIONS
from annotator.paths import samples_dir


@pytest.fixture
def project_path(tmp_path):
    """Path for a project file that does not exist yet."""
    return tmp_path / "test.annotator.db"


@pytest.fixture
def project(project_path):
    """A fresh, empty project with the default news scheme."""
    proj = open_project(project_path, create=True)
    yield proj
    proj.close()


@pytest.fixture
def sample_project(project):
    """A project holding the five bundled sample articles."""
    import_sources(project, [str(samples_dir())], fmt="txt", annotator="samples")
    return project


@pytest.fixture
def old_project_file(tmp_path):
    """Make a project file as an older version left it: ``make(stop_before, version, rows)``
    applies the migrations before ``stop_before``, sets ``PRAGMA user_version`` to ``version``,
    writes the app marker and ``rows`` (table name: list of rows, in order); returns its path."""

    def make(stop_before: str, version: int, rows: dict[str, list[dict]]):
        path = tmp_path / f"v{version}.db"
        db = Database(path)
        MIGRATIONS.apply(db, stop_before=stop_before)
        db.execute(f"PRAGMA user_version = {version}")
        db["meta"].insert({"key": "app", "value": '"news-annotator"'})
        for table, table_rows in rows.items():
            db[table].insert_all(table_rows)
        db.conn.commit()
        db.close()
        return path

    return make

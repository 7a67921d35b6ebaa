"""Shared fixtures: fresh project files on disk."""

from __future__ import annotations

import pytest

from annotator.core.ingest import import_sources
from annotator.core.store import open_project
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

"""The default project: the bundled sample articles, in the user's data folder."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

from annotator.core.ingest import import_sources
from annotator.core.store import open_project
from annotator.paths import samples_dir


def default_project_path() -> Path:
    """Where ``annotator`` with no PROJECT keeps its project."""
    return user_data_path("news-annotator", appauthor=False) / "samples.annotator.db"


def ensure_sample_project(path: Path | None = None) -> Path:
    """Create the sample project (if it has no articles yet) and return its path."""
    path = path or default_project_path()
    with open_project(path, create=True) as project:
        if project.article_count() == 0:
            import_sources(project, [str(samples_dir())], fmt="txt", annotator="samples")
    return path

"""The project file: one SQLite database written through sqlite-utils."""

from annotator.core.store.project import Project, open_project

__all__ = ["Project", "open_project"]

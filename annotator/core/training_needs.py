"""What training needs before it can start, known without loading spaCy: the window says it
before the annotator starts a run that could only be refused (``annotator train`` refuses it
with the same threshold, :func:`annotator.core.train.gather`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.core.store import Project

MIN_ARTICLES = 10  # articles marked done that training needs at least


def finished_count(project: Project, status: str = "done") -> int:
    """How many articles someone set to ``status``: at most what training can learn from."""
    return len(project.ids_in_state(status))

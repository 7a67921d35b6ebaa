"""The project file: one SQLite database written through sqlite-utils.

Only this package talks to the database. Everything else asks an open :class:`Project`
(``open_project``) and gets model objects back.
"""

from annotator.core.store.activity import announced
from annotator.core.store.failures import RAW_ERRORS, translate
from annotator.core.store.listing import ArticleQuery, ArticleRow, search_hits
from annotator.core.store.project import Project, open_project

__all__ = [
    "RAW_ERRORS",
    "ArticleQuery",
    "ArticleRow",
    "Project",
    "announced",
    "open_project",
    "search_hits",
    "translate",
]

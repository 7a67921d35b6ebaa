"""Review and audit: merging project files, agreement between annotators, the change history.

The window and the CLI use what is exported here (import-linter keeps them out of the
modules inside this package).
"""

from annotator.core.review.adjudicate import (
    Cluster,
    Key,
    accept_agreed,
    agreed_split,
    clusters,
    next_to_review,
    review_annotators,
    take_version,
    version_split,
)
from annotator.core.review.agreement import agreement as compute_agreement
from annotator.core.review.comments import add_comment, comments_of
from annotator.core.review.history import history_entries, iso_date
from annotator.core.review.merge import FileReport
from annotator.core.review.merge import merge as merge_projects

__all__ = [
    "Cluster",
    "FileReport",
    "Key",
    "accept_agreed",
    "add_comment",
    "agreed_split",
    "clusters",
    "comments_of",
    "compute_agreement",
    "history_entries",
    "iso_date",
    "merge_projects",
    "next_to_review",
    "review_annotators",
    "take_version",
    "version_split",
]

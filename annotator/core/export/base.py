"""What every output format implements: a writer that takes tasks one by one and then closes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from annotator.core.export.align import Task
from annotator.core.export.report import AlignmentReport
from annotator.core.scheme import Scheme


class Writer:
    """Writes tasks to ``path`` (a file, or a folder when ``folder`` is set).

    ``one_version``: one task per article (see ``selection``); ``tokens``: tasks carry a
    spaCy Doc and spans are snapped to it.
    """

    name = ""
    suffix = ""
    folder = False
    one_version = False
    tokens = False

    def __init__(self, path: Path, scheme: Scheme, report: AlignmentReport):
        self.path, self.scheme, self.report = path, scheme, report

    def write(self, task: Task) -> None:
        """Write one task (one version of one article)."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (flush, write footers)."""

    def count_unsupported(self, task: Task, attrs: bool = True, links: bool = True) -> None:
        """Count what this format cannot hold, so the report says it was left out."""
        if attrs:
            n = sum(1 for span in task.spans if span.attrs)
            if n:
                self.report.not_carried["span attributes (spans with attrs)"] += n
        if links and task.relations:
            self.report.not_carried["links between spans"] += len(task.relations)


def article_meta(task: Task) -> dict[str, Any]:
    """The article's meta plus its id, title and source (read back by every importer)."""
    article = task.version.article
    meta = dict(article.meta)
    meta["article_id"] = article.id
    for key in ("title", "source"):
        if getattr(article, key):
            meta[key] = getattr(article, key)
    if task.version.comments:
        meta["comments"] = [
            {
                "annotator": note["annotator"],
                "text": note["text"],
                "span": [note["start"], note["end"], note["label"]] if note["span_id"] else None,
                "at": note["created_at"],
            }
            for note in task.version.comments
        ]
    return meta


def timestamp(task: Task) -> int:
    """Unix seconds of the annotator's last state change, or of the newest span; 0 if none."""
    stamps = [task.version.updated_at] + [s.updated_at for s in task.version.spans]
    stamps = [s for s in stamps if s]
    if not stamps:
        return 0
    return int(datetime.fromisoformat(max(stamps)).timestamp())

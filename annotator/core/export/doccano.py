"""``--format doccano``: doccano's sequence-labelling JSONL, ``{"text", "label": [[start, end, label]]}``.

Offsets are the stored code-point offsets, unchanged. The format has no place for span
attributes or links: the report counts them as not carried.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.export.align import Task
from annotator.core.export.base import Writer, article_meta
from annotator.core.export.report import AlignmentReport
from annotator.core.scheme import Scheme


class DoccanoWriter(Writer):
    """One line a task; ``meta`` and ``annotator`` ride along as extra keys (doccano keeps them)."""

    name, suffix = "doccano", ".jsonl"

    def __init__(self, path: Path, scheme: Scheme, report: AlignmentReport) -> None:
        super().__init__(path, scheme, report)
        self.handle = open(path, "w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(self, task: Task) -> None:
        self.count += 1
        self.count_unsupported(task)
        line = {
            "id": self.count,
            "text": task.text,
            "label": [[s.start, s.end, s.label] for s in task.spans],
            "meta": article_meta(task),
            "annotator": task.version.annotator,
        }
        self.handle.write(json.dumps(line, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.handle.close()

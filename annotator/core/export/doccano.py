"""``--format doccano``: doccano's JSONL, one task a line.

Without links a line is the sequence-labelling form ``{"text", "label": [[start, end, label]]}``.
When the export has links (SPEAKER), every line takes the relation-extraction form doccano's
relation projects import and export: ``"entities": [{"id", "label", "start_offset",
"end_offset"}]`` and ``"relations": [{"id", "from_id", "to_id", "type"}]``, so no link is lost.
Offsets are the stored code-point offsets, unchanged. Span attributes have no place in either
form: the report counts them as not carried. doccano refuses overlapping spans unless the
project allows them, so the report lists the spans that overlap.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from annotator.core.export.align import OutSpan, Task
from annotator.core.export.base import Writer, article_meta
from annotator.core.export.report import AlignmentReport, Case
from annotator.core.scheme import Scheme


def entity_form(task: Task, line: dict[str, Any]) -> dict[str, Any]:
    """The relation-extraction form of a line: ``entities`` and ``relations`` instead of ``label``."""
    ids = {id(span): index for index, span in enumerate(task.spans, start=1)}
    entities = [
        {"id": ids[id(s)], "label": s.label, "start_offset": s.start, "end_offset": s.end} for s in task.spans
    ]
    relations = [
        {"id": index, "from_id": ids[id(r.head)], "to_id": ids[id(r.child)], "type": r.label}
        for index, r in enumerate(task.relations, start=1)
    ]
    rest = {k: v for k, v in line.items() if k != "label"}
    return {**rest, "entities": entities, "relations": relations}


def overlapping(task: Task) -> list[tuple[OutSpan, OutSpan]]:
    """Pairs of spans of the task that overlap (nested or crossing)."""
    pairs: list[tuple[OutSpan, OutSpan]] = []
    open_spans: list[OutSpan] = []
    for span in sorted(task.spans, key=lambda s: (s.start, -s.end)):
        open_spans = [o for o in open_spans if o.end > span.start]
        pairs += [(o, span) for o in open_spans]
        open_spans.append(span)
    return pairs


class DoccanoWriter(Writer):
    """Writes both forms as it goes (the label form to ``path``, the entity form beside it) and
    keeps the entity form at the end if any task had links."""

    name, suffix = "doccano", ".jsonl"

    def __init__(self, path: Path, scheme: Scheme, report: AlignmentReport) -> None:
        super().__init__(path, scheme, report)
        self.handle = open(path, "w", encoding="utf-8", newline="\n")
        self.entity_path = path.with_name(path.name + ".entities")
        self.entity_handle = open(self.entity_path, "w", encoding="utf-8", newline="\n")
        self.count = 0
        self.links = False

    def write(self, task: Task) -> None:
        self.count += 1
        self.count_unsupported(task, links=False)
        self._note_overlaps(task)
        line = {
            "id": self.count,
            "text": task.text,
            "label": [[s.start, s.end, s.label] for s in task.spans],
            "meta": article_meta(task),
            "annotator": task.version.annotator,
        }
        self.links = self.links or bool(task.relations)
        self.handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.entity_handle.write(json.dumps(entity_form(task, line), ensure_ascii=False) + "\n")

    def _note_overlaps(self, task: Task) -> None:
        for a, b in overlapping(task):
            self.report.overlaps += 1
            self.report.note_overlap(
                Case(
                    task.version.article.id,
                    task.version.annotator,
                    b.label,
                    b.start,
                    b.end,
                    f"overlaps {a.label} {a.start}..{a.end}",
                )
            )

    def close(self) -> None:
        self.handle.close()
        self.entity_handle.close()
        if self.links:
            os.replace(self.entity_path, self.path)
            self.report.notes.append("doccano: entities + relations form (import into a relation project)")
        else:
            self.entity_path.unlink(missing_ok=True)
        if self.report.overlaps:
            self.report.notes.append(
                f"doccano: {self.report.overlaps} overlapping span pair(s), listed above; "
                'doccano keeps them only in a project with "allow overlapping spans"'
            )

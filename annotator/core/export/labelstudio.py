"""``--format labelstudio``: a JSON list of Label Studio tasks, streamed.

Each task is ``{"data": {"text"}, "meta", "annotations": [{"result": [...]}]}``; a span is a
``labels`` region ``value.{start, end, text, labels}`` in code points (Label Studio's own
offsets), its attributes are per-region results with the same ``id`` (``number`` for an
integer, ``choices`` for a choice, ``textarea`` for a string), and a link is a ``relation``
result from the head region to the child. Pending suggestions (``--include-suggestions``)
go to ``predictions`` instead of ``annotations``, one per origin (``model_version``), each
region with its suggestion's ``score`` and the prediction's ``score`` the mean of them.
A ``bool`` attribute is a ``choices`` result ``["true"]``/``["false"]`` (none when null), which
the import reads back as a boolean (the task's ``meta.bool_attributes`` names these attributes).
Each task's ``meta`` says how its offsets count (``offset_unit: "codepoint"``), so a text where
both readings would fit (a span after an emoji over a repeated letter) reads back unambiguously.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.export.align import OutSpan, Task
from annotator.core.export.base import Writer, article_meta
from annotator.core.export.report import AlignmentReport
from annotator.core.ingest.interop.labelstudio import BOOL_KEY
from annotator.core.offsets import OFFSET_UNIT_KEY
from annotator.core.scheme import Scheme

TEXT_TAG, LABEL_TAG = "text", "label"


def region(span: OutSpan, text: str, rid: str) -> dict[str, Any]:
    """A ``labels`` result for one span."""
    value = {
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
        "labels": [span.label],
    }
    out: dict[str, Any] = {
        "id": rid,
        "from_name": LABEL_TAG,
        "to_name": TEXT_TAG,
        "type": "labels",
        "value": value,
    }
    if span.score is not None:
        out["score"] = span.score
    return out


def attribute_result(scheme: Scheme, span: OutSpan, rid: str, name: str, value: object) -> dict[str, Any]:
    """A per-region result holding one attribute of the region ``rid``."""
    kinds = {a.name: a.type for a in scheme.label(span.label).attributes}
    kind = kinds.get(name, "string")
    base = {"start": span.start, "end": span.end}
    if kind == "int":
        typed, body = "number", {"number": value}
    elif kind == "choice":
        typed, body = "choices", {"choices": [] if value is None else [value]}
    elif kind == "bool":
        typed, body = "choices", {"choices": [] if value is None else [str(value).lower()]}
    else:
        typed, body = "textarea", {"text": [] if value is None else [value]}
    return {"id": rid, "from_name": name, "to_name": TEXT_TAG, "type": typed, "value": {**base, **body}}


def results(task: Task, scheme: Scheme) -> list[dict[str, Any]]:
    """The result list of one annotation: regions, their attributes, then relations."""
    out: list[dict[str, Any]] = []
    ids: dict[int, str] = {}
    for index, span in enumerate(task.spans):
        rid = ids[id(span)] = f"r{index}"
        out.append(region(span, task.text, rid))
        out += [attribute_result(scheme, span, rid, k, v) for k, v in sorted(span.attrs.items())]
    out += [
        {
            "type": "relation",
            "from_id": ids[id(r.head)],
            "to_id": ids[id(r.child)],
            "direction": "right",
            "labels": [r.label],
        }
        for r in task.relations
    ]
    return out


def predictions(task: Task, scheme: Scheme) -> list[dict[str, Any]]:
    """Pending suggestions as predictions, one per origin (its ``model_version``, as the
    Label Studio import reads it back; its ``score`` the mean of its regions' scores); a link
    goes with its head's origin."""
    out = []
    for origin in sorted({span.origin for span in task.spans}):
        spans = [span for span in task.spans if span.origin == origin]
        links = [r for r in task.relations if r.head.origin == origin and r.child.origin == origin]
        part = Task(task.version, spans, links, task.doc, task.edges)
        prediction: dict[str, Any] = {"model_version": origin, "result": results(part, scheme)}
        scores = [span.score for span in spans if span.score is not None]
        if scores:
            prediction["score"] = sum(scores) / len(scores)
        out.append(prediction)
    return out


def bool_attributes(task: Task, scheme: Scheme) -> list[str]:
    """``LABEL.name`` of the ``bool`` attributes the task's spans carry (for the task's meta)."""
    names = {f"{s.label}.{name}" for s in task.spans for name in s.attrs}
    flags = {
        f"{label.name}.{a.name}" for label in scheme.labels for a in label.attributes if a.type == "bool"
    }
    return sorted(names & flags)


class LabelStudioWriter(Writer):
    """Writes ``[`` then one task a line, comma separated, then ``]``."""

    name, suffix = "labelstudio", ".json"

    def __init__(self, path: Path, scheme: Scheme, report: AlignmentReport) -> None:
        super().__init__(path, scheme, report)
        self.handle = open(path, "w", encoding="utf-8", newline="\n")
        self.handle.write("[")
        self.count = 0

    def write(self, task: Task) -> None:
        self.count += 1
        version = task.version
        meta = {**article_meta(task), "annotator": version.annotator, OFFSET_UNIT_KEY: "codepoint"}
        flags = bool_attributes(task, self.scheme)
        if flags:
            meta[BOOL_KEY] = flags
        item: dict[str, Any] = {
            "id": self.count,
            "data": {"text": task.text},
            "meta": meta,
            "annotations": [],
            "predictions": [],
        }
        result = results(task, self.scheme)
        if any(s.status == "suggested" for s in version.spans):
            item["predictions"] = predictions(task, self.scheme)
        elif version.worked:
            item["annotations"].append(
                {"id": self.count, "result": result, "was_cancelled": version.answer == "ignore"}
            )
        separator = "\n" if self.count == 1 else ",\n"
        self.handle.write(separator + json.dumps(item, ensure_ascii=False))

    def close(self) -> None:
        self.handle.write("\n]\n")
        self.handle.close()

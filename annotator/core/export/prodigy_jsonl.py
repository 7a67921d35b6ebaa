"""``--format jsonl``: Prodigy's task format, one task a line, streamed.

Each line has ``text``, ``meta``, ``_input_hash``, ``_task_hash``, ``tokens``, ``spans``
(``token_end`` inclusive, ``source`` = the span's origin, ``attrs`` when it has any),
``relations`` (head and child by the last token of each span, with ``head_span`` /
``child_span``), ``answer``, ``_annotator_id`` and ``_timestamp``. The JSON Schema of a
line is ``schemas/prodigy_task.schema.json``.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from murmurhash.mrmr import hash as murmur

from annotator.core.export.align import OutSpan, Task, TokenEdges
from annotator.core.export.base import Writer, article_meta, timestamp
from annotator.core.export.report import AlignmentReport
from annotator.core.scheme import Scheme


def input_hash(text: str) -> int:
    """Hash of the input (the text), as Prodigy uses it to find the same article."""
    return int(murmur(json.dumps({"text": text}, ensure_ascii=False)))


def task_hash(in_hash: int, spans: list[dict[str, Any]], annotator: str | None) -> int:
    """Hash of the question asked about the input: its spans and who answered."""
    key = [in_hash, [(s["start"], s["end"], s["label"]) for s in spans], annotator]
    return int(murmur(json.dumps(key, ensure_ascii=False)))


def span_json(span: OutSpan) -> dict[str, Any]:
    """The offsets and label of a span, as Prodigy writes them."""
    return {
        "start": span.start,
        "end": span.end,
        "token_start": span.token_start,
        "token_end": span.token_end,
        "label": span.label,
    }


def tokens_json(edges: TokenEdges, text: str) -> list[dict[str, Any]]:
    """Prodigy's token list, from the token edges (no Token objects are made)."""
    return [
        {"text": text[start:end], "start": start, "end": end, "id": i, "ws": ws == 1}
        for i, (start, end, ws) in enumerate(zip(edges.starts, edges.ends, edges.ws))
    ]


def tokens_line(edges: TokenEdges | None, text: str) -> str:
    """``json.dumps(tokens_json(edges, text))``, written directly (three times faster)."""
    if edges is None:
        return "[]"
    items = [
        f'{{"text": {encode_basestring(text[start:end])}, "start": {start}, "end": {end}, '
        f'"id": {i}, "ws": {"true" if ws else "false"}}}'
        for i, (start, end, ws) in enumerate(zip(edges.starts, edges.ends, edges.ws))
    ]
    return "[" + ", ".join(items) + "]"


def task_json(task: Task) -> dict[str, Any]:
    """One Prodigy task as a dict."""
    head, tail = _task_parts(task)
    return {**head, "tokens": tokens_json(task.edges, task.text) if task.edges else [], **tail}


def task_line(task: Task) -> str:
    """One Prodigy task as a JSON line: ``json.dumps(task_json(task))``, the tokens written directly."""
    head, tail = _task_parts(task)
    head_json = json.dumps(head, ensure_ascii=False)
    tail_json = json.dumps(tail, ensure_ascii=False)
    return f'{head_json[:-1]}, "tokens": {tokens_line(task.edges, task.text)}, {tail_json[1:]}'


def _task_parts(task: Task) -> tuple[dict[str, Any], dict[str, Any]]:
    """The keys before ``tokens`` and the keys after it."""
    spans = []
    for span in task.spans:
        item = {**span_json(span), "source": span.origin}
        if span.attrs:
            item["attrs"] = span.attrs
        spans.append(item)
    relations = [
        {
            "head": r.head.token_end,
            "child": r.child.token_end,
            "label": r.label,
            "head_span": span_json(r.head),
            "child_span": span_json(r.child),
        }
        for r in task.relations
    ]
    in_hash = input_hash(task.text)
    head = {
        "text": task.text,
        "meta": article_meta(task),
        "_input_hash": in_hash,
        "_task_hash": task_hash(in_hash, spans, task.version.annotator),
    }
    tail = {
        "spans": spans,
        "relations": relations,
        "answer": task.version.answer,
        "_annotator_id": task.version.annotator,
        "_timestamp": timestamp(task),
    }
    return head, tail


class ProdigyWriter(Writer):
    """Writes each task as it comes (nothing is held in memory)."""

    name, suffix, tokens = "jsonl", ".jsonl", True

    def __init__(self, path: Path, scheme: Scheme, report: AlignmentReport) -> None:
        super().__init__(path, scheme, report)
        self.handle = open(path, "w", encoding="utf-8", newline="\n")

    def write(self, task: Task) -> None:
        self.handle.write(task_line(task) + "\n")

    def close(self) -> None:
        self.handle.close()

"""``.jsonl``: one article a line. ``text`` is required, ``meta`` is kept, and labels that come
in Prodigy form (``spans``, ``relations``) or doccano form (``label`` / ``labels`` / ``entities``) are read.
A line that names who made its labels (``_annotator_id``, ``_session_id``, ``annotator``) gives
them to that annotator."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record, RelationIn, SpanIn, Where, annotator_name
from annotator.core.ingest.textfile import json_lines, numbered_lines, read_whole

ANSWERS = ("accept", "reject", "ignore")


def read(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Yield one Record a non-blank line; a bad line raises ``FILE:LINE: problem``."""
    tasks = (
        pretty_documents(path, options) if _is_pretty(path, options) else json_lines(path, options.encoding)
    )
    for line_no, task in tasks:
        yield record_from_task(task, path, line_no)


def _is_pretty(path: Path, options: ImportOptions) -> bool:
    """Whether the file starts with a JSON object spread over many lines (``{`` alone on a
    line), as doccano's example files and pretty-printed exports do."""
    for _, line in numbered_lines(path, options.encoding):
        if line.strip():
            return line.strip() == "{"
    return False


def pretty_documents(path: Path, options: ImportOptions) -> Iterator[tuple[int, object]]:
    """``(line, object)`` for each JSON object of a file of pretty-printed objects, one after another."""
    text = read_whole(path, options.encoding)
    decoder, i = json.JSONDecoder(), 0
    while True:
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
        if i >= len(text):
            return
        line = text.count("\n", 0, i) + 1
        try:
            task, i = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise InputError(path, exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})") from None
        yield line, task


def record_from_task(task: object, path: Path, line_no: int) -> Record:
    """Turn one decoded JSON task (Prodigy or doccano form) into a Record."""
    where = (path, line_no)
    if not isinstance(task, dict):
        raise InputError(*where, f"expected a JSON object, got {type(task).__name__}")
    text = task.get("text", task.get("data") if isinstance(task.get("data"), str) else None)
    if not isinstance(text, str):
        raise InputError(*where, 'missing "text" (a string)')
    if not text.strip():
        raise InputError(*where, 'empty "text": an article needs text')
    meta = task.get("meta") or {}
    if not isinstance(meta, dict):
        raise InputError(*where, '"meta" must be an object')
    answer = task.get("answer")
    if answer is not None and answer not in ANSWERS:
        raise InputError(*where, f'"answer" must be one of {", ".join(ANSWERS)}, got {answer!r}')
    for key in ("spans", "relations", "entities"):
        if task.get(key) is not None and not isinstance(task[key], list):
            raise InputError(*where, f'"{key}" must be a list, got {type(task[key]).__name__}')
    spans, keys = _spans(task, where)
    record = Record(
        text=text,
        path=str(path),
        line=line_no,
        meta=meta,
        spans=spans,
        title=str(meta.get("title", "")),
        source=str(meta.get("source", "")),
        answer=answer,
    )
    record.relations = _relations(task, keys, where)
    record.annotator = named_annotator(task, where)
    return record


def named_annotator(task: dict[str, Any], where: Where) -> str | None:
    """Who made the task's labels, when the line says: Prodigy's ``_annotator_id`` (with
    sessions ``DATASET-NAME``, kept whole) or ``_session_id``, or the top-level ``annotator``
    that our JSONL and doccano exports write (doccano keeps it through its own export)."""
    for key in ("_annotator_id", "_session_id", "annotator"):
        name = annotator_name(task.get(key), where)
        if name is not None:
            return name
    return None


def _spans(task: dict[str, Any], where: Where) -> tuple[list[SpanIn], dict[object, int]]:
    spans: list[SpanIn] = []
    if isinstance(task.get("spans"), list):
        for item in task["spans"]:
            spans.append(_prodigy_span(item, where))
    elif isinstance(task.get("entities"), list):
        for item in task["entities"]:
            spans.append(_doccano_entity(item, where))
    elif isinstance(task.get("label"), list) or isinstance(task.get("labels"), list):
        # doccano: ``label`` (1.x) or ``labels`` (older exports), items [start, end, label]
        for item in task["label"] if isinstance(task.get("label"), list) else task["labels"]:
            if not (isinstance(item, (list, tuple)) and len(item) == 3):
                raise InputError(*where, f"doccano label must be [start, end, label], got {item!r}")
            spans.append(SpanIn(*_ints(item[0], item[1], where), str(item[2])))
    keys: dict[object, int] = {}
    for index, span in enumerate(spans):
        keys[(span.start, span.end, span.label)] = index
        if span.key is not None:
            keys[span.key] = index
    return spans, keys


def _ints(start: object, end: object, where: Where) -> tuple[int, int]:
    if (
        isinstance(start, int)
        and isinstance(end, int)
        and not isinstance(start, bool)
        and not isinstance(end, bool)
    ):
        return start, end
    raise InputError(*where, f"span offsets must be integers, got {start!r}..{end!r}")


def _prodigy_span(item: object, where: Where) -> SpanIn:
    if not isinstance(item, dict) or "label" not in item:
        raise InputError(*where, f"a span needs start, end and label, got {item!r}")
    start, end = _ints(item.get("start"), item.get("end"), where)
    attrs = item.get("attrs") or {}
    if not isinstance(attrs, dict):
        raise InputError(*where, 'span "attrs" must be an object')
    shown = item.get("text") if isinstance(item.get("text"), str) else None
    return SpanIn(start, end, str(item["label"]), attrs, key=item.get("id"), text=shown)


def _doccano_entity(item: object, where: Where) -> SpanIn:
    if not isinstance(item, dict) or "label" not in item:
        raise InputError(*where, f"an entity needs start_offset, end_offset and label, got {item!r}")
    start, end = _ints(item.get("start_offset"), item.get("end_offset"), where)
    return SpanIn(start, end, str(item["label"]), key=item.get("id"))


def _relations(task: dict[str, Any], keys: dict[object, int], where: Where) -> list[RelationIn]:
    out: list[RelationIn] = []
    for item in task.get("relations") or []:
        if not isinstance(item, dict):
            raise InputError(*where, f"a relation must be an object, got {item!r}")
        head: object
        child: object
        if "head_span" in item or "child_span" in item:  # Prodigy
            if not ("head_span" in item and "child_span" in item):
                raise InputError(*where, f"a relation needs head_span and child_span, got {item!r}")
            head = _span_key(item["head_span"], where)
            child = _span_key(item["child_span"], where)
            label = item.get("label")
        else:  # doccano
            head, child, label = item.get("from_id"), item.get("to_id"), item.get("type")
        if head not in keys or child not in keys or not label:
            raise InputError(*where, f"relation {item!r} does not point at two spans of this line")
        out.append(RelationIn(keys[head], keys[child], str(label)))
    return out


def _span_key(span: object, where: Where) -> tuple[object, object, object]:
    if not isinstance(span, dict):
        raise InputError(*where, f"relation end must be a span object, got {span!r}")
    return (span.get("start"), span.get("end"), span.get("label"))

"""Prodigy JSONL with ``spans``, ``relations`` and ``tokens``.

Read like the ``jsonl`` format (:func:`annotator.core.ingest.jsonl.record_from_task`), and
checked harder: every token must match the text at its offsets, and a span's
``token_start``/``token_end`` must be the tokens at its edges, so a file whose offsets were
shifted is refused instead of imported wrong. A task answered ``reject`` brings its text but
not its spans (they were judged wrong); the import report counts them (``rejected_spans``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.ingest.jsonl import record_from_task
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record, Where
from annotator.core.ingest.textfile import json_lines


def read(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Yield one Record a non-blank line."""
    for line_no, task in json_lines(path, options.encoding):
        record = record_from_task(task, path, line_no)
        assert isinstance(task, dict), "record_from_task refuses anything but an object"
        check_tokens(task, record.text, (path, line_no))
        if task.get("answer") == "reject":
            record.rejected_spans = len(record.spans)
            record.spans, record.relations, record.answer = [], [], None
        yield record


def check_tokens(task: dict[str, Any], text: str, where: Where) -> None:
    """Refuse tokens that do not match the text and spans that do not match the tokens."""
    tokens = task.get("tokens")
    if tokens is None:
        return
    if not isinstance(tokens, list):
        raise InputError(*where, '"tokens" must be a list')
    for i, token in enumerate(tokens):
        if not isinstance(token, dict) or text[token.get("start", 0) : token.get("end", -1)] != token.get(
            "text"
        ):
            raise InputError(*where, f"token {i} {token!r} does not match the text at its offsets")
    for span in task.get("spans") or []:
        first, last = span.get("token_start"), span.get("token_end")
        if first is None or last is None:
            continue
        if (
            not (isinstance(first, int) and isinstance(last, int) and 0 <= first <= last < len(tokens))
            or tokens[first]["start"] != span["start"]
            or tokens[last]["end"] != span["end"]
        ):
            raise InputError(
                *where,
                f"span {span['start']}..{span['end']} ({span.get('label')}) does not "
                f"match its tokens {first}..{last}",
            )

"""Helpers of the export tests: projects built through the real edits, readers of exports."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from annotator.core import edits
from annotator.core.store import articles


@dataclass
class Doc:
    """An article to build: its text, spans ``(start, end, label, attrs)``, links by span index."""

    text: str
    spans: list = field(default_factory=list)
    links: list = field(default_factory=list)
    state: str | None = "done"


def build(project, docs: list[Doc], annotator: str = "ann") -> list[int]:
    """Write ``docs`` into ``project`` as ``annotator``'s work; returns the article ids."""
    with project.transaction():
        placed = articles.insert_batch(
            project.db, [{"text": d.text, "title": f"t{i}"} for i, d in enumerate(docs)]
        )
    ids = [article_id for article_id, _ in placed]
    for article_id, doc in zip(ids, docs):
        span_ids = [
            edits.perform(
                project, edits.add_span, article_id, s, e, label, annotator=annotator, attrs=attrs
            ).focus_span_id
            for s, e, label, attrs in doc.spans
        ]
        for head, child in doc.links:
            edits.perform(project, edits.link_speaker, span_ids[head], span_ids[child], annotator=annotator)
        if doc.state:
            edits.perform(project, edits.set_state, article_id, doc.state, annotator=annotator)
    return ids


def read_jsonl(path) -> list[dict]:
    """The JSON objects of the non-blank lines of ``path``."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


CASUALTY = {"count_low": 19, "count_high": None, "qualifier": "at least", "kind": "killed"}

"""The parts of ``annotator merge`` beyond decisions: reviewers' notes and the edit log.

Notes are united: one comes in unless the target has the same note (article, person, time,
text); a note on a span points at the target's span with the same edges, label and person.
Edit-log entries (and the history rows each wrote) come with the decisions they belong to:
when a person's decisions on an article are taken from the other file, their entries there
come too, unless the target has the same entry (article, person, time, name, kind). Their
row images are rewritten to the target's ids, so undo and redo work on them after the merge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from annotator.core.store.merge import Source, Target

Row = dict[str, Any]
ArticleMap = dict[int, int]


@dataclass
class IdMaps:
    """Source id -> target id of the rows a merge wrote or matched, per table."""

    spans: dict[int, int] = field(default_factory=dict)
    relations: dict[int, int] = field(default_factory=dict)
    comments: dict[int, int] = field(default_factory=dict)
    edits: dict[int, int] = field(default_factory=dict)
    taken: set[tuple[int, str]] = field(default_factory=set)  # (source article, person) taken whole


def merge_comments(target: Target, source: Source, article_map: ArticleMap, maps: IdMaps) -> int:
    """Copy the notes the target lacks; how many came in."""
    known: dict[tuple[Any, ...], int] = {
        (c["article_id"], c["annotator"], c["created_at"], c["text"]): c["id"] for c in target.comments()
    }
    fresh: list[Row] = []
    next_id = target.next_id("comments")
    for note in source.comments():
        article_id = article_map[note["article_id"]]
        key = (article_id, note["annotator"], note["created_at"], note["text"])
        if key in known:
            maps.comments[note["id"]] = known[key]
            continue
        span_id = None
        if note["span_id"] is not None:
            span_id = maps.spans.get(note["span_id"]) or next(
                iter(
                    target.span_ids_at(
                        article_id,
                        note["span_start"],
                        note["span_end"],
                        note["span_label"],
                        note["span_annotator"],
                    )
                ),
                None,
            )
        row = {"id": next_id, "article_id": article_id, "span_id": span_id}
        fresh.append(
            {**row, "annotator": note["annotator"], "text": note["text"], "created_at": note["created_at"]}
        )
        known[key] = maps.comments[note["id"]] = next_id
        next_id += 1
    target.insert("comments", fresh)
    return len(fresh)


def merge_edit_log(
    target: Target, source: Source, article_map: ArticleMap, maps: IdMaps, label_map: dict[str, str]
) -> int:
    """Copy the edit-log entries of the decisions taken from ``source``; how many came in.
    ``maps.edits`` ends up holding every source entry the target now has (copied or same)."""
    known = {_entry_key(e): e["id"] for e in target.edit_entries()}
    added = 0
    for entry in source.edit_entries():
        article_id = article_map[entry["article_id"]]
        key = _entry_key({**entry, "article_id": article_id})
        if key in known:
            maps.edits[entry["id"]] = known[key]
            continue
        if (entry["article_id"], entry["annotator"]) not in maps.taken:
            continue  # its rows are not in the target: only its history rows come (as a record)
        new = {
            **entry,
            "article_id": article_id,
            "undoes": maps.edits.get(entry["undoes"]) if entry["undoes"] is not None else None,
            "focus_span_id": maps.spans.get(entry["focus_span_id"] or 0),
        }
        new_id = target.add_edit(new)
        known[key] = maps.edits[entry["id"]] = new_id
        rows = [_remapped(row, article_map, maps, label_map) for row in source.edit_changes(entry["id"])]
        target.add_edit_history(new_id, rows)
        added += 1
    return added


def _entry_key(entry: Row) -> tuple[Any, ...]:
    return (entry["article_id"], entry["annotator"], entry["at"], entry["name"], entry["kind"])


_ID_COLUMNS = {
    "spans": {"id": "spans", "suggestion_id": "spans"},
    "relations": {"id": "relations", "head_id": "spans", "child_id": "spans"},
    "comments": {"id": "comments", "span_id": "spans"},
    "article_states": {},
}


def _remapped(
    row: tuple[Any, ...], article_map: ArticleMap, maps: IdMaps, label_map: dict[str, str]
) -> tuple[Any, ...]:
    """A history row with its row images rewritten to the target's ids (and labels)."""
    at, annotator, action, table, row_id, article_id, before, after = row
    columns = _ID_COLUMNS.get(table, {})

    def image(text: str | None) -> str | None:
        if text is None:
            return None
        values = json.loads(text)
        for column, kind in columns.items():
            if values.get(column) is not None:
                values[column] = getattr(maps, kind).get(values[column], values[column])
        if values.get("article_id") is not None:
            values["article_id"] = article_map.get(values["article_id"], values["article_id"])
        if table == "spans" and "label" in values:
            values["label"] = label_map.get(values["label"], values["label"])
        return json.dumps(values, ensure_ascii=False, sort_keys=True)

    new_row_id = getattr(maps, columns["id"]).get(row_id, row_id) if "id" in columns and row_id else row_id
    return (
        at,
        annotator,
        action,
        table,
        new_row_id,
        article_map.get(article_id, article_id),
        image(before),
        image(after),
    )

"""The append-only history: every change to spans, relations and states, before and after."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from annotator.core.model import now_iso

_INSERT = (
    "INSERT INTO history (edit_id, at, annotator, action, table_name, row_id, article_id, before, after) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)  # plain SQL: a row per changed row, and sqlite-utils' insert reads the columns every time


def record(
    db: Database,
    *,
    annotator: str | None,
    action: str,
    table: str,
    row_id: int | None,
    article_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    edit_id: int | None = None,
) -> None:
    """Append one change (of the edit-log entry ``edit_id``, if any). Call inside the
    transaction that makes the change."""
    db.execute(
        _INSERT,
        [edit_id, now_iso(), annotator, action, table, row_id, article_id, _dump(before), _dump(after)],
    )


def _dump(row: dict[str, Any] | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)


def rows(db: Database, article_id: int | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    """Most recent history rows first, for one article or the whole project."""
    where, params = ("article_id = ?", [article_id]) if article_id is not None else (None, [])
    return list(db.table("history").rows_where(where, params, order_by="id desc", limit=limit))

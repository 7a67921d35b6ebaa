"""The edit log: one append-only row per edit, undo or redo a person makes in an article.

The row changes themselves are in ``history`` (``history.edit_id`` points here), so an edit
can be read back and taken back after a restart.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from annotator.core.model import Change, EditRecord, now_iso

_COLUMNS = ("id", "article_id", "annotator", "name", "kind", "undoes", "focus_span_id", "at")


_INSERT = f"INSERT INTO edits ({', '.join(_COLUMNS[1:])}) VALUES ({', '.join('?' * len(_COLUMNS[1:]))})"


def start(db: Database, entry: EditRecord) -> int:
    """Append ``entry`` (its id is ignored) and return its id. (Plain SQL: one entry per edit,
    and sqlite-utils' insert reads the table's columns every time.)"""
    values = [getattr(entry, k) for k in _COLUMNS[1:]]
    values[-1] = values[-1] or now_iso()
    row_id = db.execute(_INSERT, values).lastrowid
    assert row_id is not None, "the edits table has an integer primary key"
    return int(row_id)


def entries(db: Database, article_id: int, annotator: str) -> list[EditRecord]:
    """Every entry of one annotator in one article, oldest first."""
    sql = f"SELECT {', '.join(_COLUMNS)} FROM edits WHERE article_id = ? AND annotator = ? ORDER BY id"
    return [EditRecord(*row) for row in db.execute(sql, [article_id, annotator])]


def entry(db: Database, edit_id: int) -> EditRecord | None:
    """The entry with this id, if there is one."""
    row = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM edits WHERE id = ?", [edit_id]).fetchone()
    return EditRecord(*row) if row else None


def changes(db: Database, edit_id: int) -> list[Change]:
    """The row changes entry ``edit_id`` wrote, in the order it wrote them."""
    sql = "SELECT table_name, before, after FROM history WHERE edit_id = ? ORDER BY id"
    return [Change(table, _load(before), _load(after)) for table, before, after in db.execute(sql, [edit_id])]


def _load(text: str | None) -> dict[str, Any] | None:
    return None if text is None else json.loads(text)

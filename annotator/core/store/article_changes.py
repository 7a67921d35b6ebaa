"""Which articles changed since a change number, and the rows annotation memory reads of them.

Every write to an article's row or to its spans gives the article the next change number
(``article_changes``, kept by triggers: migration m009), whatever wrote it (an edit, an undo, a
suggestion run, an import, a merge) and from whichever connection. Article states are not
counted: callers read them afresh.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlite_utils import Database

from annotator.core.batching import batched
from annotator.core.store.articles import IN_LIMIT

_DECISIONS = """
SELECT s.label, s.status, substr(a.text, s.start + 1, s.end - s.start) AS words, s.article_id, s.id
FROM spans s JOIN articles a ON a.id = s.article_id
WHERE s.annotator IS NOT NULL AND s.status IN ('accepted', 'rejected')
"""

# Span rows whose state now is what an edit that only carried them along as a quote's speaker
# left: an edit focused on the quote that linked them (``a`` on the quote, ``s``). Such a row is
# no decision on its label. Rows no edit wrote (an import, a merge), edits without a focus
# (Shift+A) and edits focused elsewhere (a review's "accept agreed" or taken version, which
# adds the ACTOR as a span of its own, then links it) decide every row they write. An undo
# puts a row back as the edit before the undone one left it, so the writer that counts is the
# last edit neither undone nor an undo (``_writer``). The links are few: they are found first.
_LINKS = """
SELECT r.edit_id, json_extract(r.after, '$.child_id')
FROM history r JOIN edits e ON e.id = r.edit_id
WHERE r.table_name = 'relations' AND r.after IS NOT NULL {where}
AND json_extract(r.after, '$.label') = 'SPEAKER'
AND e.focus_span_id = json_extract(r.after, '$.head_id')
"""
_WRITES = """
SELECT h.row_id, h.edit_id, e.kind, e.undoes FROM history h LEFT JOIN edits e ON e.id = h.edit_id
WHERE h.table_name = 'spans' AND h.row_id IN ({rows}) ORDER BY h.id DESC
"""


def since(db: Database, seq: int) -> tuple[set[int], int] | None:
    """The articles whose change number is above ``seq``, and the highest number now; None
    when the file keeps no numbers (an older file opened read-only) or inside a transaction
    (numbers it wrote may yet be taken back)."""
    if db.conn.in_transaction or not db.table("article_changes").exists():
        return None
    rows = db.execute("SELECT article_id, seq FROM article_changes WHERE seq > ?", [seq]).fetchall()
    return {article_id for article_id, _ in rows}, max((n for _, n in rows), default=seq)


def decisions(db: Database, ids: list[int] | None = None) -> Iterator[tuple[str, str, str, int, int]]:
    """(label, status, covered text, article id, span id) of every span a person accepted or
    rejected (in the articles of ``ids``; None: in all), but those only carried along by an
    edit of their quote (a quote's speaker, accepted by linking it: see ``_LINKS``)."""
    parts = [None] if ids is None else list(batched(ids, IN_LIMIT))
    for part in parts:
        among = "" if part is None else f" AND {{}}.article_id IN ({','.join('?' * len(part))})"
        carried = _carried(db, among.format("r"), part or [])
        for row in db.execute(_DECISIONS + among.format("s"), part or []):
            if row[4] not in carried:
                yield row


def _carried(db: Database, where: str, params: list[int]) -> set[int]:
    """The ids of the span rows a speaker link carried along and no edit decided since."""
    links = {(edit_id, child) for edit_id, child in db.execute(_LINKS.format(where=where), params)}
    writes: dict[int, list[tuple[int | None, str | None, int | None]]] = defaultdict(list)
    for part in batched(sorted({child for _, child in links}), IN_LIMIT):
        for row_id, edit_id, kind, undoes in db.execute(_WRITES.format(rows=",".join("?" * len(part))), part):
            writes[row_id].append((edit_id, kind, undoes))
    return {row_id for row_id, rows in writes.items() if (_writer(rows), row_id) in links}


def _writer(writes: list[tuple[int | None, str | None, int | None]]) -> int | None:
    """Of one row's writes (edit id, kind, the edit an undo or redo repeats), newest first, the
    edit whose result the row holds: the newest neither an undo nor an edit undone since (None:
    no edit wrote it last, an import or a merge)."""
    undone: set[int | None] = set()
    for edit_id, kind, undoes in writes:
        if edit_id is None:
            return None
        if kind == "undo":
            undone.add(undoes)
        elif (undoes if kind == "redo" else edit_id) not in undone:
            return edit_id
    return None


def places(
    db: Database, ids: list[int], statuses: tuple[str, ...]
) -> Iterator[tuple[int, int, int, str, str]]:
    """(article id, start, end, label, status) of the span rows with ``statuses`` in the
    articles of ``ids`` (whoever made them): lighter than whole spans."""
    for part in batched(ids, IN_LIMIT):
        yield from db.execute(
            f"SELECT article_id, start, end, label, status FROM spans "
            f"WHERE article_id IN ({','.join('?' * len(part))}) AND status IN ({','.join('?' * len(statuses))})",
            [*part, *statuses],
        )

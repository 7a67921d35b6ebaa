"""Reads for review and agreement: who worked on what, accepted spans and speaker links by
article (streamed in article order), and the filtered history. Their ``sqlite3`` errors come
out as the core's errors, like every read of a ``Project``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sized
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.core.store.failures import reading, streaming


def _marks(values: Sized) -> str:
    return ",".join("?" * len(values))


class ReviewQueries:
    """Named queries of review, agreement and the audit, bound to one open project file."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db, self.path = db, path

    @reading
    def states(self, annotators: list[str] | None = None) -> list[tuple[int, str, str]]:
        """(article_id, annotator, state) of every stored article state, optionally for some people."""
        sql, params = "SELECT article_id, annotator, state FROM article_states", []
        if annotators:
            sql += f" WHERE annotator IN ({_marks(annotators)})"
            params = list(annotators)
        return [tuple(r) for r in self.db.execute(sql + " ORDER BY article_id, annotator", params)]

    @reading
    def span_owners(self, annotators: list[str] | None = None) -> set[tuple[int, str]]:
        """(article_id, annotator) pairs that have at least one accepted span."""
        sql, params = (
            "SELECT DISTINCT article_id, annotator FROM spans WHERE status = 'accepted' AND annotator IS NOT NULL",
            [],
        )
        if annotators:
            sql += f" AND annotator IN ({_marks(annotators)})"
            params = list(annotators)
        return {tuple(r) for r in self.db.execute(sql, params)}

    @streaming
    def accepted_spans(self, annotators: list[str]) -> Iterator[tuple[Any, ...]]:
        """(article_id, annotator, id, start, end, label, attrs JSON) of accepted spans, by article."""
        sql = (
            "SELECT article_id, annotator, id, start, end, label, attrs FROM spans "
            f"WHERE status = 'accepted' AND annotator IN ({_marks(annotators)}) ORDER BY article_id"
        )
        yield from self.db.execute(sql, list(annotators))

    @reading
    def speaker_links(self, annotators: list[str]) -> dict[tuple[int, str], dict[int, int]]:
        """(article_id, annotator) -> {quote span id: speaker span id} of accepted SPEAKER links."""
        sql = (
            "SELECT article_id, annotator, head_id, child_id FROM relations WHERE status = 'accepted' "
            f"AND label = 'SPEAKER' AND annotator IN ({_marks(annotators)}) ORDER BY id"
        )
        links: dict[tuple[int, str], dict[int, int]] = {}
        for article_id, name, head, child in self.db.execute(sql, list(annotators)):
            links.setdefault((article_id, name), {})[head] = child
        return links

    @streaming
    def texts(self, article_ids: Iterable[int], batch: int = 500) -> Iterator[tuple[int, str, str]]:
        """(id, title, text) of the given articles, in the order given, read in batches."""
        wanted = list(article_ids)
        for i in range(0, len(wanted), batch):
            part = wanted[i : i + batch]
            rows = {
                r[0]: r
                for r in self.db.execute(
                    f"SELECT id, title, text FROM articles WHERE id IN ({_marks(part)})", part
                )
            }
            for article_id in part:
                if article_id in rows:
                    yield rows[article_id]

    @reading
    def history_rows(
        self,
        article_id: int | None = None,
        annotator: str | None = None,
        since: str | None = None,
        row_ids: dict[str, set[int]] | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """History rows in the order they were written, filtered by article, person and time.

        ``row_ids`` ({table: ids}) keeps the rows about those rows only (one span's story).
        """
        clauses: list[str] = []
        params: list[Any] = []
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(article_id)
        if annotator:
            clauses.append("annotator = ?")
            params.append(annotator)
        if since:
            clauses.append("at >= ?")
            params.append(since)
        if row_ids:
            ors = []
            for table, row_set in row_ids.items():
                ids = sorted(row_set)
                ors.append(f"(table_name = ? AND row_id IN ({_marks(ids)}))")
                params += [table, *ids]
            clauses.append("(" + " OR ".join(ors) + ")")
        sql = "SELECT id, at, annotator, action, table_name, row_id, article_id, before, after FROM history"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY id"
        if limit:
            sql = f"SELECT * FROM ({sql[: -len(' ORDER BY id')]} ORDER BY id DESC LIMIT {int(limit)}) ORDER BY id"
        keys = ("id", "at", "annotator", "action", "table_name", "row_id", "article_id", "before", "after")
        out = []
        for row in self.db.execute(sql, params):
            item = dict(zip(keys, row))
            item["before"] = json.loads(item["before"]) if item["before"] else None
            item["after"] = json.loads(item["after"]) if item["after"] else None
            out.append(item)
        return out

    @reading
    def reviewed_ids(self, reviewer: str | None = None) -> list[int]:
        """Articles marked reviewed (by ``reviewer``, or by anyone)."""
        sql, params = "SELECT DISTINCT article_id FROM article_states WHERE state = 'reviewed'", []
        if reviewer:
            sql += " AND annotator = ?"
            params.append(reviewer)
        return [r[0] for r in self.db.execute(sql + " ORDER BY article_id", params)]

    # -- comments ------------------------------------------------------------------------------
    @reading
    def comments(self, article_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """article id -> its notes, oldest first."""
        found: dict[int, list[dict[str, Any]]] = {}
        keys = ("id", "article_id", "span_id", "annotator", "text", "created_at", "start", "end", "label")
        for i in range(0, len(article_ids), 500):
            part = article_ids[i : i + 500]
            sql = (
                "SELECT c.id, c.article_id, c.span_id, c.annotator, c.text, c.created_at, s.start, s.end, s.label "
                f"FROM comments c LEFT JOIN spans s ON s.id = c.span_id WHERE c.article_id IN ({_marks(part)}) "
                "ORDER BY c.id"
            )
            for row in self.db.execute(sql, part):
                found.setdefault(row[1], []).append(dict(zip(keys, row)))
        return found

    @reading
    def awaiting_review(self, reviewer: str) -> list[int]:
        """Articles that two people other than ``reviewer`` marked done and ``reviewer`` has
        not marked reviewed, in id order."""
        sql = (
            "SELECT article_id FROM article_states WHERE state = 'done' AND annotator != :r "
            "GROUP BY article_id HAVING count(*) >= 2 AND article_id NOT IN ("
            "SELECT article_id FROM article_states WHERE annotator = :r AND state = 'reviewed') "
            "ORDER BY article_id"
        )
        return [r[0] for r in self.db.execute(sql, {"r": reviewer})]

    @reading
    def label_counts_by_annotator(self) -> dict[str, dict[str, int]]:
        """annotator -> label -> accepted spans."""
        sql = (
            "SELECT annotator, label, count(*) FROM spans WHERE status = 'accepted' "
            "AND annotator IS NOT NULL GROUP BY annotator, label"
        )
        counts: dict[str, dict[str, int]] = {}
        for name, label, n in self.db.execute(sql):
            counts.setdefault(name, {})[label] = n
        return counts

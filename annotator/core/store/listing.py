"""Paged article listing for the window: per-annotator status and counts, FTS search, filters.

Every query reads one page (``LIMIT``/``OFFSET`` in id order), so a list over 100,000
articles never loads them all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from annotator.core.model import ARTICLE_STATES
from annotator.core.store import articles


@dataclass(frozen=True)
class ArticleQuery:
    """Which articles a list shows: for one annotator, optionally one state and a search.
    ``blind``: count only the suggestions blind labelling shows (no memory suggestions)."""

    annotator: str
    state: str | None = None
    search: str = ""
    blind: bool = False


@dataclass(frozen=True)
class ArticleRow:
    """One line of the article list."""

    id: int
    title: str
    state: str
    spans: int
    suggestions: int


def fts_terms(search: str) -> str:
    """An FTS5 query from typed words: every word must match, as a prefix. Control characters
    (a pasted NUL) and lone surrogates are dropped: they match nothing and SQLite refuses them."""
    search = "".join(" " if unicodedata.category(c) in _UNTYPABLE else c for c in search)
    return " ".join('"' + word.replace('"', '""') + '"*' for word in search.split())


_UNTYPABLE = {"Cc", "Cs", "Co", "Cn"}
_WORD = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer reads as a word


def search_hits(text: str, search: str) -> list[tuple[int, int]]:
    """Where the typed ``search`` matches ``text``, as the list search does (every typed word
    as a prefix of a word, case and accents ignored): ``(start, end)`` of each matching word,
    in text order."""
    prefixes = {_folded(word) for word in _WORD.findall(search)}
    return [
        match.span()
        for match in _WORD.finditer(text)
        if any(_folded(match.group()).startswith(prefix) for prefix in prefixes)
    ]


def _folded(word: str) -> str:
    """``word`` without case or accents (unicode61's remove_diacritics)."""
    parts = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in parts if not unicodedata.combining(c))


def _where(query: ArticleQuery) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {"annotator": query.annotator}
    if query.state:
        if query.state not in ARTICLE_STATES:
            raise ValueError(f"unknown article state {query.state!r}; use one of {ARTICLE_STATES}")
        clauses.append("coalesce(st.state, 'new') = :state")
        params["state"] = query.state
    terms = fts_terms(query.search)
    if terms:
        clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :terms)")
        params["terms"] = terms
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_FROM = "FROM articles a LEFT JOIN article_states st ON st.article_id = a.id AND st.annotator = :annotator"

# The suggestion count leaves out, with ``blind``, what ``edits.blind_hides`` hides.
_PAGE = """
SELECT a.id, coalesce(nullif(a.title, ''), substr(a.text, 1, 160)), coalesce(st.state, 'new'),
  (SELECT count(*) FROM spans s WHERE s.article_id = a.id AND s.annotator = :annotator
     AND s.status = 'accepted'),
  (SELECT count(*) FROM spans s WHERE s.article_id = a.id AND s.annotator IS NULL
     AND s.status = 'suggested' AND NOT (:blind AND s.origin = 'memory') AND NOT EXISTS (
       SELECT 1 FROM spans d WHERE d.suggestion_id = s.id AND d.annotator = :annotator))
{from_} {where} ORDER BY a.id LIMIT :limit OFFSET :offset
"""


def count(db: Database, query: ArticleQuery) -> int:
    """How many articles the query lists."""
    where, params = _where(query)
    if not where:
        return articles.count(db)
    return int(db.execute(f"SELECT count(*) {_FROM}{where}", params).fetchone()[0])


def page(db: Database, query: ArticleQuery, offset: int, limit: int) -> list[ArticleRow]:
    """Rows ``offset .. offset + limit`` of the listing, in article id order."""
    where, params = _where(query)
    sql = _PAGE.format(from_=_FROM, where=where)
    rows = db.execute(sql, {**params, "blind": query.blind, "limit": limit, "offset": offset})
    return [
        ArticleRow(id=r[0], title=" ".join((r[1] or "").split()), state=r[2], spans=r[3], suggestions=r[4])
        for r in rows
    ]


def row_of(db: Database, query: ArticleQuery, article_id: int) -> int | None:
    """The row at which ``article_id`` appears in the listing, or None when it is filtered out."""
    where, params = _where(query)
    check = f"SELECT 1 {_FROM}{where}{' AND' if where else ' WHERE'} a.id = :id"
    if db.execute(check, {**params, "id": article_id}).fetchone() is None:
        return None
    sql = f"SELECT count(*) {_FROM}{where}{' AND' if where else ' WHERE'} a.id < :id"
    return int(db.execute(sql, {**params, "id": article_id}).fetchone()[0])


def next_unfinished(db: Database, query: ArticleQuery, after_id: int, wrap: bool = True) -> int | None:
    """The next article the listing shows after ``after_id`` that its annotator has not done
    or skipped; with ``wrap``, else the first such one from the top (None: none is left)."""
    where, params = _where(query)
    sql = (
        f"SELECT a.id {_FROM}{where}{' AND' if where else ' WHERE'} a.id > :after "
        "AND coalesce(st.state, 'new') NOT IN ('done', 'skipped') ORDER BY a.id LIMIT 1"
    )
    row = db.execute(sql, {**params, "after": after_id}).fetchone()
    if row is None and wrap and after_id > 0:
        row = db.execute(sql, {**params, "after": 0}).fetchone()
    return int(row[0]) if row else None


def progress(db: Database, annotator: str) -> tuple[int, int]:
    """(articles this annotator marked done, articles in the project)."""
    return articles.done_count(db, annotator), articles.count(db)

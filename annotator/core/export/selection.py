"""Which articles an export takes, and whose labels: one :class:`Version` per article and annotator.

Rules (documented for users in the README):

* ``status='done'``: articles that the named annotator (or, without ``--annotator``, anyone)
  marked done. ``status='all'``: every article.
* ``annotator=NAME``: NAME's accepted spans and links only.
* Without ``annotator``, formats that hold several tasks per article (jsonl, doccano,
  labelstudio) get one version per annotator who worked on it (marked it done for
  ``status='done'``; has a state or a span for ``status='all'``), tagged with the name.
  One-version formats (spacy, conll, brat) take the version of the annotator who marked
  the article done most recently (for ``status='all'``: whose state changed last).
* An article nobody worked on (``status='all'``) is exported with no spans, or with the
  pending suggestions when ``include_suggestions`` is set.

Rows are read in batches of articles, so a large project streams.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from annotator.core.model import Article, Relation, Span
from annotator.core.store import articles as article_rows

BATCH = 500


@dataclass
class Version:
    """One article as one annotator labelled it (``annotator`` None: nobody, or suggestions)."""

    article: Article
    annotator: str | None
    spans: list[Span]
    relations: list[Relation] = field(default_factory=list)
    state: str = "new"
    updated_at: str = ""

    @property
    def worked(self) -> bool:
        """Whether a person labelled this version (a state, or accepted spans)."""
        return self.state != "new" or any(s.status == "accepted" for s in self.spans)

    @property
    def answer(self) -> str:
        """Prodigy's answer: ``ignore`` for a skipped article, else ``accept``."""
        return "ignore" if self.state == "skipped" else "accept"


@dataclass(frozen=True)
class Selection:
    """What to export."""

    status: str = "done"
    annotator: str | None = None
    include_suggestions: bool = False
    one_version: bool = False


def article_ids(db, selection: Selection) -> list[int]:
    """The ids of the articles the selection takes, in project order."""
    if selection.status == "done":
        return article_rows.done_ids(db, selection.annotator)
    return article_rows.ids(db)


def versions(db, selection: Selection, ids: list[int]) -> Iterator[list[Version]]:
    """For each article id, its versions to export (a list, possibly empty)."""
    for i in range(0, len(ids), BATCH):
        batch = ids[i : i + BATCH]
        rows = _BatchRows(db, batch, selection.include_suggestions)
        for article in rows.articles:
            yield _versions_of(article, rows, selection)


def _versions_of(article: Article, rows: _BatchRows, sel: Selection) -> list[Version]:
    states = rows.states.get(article.id, {})
    if sel.annotator:
        names = [sel.annotator]
    elif sel.status == "done":
        names = sorted(n for n, (state, _) in states.items() if state == "done")
    else:
        names = sorted(set(states) | rows.span_owners.get(article.id, set()))
    if sel.status == "done":
        names = [n for n in names if states.get(n, ("new", ""))[0] == "done"]
    if sel.one_version and len(names) > 1:
        names = [max(names, key=lambda n: (states.get(n, ("", ""))[1], n))]
    if not names:
        return [rows.unworked(article)]
    return [rows.version(article, name) for name in names]


class _BatchRows:
    """Articles, states, accepted spans and links of a batch of articles, read at once."""

    def __init__(self, db, ids: list[int], with_suggestions: bool):
        marks = ",".join("?" * len(ids))
        self.with_suggestions = with_suggestions
        self.articles = _articles(db, marks, ids)
        self.states: dict[int, dict[str, tuple[str, str]]] = {}
        for aid, name, state, stamp in db.execute(
            f"SELECT article_id, annotator, state, updated_at FROM article_states "
            f"WHERE article_id IN ({marks})",
            ids,
        ):
            self.states.setdefault(aid, {})[name] = (state, stamp or "")
        statuses = "('accepted', 'suggested')" if with_suggestions else "('accepted')"
        self.spans: dict[tuple[int, str | None], list[Span]] = {}
        self.span_owners: dict[int, set[str]] = {}
        for span in _rows(
            db,
            Span,
            f"SELECT * FROM spans WHERE article_id IN ({marks}) "
            f"AND status IN {statuses} ORDER BY start, end, id",
            ids,
        ):
            if span.annotator is None and span.status != "suggested":
                continue
            self.spans.setdefault((span.article_id, span.annotator), []).append(span)
        for aid, name in db.execute(
            f"SELECT DISTINCT article_id, annotator FROM spans "
            f"WHERE article_id IN ({marks}) AND annotator IS NOT NULL",
            ids,
        ):
            self.span_owners.setdefault(aid, set()).add(name)
        self.relations: dict[int, list[Relation]] = {}
        for rel in _rows(
            db,
            Relation,
            f"SELECT * FROM relations WHERE article_id IN ({marks}) AND status IN {statuses} ORDER BY id",
            ids,
        ):
            self.relations.setdefault(rel.article_id, []).append(rel)

    def version(self, article: Article, name: str) -> Version:
        """``name``'s accepted spans and links in ``article`` (or the unworked version)."""
        state, stamp = self.states.get(article.id, {}).get(name, ("new", ""))
        spans = [s for s in self.spans.get((article.id, name), []) if s.status == "accepted"]
        if not spans and state == "new" and name not in self.span_owners.get(article.id, ()):
            return self.unworked(article, name)
        return Version(article, name, spans, self._links(article.id, spans, "accepted"), state, stamp)

    def unworked(self, article: Article, name: str | None = None) -> Version:
        """An article without human work: no spans, or the pending suggestions."""
        spans = self.spans.get((article.id, None), []) if self.with_suggestions else []
        pending = [s for s in spans if s.status == "suggested"]
        return Version(article, name, pending, self._links(article.id, pending, "suggested"))

    def _links(self, article_id: int, spans: list[Span], status: str) -> list[Relation]:
        ids = {s.id for s in spans}
        return [
            r
            for r in self.relations.get(article_id, [])
            if r.status == status and r.head_id in ids and r.child_id in ids
        ]


def _articles(db, marks: str, ids: list[int]) -> list[Article]:
    found = {a.id: a for a in _rows(db, Article, f"SELECT * FROM articles WHERE id IN ({marks})", ids)}
    return [found[i] for i in ids if i in found]


def _rows(db, cls, sql: str, params: list):
    cursor = db.execute(sql, params)
    cols = [c[0] for c in cursor.description]
    return [cls.from_row(dict(zip(cols, row))) for row in cursor]

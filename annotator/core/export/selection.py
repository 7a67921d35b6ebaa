"""Which articles an export takes, and whose labels: one :class:`Version` per article and annotator.

Rules (documented for users in the README):

* ``status='done'``: articles that the named annotator (or, without ``--annotator``, anyone)
  marked done. ``status='reviewed'``: the same for ``reviewed`` (a reviewer's result, in
  their spans). ``status='all'``: every article.
* Reviewers' notes on an article travel with every version of it (``comments``).
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
from typing import TYPE_CHECKING, Any

from annotator.core.batching import batched
from annotator.core.model import Article, Relation, Span

if TYPE_CHECKING:
    from annotator.core.store import Project

BATCH = 500
FINISHED = {"done": "done", "reviewed": "reviewed"}  # --status: the article state it takes


@dataclass
class Version:
    """One article as one annotator labelled it (``annotator`` None: nobody, or suggestions)."""

    article: Article
    annotator: str | None
    spans: list[Span]
    relations: list[Relation] = field(default_factory=list)
    state: str = "new"
    updated_at: str = ""
    comments: list[dict[str, Any]] = field(default_factory=list)

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


def article_ids(project: Project, selection: Selection) -> list[int]:
    """The ids of the articles the selection takes, in project order."""
    if selection.status in FINISHED:
        return project.ids_in_state(FINISHED[selection.status], selection.annotator)
    return project.article_ids()


def versions(project: Project, selection: Selection, ids: list[int]) -> Iterator[list[Version]]:
    """For each article id, its versions to export (a list, possibly empty)."""
    for batch in batched(ids, BATCH):
        rows = _BatchRows(project, batch, selection.include_suggestions)
        for article in rows.articles:
            yield _versions_of(article, rows, selection)


def _versions_of(article: Article, rows: _BatchRows, sel: Selection) -> list[Version]:
    states = rows.states.get(article.id, {})
    if sel.annotator:
        names = [sel.annotator]
    elif sel.status in FINISHED:
        names = sorted(n for n, (state, _) in states.items() if state == FINISHED[sel.status])
    else:
        names = sorted(set(states) | rows.span_owners.get(article.id, set()))
    if sel.status in FINISHED:
        names = [n for n in names if states.get(n, ("new", ""))[0] == FINISHED[sel.status]]
    if sel.one_version and len(names) > 1:
        names = [max(names, key=lambda n: (states.get(n, ("", ""))[1], n))]
    if not names:
        return [rows.unworked(article)]
    return [rows.version(article, name) for name in names]


class _BatchRows:
    """Articles, states, accepted spans and links of a batch of articles, read at once."""

    def __init__(self, project: Project, ids: list[int], with_suggestions: bool) -> None:
        self.with_suggestions = with_suggestions
        self.articles = project.articles(ids)
        self.states: dict[int, dict[str, tuple[str, str]]] = project.states_of(ids)
        statuses = ("accepted", "suggested") if with_suggestions else ("accepted",)
        self.spans: dict[tuple[int, str | None], list[Span]] = {}
        for span in project.spans_in(ids, statuses):
            if span.annotator is None and span.status != "suggested":
                continue
            self.spans.setdefault((span.article_id, span.annotator), []).append(span)
        self.span_owners: dict[int, set[str]] = project.span_owners(ids)
        self.comments: dict[int, list[dict[str, Any]]] = project.review.comments(ids)
        self.relations: dict[int, list[Relation]] = {}
        for rel in project.relations_in(ids, statuses):
            self.relations.setdefault(rel.article_id, []).append(rel)

    def version(self, article: Article, name: str) -> Version:
        """``name``'s accepted spans and links in ``article`` (or the unworked version)."""
        state, stamp = self.states.get(article.id, {}).get(name, ("new", ""))
        spans = [s for s in self.spans.get((article.id, name), []) if s.status == "accepted"]
        if not spans and state == "new" and name not in self.span_owners.get(article.id, ()):
            return self.unworked(article, name)
        links = self._links(article.id, spans, "accepted")
        return Version(article, name, spans, links, state, stamp, self.comments.get(article.id, []))

    def unworked(self, article: Article, name: str | None = None) -> Version:
        """An article without human work: no spans, or the pending suggestions."""
        spans = self.spans.get((article.id, None), []) if self.with_suggestions else []
        pending = [s for s in spans if s.status == "suggested"]
        links = self._links(article.id, pending, "suggested")
        return Version(article, name, pending, links, comments=self.comments.get(article.id, []))

    def _links(self, article_id: int, spans: list[Span], status: str) -> list[Relation]:
        ids = {s.id for s in spans}
        return [
            r
            for r in self.relations.get(article_id, [])
            if r.status == status and r.head_id in ids and r.child_id in ids
        ]

"""``import_sources``: stream input files into a project in one transaction.

Articles are deduplicated by content hash; labels that come with them become accepted spans
of the annotator named (once: importing the same file twice adds nothing), and such an
article is marked done for that annotator. Any bad line aborts the whole import, which
then writes nothing.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from annotator.core.errors import Cancelled, InputError
from annotator.core.ingest.formats import reader_for
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record
from annotator.core.ingest.sources import expand_sources
from annotator.core.model import Relation, Span, now_iso
from annotator.core.store import articles, history
from annotator.core.store import spans as span_rows

BATCH = 1000


class ImportCancelled(Cancelled):
    """The user cancelled; nothing from this import was written."""


@dataclass
class ImportReport:
    """What an import did."""

    files: int = 0
    records: int = 0
    articles_added: int = 0
    articles_existing: int = 0
    spans_added: int = 0
    spans_existing: int = 0
    relations_added: int = 0
    labels_added: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def default_annotator() -> str:
    """The name used when ``--annotator`` is not given: the login name."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "annotator"


def import_sources(
    project,
    sources: list[str],
    fmt: str = "auto",
    annotator: str | None = None,
    options: ImportOptions = ImportOptions(),
    add_labels: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import every file of ``sources`` into ``project`` as one transaction."""
    files = expand_sources(sources, fmt)
    report = ImportReport(files=len(files))
    job = _Job(project, annotator or default_annotator(), add_labels, report)
    with project.transaction():
        for batch in _batches(_records(files, options), BATCH):
            if cancelled and cancelled():
                raise ImportCancelled("import cancelled; nothing was written")
            job.write(batch)
            if progress:
                progress(len(batch))
        job.finish([str(path) for path, _ in files])
    return report


def _records(files, options: ImportOptions) -> Iterator[Record]:
    for path, fmt in files:
        yield from reader_for(fmt)(path, options)


def _batches(items: Iterable[Record], size: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Job:
    """The state of one import: the scheme as it grows, and the report."""

    def __init__(self, project, annotator: str, add_labels: bool, report: ImportReport):
        self.project, self.annotator, self.add_labels = project, annotator, add_labels
        self.scheme, self.report = project.scheme, report

    def write(self, batch: list[Record]) -> None:
        for record in batch:
            self._check(record)
        rows = [{"text": r.text, "title": r.title, "source": r.source, "meta": r.meta} for r in batch]
        placed = articles.insert_batch(self.project.db, rows)
        self.report.records += len(batch)
        for record, (article_id, is_new) in zip(batch, placed):
            if is_new:
                self.report.articles_added += 1
            else:
                self.report.articles_existing += 1
            if record.spans or record.answer:
                self._labels(record, article_id)

    def _check(self, record: Record) -> None:
        length = len(record.text)
        for span in record.spans:
            if not 0 <= span.start < span.end <= length:
                raise InputError(
                    record.path,
                    record.line,
                    f"span {span.start}..{span.end} ({span.label}) is outside the text "
                    f"(0..{length}) or does not start before it ends",
                )
            if span.label not in self.scheme.label_names:
                if not self.add_labels:
                    raise InputError(
                        record.path,
                        record.line,
                        f"label {span.label!r} is not in the scheme "
                        f"({', '.join(self.scheme.label_names)}); use --add-labels to add it",
                    )
                self.scheme = self.scheme.with_labels([span.label])
                self.report.labels_added.append(span.label)
            problem = self.scheme.check_attrs(span.label, span.attrs)
            if problem:
                raise InputError(record.path, record.line, f"span {span.start}..{span.end}: {problem}")
        known = {r.name for r in self.scheme.relations}
        for rel in record.relations:
            if rel.label not in known:
                raise InputError(
                    record.path,
                    record.line,
                    f"relation {rel.label!r} is not in the scheme ({', '.join(sorted(known))})",
                )

    def _labels(self, record: Record, article_id: int) -> None:
        db = self.project.db
        existing = {
            (s.start, s.end, s.label): s.id
            for s in span_rows.view(db, article_id, self.annotator)
            if s.annotator == self.annotator
        }
        ids = []
        for span in record.spans:
            key = (span.start, span.end, span.label)
            if key in existing:
                self.report.spans_existing += 1
            else:
                existing[key] = span_rows.insert(
                    db,
                    Span(
                        article_id,
                        span.start,
                        span.end,
                        span.label,
                        attrs=span.attrs,
                        origin="human",
                        status="accepted",
                        annotator=self.annotator,
                    ),
                )
                self.report.spans_added += 1
            ids.append(existing[key])
        self._relations(record, article_id, ids)
        state = "skipped" if record.answer == "ignore" else "done"
        articles.write_state(db, article_id, self.annotator, state)

    def _relations(self, record: Record, article_id: int, ids: list[int]) -> None:
        if not record.relations:
            return
        have = {
            (r.head_id, r.child_id, r.label)
            for r in span_rows.relations_of(self.project.db, article_id, self.annotator, ("accepted",))
        }
        for rel in record.relations:
            key = (ids[rel.head], ids[rel.child], rel.label)
            if key not in have:
                have.add(key)
                span_rows.insert_relation(
                    self.project.db, Relation(article_id, key[0], key[1], rel.label, annotator=self.annotator)
                )
                self.report.relations_added += 1

    def finish(self, paths: list[str]) -> None:
        if self.report.labels_added:
            self.project.set_scheme(self.scheme)
        history.record(
            self.project.db,
            annotator=self.annotator,
            action="import",
            table="articles",
            row_id=None,
            article_id=None,
            before=None,
            after={"files": paths, **self.report.as_dict(), "at": now_iso()},
        )

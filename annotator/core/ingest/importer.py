"""``import_sources``: stream input files into a project, sharing it with other writers.

Articles are deduplicated by content hash; labels that come with them become accepted spans
of the annotator named (once: importing the same file twice adds nothing), and such an
article is marked done for that annotator.

Two passes: every record is read and checked first, so a bad line aborts the import before
anything is written. Then records are written in short transactions (``BATCH`` records, at
most ``BATCH_SECONDS`` each) so that a person editing in the window, or a ``suggest`` run,
waits milliseconds rather than minutes. Rows written so far are noted in the import journal
(``store/import_journal``): if the import stops (cancel, Ctrl+C, a full disk) it takes them
back; if it is killed, the next process that opens the project for writing does.
"""

from __future__ import annotations

import getpass
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any

from annotator.core.errors import Cancelled, InputError, SchemeError
from annotator.core.ingest.formats import reader_for
from annotator.core.ingest.import_report import ImportReport
from annotator.core.ingest.interop.brat import FRAGMENT
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record, RelationIn, SpanIn
from annotator.core.ingest.sources import InputFile, input_files
from annotator.core.label_map import LabelMap
from annotator.core.model import Relation
from annotator.core.scheme import Scheme, scheme_from_dict
from annotator.core.store import Project, announced

BATCH = 500
BATCH_SECONDS = 0.05  # a batch commits early when it has taken this long


class ImportCancelled(Cancelled):
    """The user cancelled; nothing from this import was written."""


def default_annotator() -> str:
    """The name used when ``--annotator`` is not given: the login name."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "annotator"


def import_sources(
    project: Project,
    sources: list[str],
    fmt: str = "auto",
    annotator: str | None = None,
    options: ImportOptions = ImportOptions(),
    add_labels: bool = False,
    label_map: LabelMap | None = None,
    single_annotator: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    doccano_members: bool = False,
) -> ImportReport:
    """Import every file of ``sources`` into ``project``, all or nothing (see the module docstring).

    Spans go to the annotator the file names for them (a doccano per-user export file's name,
    Label Studio ``completed_by``, Prodigy ``_annotator_id``, our exports' annotator), else to
    ``annotator``; with ``single_annotator`` all of them go to ``annotator``. With ``fmt``
    doccano and ``doccano_members``, loose ``.jsonl`` files are per-user export files, each
    credited to its name as in a zip, even when ``annotator`` is given (the window asks)."""
    inputs = input_files(
        sources, fmt, name_single=annotator is None and not single_annotator, members=doccano_members
    )
    files = inputs.files
    report = ImportReport(files=len(files), notes=list(inputs.notes))
    if add_labels or FRAGMENT in {r.name for r in project.scheme.relations}:
        options = replace(options, join_fragments=True)
    job = _Job(project, annotator or default_annotator(), add_labels, report, label_map or LabelMap())
    job.single_annotator = single_annotator
    found = job.check_all(_records(files, options), cancelled)
    if not found:
        where = ", ".join(str(f.path) for f in files) or ", ".join(sources)
        raise InputError(where, None, "no article found to import; nothing was written")
    with announced(project, "importing", "the import") as job.name:
        try:
            job.write_all(_records(files, options), progress, cancelled)
            with project.transaction(doing="the import"):
                job.finish([str(f.path) for f in files])
        except BaseException:
            job.take_back()
            raise
    return report


def _records(files: list[InputFile], options: ImportOptions) -> Iterator[Record]:
    for item in files:
        try:
            for record in reader_for(item.fmt)(item.path, options):
                if item.annotator is not None:  # doccano per-user file: its user made these labels
                    record.annotator = item.annotator
                yield record
        except RecursionError:  # a reader's own parser on absurdly nested input
            raise InputError(item.path, None, "nested too deeply to read (refused)") from None


class _Job:
    """The state of one import: the scheme as it grows, the report, and what was written."""

    def __init__(
        self, project: Project, annotator: str, add_labels: bool, report: ImportReport, label_map: LabelMap
    ) -> None:
        self.project, self.annotator, self.add_labels = project, annotator, add_labels
        self.scheme, self.report, self.label_map = project.scheme, report, label_map
        self.old_scheme = project.scheme
        self.name = ""  # the job name its rows are noted under in the import journal
        self.single_annotator = False  # every span to ``annotator``, whoever the file names
        self.added: set[int] = set()  # articles this import added (a second version is not "present")
        self.labelled: dict[str, set[int]] = {}  # per annotator, the articles given their labels
        self.overlapping: set[str] = set()  # added labels whose spans overlap: not entity-like
        missing = label_map.targets_missing(self.scheme.label_names)
        if missing and not add_labels:
            raise InputError(
                "--label-map",
                None,
                f"maps to {', '.join(missing)}, not in the scheme; use --add-labels to add",
            )

    def check_all(self, records: Iterable[Record], cancelled: Callable[[], bool] | None) -> int:
        """Read and check every record without writing; returns how many there are."""
        count = 0
        for count, record in enumerate(records, start=1):
            map_labels(record, self.label_map, self.scheme.label_names)
            self._check(record)
            self.report.note_skipped(record)
            if cancelled and count % BATCH == 0 and cancelled():
                raise ImportCancelled("import cancelled; nothing was written")
        return count

    def write_all(
        self,
        records: Iterable[Record],
        progress: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        """Write checked records in short transactions (see the module docstring)."""
        if self.report.labels_added or self.report.relation_types_added:
            self.scheme = self._entity_like(self.scheme)
            with self.project.transaction(doing="the import"):  # errors mapped like the rest
                self.project.set_scheme(self.scheme)
        self.report.labels = self.label_map.summary()
        self.label_map = LabelMap(self.label_map.mapping, self.label_map.drop_unmapped)  # uncounted
        iterator = iter(records)
        while True:
            if cancelled and cancelled():
                raise ImportCancelled("import cancelled; nothing was written")
            with self.project.transaction(doing="the import"):
                done = self._write_for_a_while(iterator)
            if progress and done:
                progress(done)
            if not done:
                return

    def _write_for_a_while(self, iterator: Iterator[Record]) -> int:
        """Write up to ``BATCH`` records, fewer once ``BATCH_SECONDS`` have passed."""
        stop = time.monotonic() + BATCH_SECONDS
        done = 0
        while done < BATCH and time.monotonic() < stop:
            batch = list(islice(iterator, 50))
            if not batch:
                break
            self.write(batch)
            done += len(batch)
        return done

    def take_back(self) -> None:
        """Remove what this import wrote (it stopped); the error that stopped it is raised."""
        try:
            with self.project.transaction(doing="taking back the import"):
                self.project.take_back_import(self.name)
                if self.report.labels_added or self.report.relation_types_added:
                    self.project.set_scheme(self.old_scheme)
        except Exception:  # e.g. still no disk space: what was written stays, and is whole
            pass

    def write(self, batch: list[Record]) -> None:
        for record in batch:  # checked again: the file may have changed since the first pass
            map_labels(record, self.label_map, self.old_scheme.label_names)
            self._check(record)
        rows = [{"text": r.text, "title": r.title, "source": r.source, "meta": r.meta} for r in batch]
        placed = self.project.add_articles(rows)
        self.report.records += len(batch)
        self.project.note_import(self.name, "articles", [i for i, new in placed if new])
        for record, (article_id, is_new) in zip(batch, placed):
            if record.repeat or article_id in self.added:
                pass  # another annotator's version of an article already counted
            else:
                if is_new:
                    self.added.add(article_id)
                self.report.count_article(is_new)
            if record.spans or record.answer:
                self._labels(record, article_id)
            if record.suggestions:
                self._suggestions(record, article_id)

    def _check(self, record: Record) -> None:
        for span in [*record.spans, *record.suggestions]:
            self._check_span(record, span)
        self._note_overlaps(record)
        known = {r.name for r in self.scheme.relations}
        linked = [(rel, record.spans) for rel in record.relations]
        linked += [(rel, record.suggestions) for rel in record.suggested_relations]
        for rel, spans in linked:
            if rel.label not in known:
                if not self.add_labels:
                    raise InputError(
                        record.path,
                        record.line,
                        f"relation {rel.label!r} is not in the scheme ({', '.join(sorted(known))}); "
                        "use --add-labels to add it",
                    )
                head, child = spans[rel.head].label, spans[rel.child].label
                self.scheme = self.scheme.with_relations([(rel.label, head, child)])
                self.report.relation_types_added.append(rel.label)
                known.add(rel.label)

    def _check_span(self, record: Record, span: SpanIn) -> None:
        length = len(record.text)
        if not 0 <= span.start < span.end <= length:
            raise InputError(
                record.path,
                record.line,
                f"span {span.start}..{span.end} ({span.label}) is outside the text "
                f"(0..{length}) or does not start before it ends",
            )
        if span.text is not None and record.text[span.start : span.end] != span.text:
            raise InputError(
                record.path,
                record.line,
                f"span {span.start}..{span.end} ({span.label}) says its text is {span.text!r}, "
                f"but the text there is {record.text[span.start : span.end]!r}",
            )
        if span.label not in self.scheme.label_names:
            if not self.add_labels:
                raise InputError(
                    record.path,
                    record.line,
                    f"label {span.label!r} is not in the scheme "
                    f"({', '.join(self.scheme.label_names)}); use --add-labels to add it",
                )
            try:
                self.scheme = self.scheme.with_labels([span.label], entities=True)
            except SchemeError as exc:
                raise InputError(
                    record.path, record.line, f"cannot add label {span.label!r}: {exc}"
                ) from None
            self.report.labels_added.append(span.label)
        span.attrs = self._typed(span.label, span.attrs)
        problem = self.scheme.check_attrs(span.label, span.attrs)
        if problem and self.add_labels and span.label in self.report.labels_added:
            problem = self._add_attributes(span.label, span.attrs)
        if problem:
            raise InputError(record.path, record.line, f"span {span.start}..{span.end}: {problem}")

    def _typed(self, label: str, attrs: dict[str, Any]) -> dict[str, Any]:
        """``attrs`` with ``"true"``/``"false"`` read as booleans where the scheme's attribute is a
        ``bool`` (Label Studio carries them as choices, i.e. strings)."""
        if label not in self.scheme.label_names:
            return attrs
        flags = {a.name for a in self.scheme.label(label).attributes if a.type == "bool"}
        words = {"true": True, "false": False}
        return {
            k: words[v.lower()] if k in flags and isinstance(v, str) and v.lower() in words else v
            for k, v in attrs.items()
        }

    def _add_attributes(self, label: str, attrs: dict[str, Any]) -> str | None:
        """Give a label added by this import the attributes its spans carry (brat ``A`` lines);
        the problem that remains, if any."""
        before = {a.name for a in self.scheme.label(label).attributes}
        try:
            self.scheme = self.scheme.with_attributes(label, attrs)
        except SchemeError as exc:
            return str(exc)
        self.report.attributes_added += [
            f"{label}.{a.name}" for a in self.scheme.label(label).attributes if a.name not in before
        ]
        return self.scheme.check_attrs(label, attrs)

    def _note_overlaps(self, record: Record) -> None:
        """Added labels whose spans overlap another span cannot be entities (doc.ents, CoNLL)."""
        reach = None  # the span reaching furthest right so far
        for span in sorted(record.spans, key=lambda sp: (sp.start, sp.end)):
            if reach is not None and span.start < reach.end:
                self.overlapping.update({reach.label, span.label})
            if reach is None or span.end > reach.end:
                reach = span

    def _entity_like(self, scheme: Scheme) -> Scheme:
        """The scheme with added labels that overlapped made span-group-only (not ``doc.ents``)."""
        spans_only = self.overlapping & set(self.report.labels_added)
        if not spans_only:
            return scheme
        raw = json.loads(scheme.to_json())
        for label in raw["labels"]:
            if label["name"] in spans_only:
                label["spacy"] = ["spans"]
        return scheme_from_dict(raw, source="--add-labels")

    def _suggestions(self, record: Record, article_id: int) -> None:
        """Pre-annotations (Label Studio ``predictions``) become pending suggestions, their links
        suggested relations."""
        ids = []
        for span in record.suggestions:
            span_id = self.project.suggestion_at(article_id, span.start, span.end, span.label)
            if span_id is None:
                span_id = self.project.add_span(
                    span.as_span(
                        article_id,
                        origin=span.origin or "import",
                        status="suggested",
                        annotator=None,
                        score=span.score,
                    )
                )
                self.project.note_import(self.name, "spans", [span_id])
                self.report.suggestions_added += 1
            ids.append(span_id)
        have = {(r.head_id, r.child_id, r.label) for r in self.project.relations_of(article_id)}
        for rel in record.suggested_relations:
            key = (ids[rel.head], ids[rel.child], rel.label)
            if key not in have:
                have.add(key)
                origin = record.suggestions[rel.head].origin or "import"
                relation = Relation(article_id, *key, origin=origin, status="suggested", annotator=None)
                self.project.note_import(self.name, "relations", [self.project.add_relation(relation)])
                self.report.suggested_relations_added += 1

    def _who(self, record: Record) -> str:
        """The annotator whose decisions the record's labels become."""
        if self.single_annotator or record.annotator is None:
            return self.annotator
        return record.annotator

    def _labels(self, record: Record, article_id: int) -> None:
        who = self._who(record)
        self.labelled.setdefault(who, set()).add(article_id)
        self.report.of(who)["articles"] = len(self.labelled[who])
        existing = {
            (s.start, s.end, s.label): s.stored_id
            for s in self.project.spans_for(article_id, who)
            if s.annotator == who
        }
        ids: list[int] = []
        for span in record.spans:
            key = (span.start, span.end, span.label)
            self.report.count_span(who, added=key not in existing)
            if key not in existing:
                existing[key] = span_id = self.project.add_span(
                    span.as_span(article_id, origin="human", status="accepted", annotator=who)
                )
                self.project.note_import(self.name, "spans", [span_id])
            ids.append(existing[key])
        self._relations(record, article_id, ids, who)
        state = "skipped" if record.answer == "ignore" else "done"
        before = self.project.state_row(article_id, who)
        self.project.note_import_state(self.name, article_id, who, before["state"] if before else None)
        self.project.write_state(article_id, who, state)

    def _relations(self, record: Record, article_id: int, ids: list[int], who: str) -> None:
        if not record.relations:
            return
        have = {
            (r.head_id, r.child_id, r.label)
            for r in self.project.relations_of(article_id, who, ("accepted",))
        }
        for rel in record.relations:
            key = (ids[rel.head], ids[rel.child], rel.label)
            if key not in have:
                have.add(key)
                relation_id = self.project.add_relation(
                    Relation(article_id, key[0], key[1], rel.label, annotator=who)
                )
                self.project.note_import(self.name, "relations", [relation_id])
                self.report.count_relation(who)

    def finish(self, paths: list[str]) -> None:
        self.project.finish_import(self.name)
        self.project.log(
            annotator=self.annotator,
            action="import",
            after=self.report.log_entry(paths),
        )


def map_labels(record: Record, label_map: LabelMap, known: list[str]) -> None:
    """Apply ``--label-map`` / ``--drop-unmapped`` to a record: rename spans and suggestions,
    leave dropped ones (and relations touching them) out."""
    index: dict[int, int] = {}
    kept: list[SpanIn] = []
    for i, span in enumerate(record.spans):
        label = label_map.apply(span.label, known)
        if label is not None:
            span.label = label
            index[i] = len(kept)
            kept.append(span)
    record.spans = kept
    record.relations = _reindexed(record.relations, index)
    index = {}
    suggestions: list[SpanIn] = []
    for i, span in enumerate(record.suggestions):
        if span.label in label_map.mapping:
            span.label = label_map.mapping[span.label]
        elif label_map.drop_unmapped and span.label not in known:
            continue
        index[i] = len(suggestions)
        suggestions.append(span)
    record.suggestions = suggestions
    record.suggested_relations = _reindexed(record.suggested_relations, index)


def _reindexed(relations: list[RelationIn], index: dict[int, int]) -> list[RelationIn]:
    """The relations whose ends are both kept, pointing at the kept spans' new indexes."""
    kept = [r for r in relations if r.head in index and r.child in index]
    for rel in kept:
        rel.head, rel.child = index[rel.head], index[rel.child]
    return kept

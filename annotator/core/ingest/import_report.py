"""What an import did: the summary the CLI and the window show, kept per annotator too, and
written into the project's log."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.ingest.records import Record
from annotator.core.model import now_iso


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
    suggestions_added: int = 0
    suggested_relations_added: int = 0
    labels_added: list[str] = field(default_factory=list)
    relation_types_added: list[str] = field(default_factory=list)
    attributes_added: list[str] = field(default_factory=list)  # "LABEL.name", on labels added here
    skipped: dict[str, int] = field(default_factory=dict)  # lines left out of the files, per kind
    notes: list[str] = field(default_factory=list)  # "FILE:LINE: what was left out and why"
    rejected_spans: int = 0  # spans of Prodigy tasks answered ``reject``, left out
    labels: dict[str, dict[str, Any]] = field(default_factory=dict)  # per label: kept / mapped / dropped
    annotators: dict[str, dict[str, int]] = field(default_factory=dict)  # per annotator: their decisions

    def summary_text(self, most: int = 12) -> str:
        """What the window's "Done" box shows: spans and relations, who got them, the notes
        (at most ``most`` lines of those)."""
        lines = [f"{self.spans_added} span(s) added, {self.spans_existing} already present"]
        lines += [
            f"annotator {name}: {row['articles']} article(s), {row['spans_added']} span(s) added"
            for name, row in sorted(self.annotators.items())
        ]
        notes = self.notes[:most] + (
            [f"… and {len(self.notes) - most} more note(s)"] if len(self.notes) > most else []
        )
        return "\n".join(lines + notes)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def note_skipped(self, record: Record) -> None:
        """Count what the reader left out of ``record``'s lines (and why)."""
        for kind, n in record.skipped.items():
            self.skipped[kind] = self.skipped.get(kind, 0) + n
        self.notes += record.notes
        self.rejected_spans += record.rejected_spans

    def count_article(self, is_new: bool) -> None:
        if is_new:
            self.articles_added += 1
        else:
            self.articles_existing += 1

    def count_span(self, who: str, added: bool) -> None:
        """One of ``who``'s labelled spans: added, or already there."""
        if added:
            self.spans_added += 1
            self.of(who)["spans_added"] += 1
        else:
            self.spans_existing += 1
            self.of(who)["spans_existing"] += 1

    def count_relation(self, who: str) -> None:
        self.relations_added += 1
        self.of(who)["relations_added"] += 1

    def of(self, who: str) -> dict[str, int]:
        """``who``'s own figures: articles labelled, spans added and already there, relations."""
        empty = {"articles": 0, "spans_added": 0, "spans_existing": 0, "relations_added": 0}
        return self.annotators.setdefault(who, empty)

    def log_entry(self, paths: list[str]) -> dict[str, Any]:
        """The project log's record of the import: its files, these figures, and when."""
        return {"files": paths, **self.as_dict(), "at": now_iso()}

"""The alignment report: how many spans an export wrote, snapped, or could not keep, and why.

Every export returns one and the CLI prints :meth:`AlignmentReport.summary` at the end, so
no span is ever changed or left out silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import AnnotatorError, Cancelled

MAX_LISTED = 20  # cases listed one by one in the summary; the counts cover all of them


class ExportError(AnnotatorError):
    """An export could not be written as asked (bad option, or ``--strict`` and a span moved)."""


class ExportCancelled(Cancelled):
    """The user cancelled an export; no output file was left behind."""


@dataclass
class Case:
    """One span that was snapped or dropped (or a link that was dropped)."""

    article_id: int
    annotator: str | None
    label: str
    start: int
    end: int
    what: str  # "snapped to 3..9", "dropped: whitespace only", ...

    def line(self) -> str:
        """The case as one line of the summary."""
        who = f" ({self.annotator})" if self.annotator else ""
        return f"article {self.article_id}{who}: {self.label} {self.start}..{self.end} {self.what}"


@dataclass
class AlignmentReport:
    """Counts of one export. ``dropped`` and ``not_carried`` map a reason to a count."""

    format: str = ""
    snapping: bool = True  # False for character formats, which keep offsets exactly
    articles: int = 0
    tasks: int = 0
    spans: int = 0
    kept: int = 0
    snapped: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    relations: int = 0
    relations_kept: int = 0
    relations_dropped: Counter[str] = field(default_factory=Counter)
    not_carried: Counter[str] = field(default_factory=Counter)
    skipped_articles: Counter[str] = field(default_factory=Counter)
    cases: list[Case] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    leftovers_removed: list[str] = field(default_factory=list)  # partials of killed exports
    overlaps: int = 0  # pairs of overlapping spans, for formats whose tools refuse them by default
    overlap_cases: list[Case] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # format-specific remarks for the reader
    entity_conflicts: int = 0  # pairs of entity spans with different labels on the same token(s)
    conflict_cases: list[Case] = field(default_factory=list)

    @property
    def dropped_total(self) -> int:
        """Spans dropped, whatever the reason."""
        return sum(self.dropped.values())

    def note(self, case: Case) -> None:
        """Remember a snapped or dropped span for the listing (the first ``MAX_LISTED``)."""
        if len(self.cases) < MAX_LISTED:
            self.cases.append(case)

    def note_overlap(self, case: Case) -> None:
        """Remember a span that overlaps another (the first ``MAX_LISTED``)."""
        if len(self.overlap_cases) < MAX_LISTED:
            self.overlap_cases.append(case)

    def note_conflict(self, case: Case) -> None:
        """Count two entity labels on the same token(s); list the first ``MAX_LISTED``."""
        self.entity_conflicts += 1
        if len(self.conflict_cases) < MAX_LISTED:
            self.conflict_cases.append(case)

    def summary(self) -> str:
        """A few lines for people: totals, then reasons, then the first cases."""
        moved = f"{self.snapped} snapped to token edges" if self.snapping else "offsets kept exactly"
        lines = [
            f"alignment report ({self.format}): {self.articles} article(s), {self.tasks} task(s); "
            f"{self.spans} span(s): {self.kept} kept, {moved}, "
            f"{self.dropped_total} dropped; {self.relations} link(s): {self.relations_kept} kept"
        ]
        lines += [f"  dropped ({n}): {reason}" for reason, n in sorted(self.dropped.items())]
        lines += [f"  links dropped ({n}): {why}" for why, n in sorted(self.relations_dropped.items())]
        lines += [
            f"  not carried by {self.format} ({n}): {what}" for what, n in sorted(self.not_carried.items())
        ]
        lines += [f"  articles left out ({n}): {why}" for why, n in sorted(self.skipped_articles.items())]
        lines += ["  " + case.line() for case in self.cases]
        hidden = self.snapped + self.dropped_total - len(self.cases)
        if hidden > 0 and len(self.cases) >= MAX_LISTED:
            lines.append(f"  ... and {hidden} more")
        lines += ["  overlap: " + case.line() for case in self.overlap_cases]
        if self.overlaps > len(self.overlap_cases):
            lines.append(f"  ... and {self.overlaps - len(self.overlap_cases)} more overlapping pair(s)")
        if self.entity_conflicts:
            lines.append(
                f"  entity conflicts ({self.entity_conflicts}): two entity labels on the same token(s), "
                "kept in spans, the longer (or first) in ents; --strict refuses them"
            )
        lines += ["  conflict: " + case.line() for case in self.conflict_cases]
        if self.entity_conflicts > len(self.conflict_cases):
            lines.append(f"  ... and {self.entity_conflicts - len(self.conflict_cases)} more conflict(s)")
        lines += [f"  note: {note}" for note in self.notes]
        lines += [f"  wrote {path}" for path in self.files]
        if self.leftovers_removed:
            lines.append(
                f"  removed {len(self.leftovers_removed)} unfinished file(s) of earlier, stopped "
                f"exports: {', '.join(self.leftovers_removed)}"
            )
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        """The counts as plain JSON-able values."""
        return {
            "format": self.format,
            "articles": self.articles,
            "tasks": self.tasks,
            "spans": self.spans,
            "kept": self.kept,
            "snapped": self.snapped,
            "dropped": dict(self.dropped),
            "relations": self.relations,
            "relations_kept": self.relations_kept,
            "relations_dropped": dict(self.relations_dropped),
            "not_carried": dict(self.not_carried),
            "skipped_articles": dict(self.skipped_articles),
            "overlaps": self.overlaps,
            "overlapping_spans": [case.line() for case in self.overlap_cases],
            "entity_conflicts": self.entity_conflicts,
            "conflicting_spans": [case.line() for case in self.conflict_cases],
            "notes": list(self.notes),
            "files": list(self.files),
        }

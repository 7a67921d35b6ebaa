"""``--label-map``: rename labels on their way in (import, merge), and count what happened.

A map is given as ``FROM=TO[,FROM=TO...]`` (the option may be repeated) or as the path of a
JSON file holding an object ``{"FROM": "TO", ...}``. :class:`LabelMap` applies it to one label
at a time and keeps, per source label, how many spans were kept as they were, mapped, or
dropped (``--drop-unmapped``: labels neither in the scheme nor mapped are left out).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.core.errors import AnnotatorError
from annotator.core.option_maps import is_map_file, read_map_file, split_pairs


class LabelMapError(AnnotatorError):
    """A ``--label-map`` value cannot be read."""


def parse_label_map(values: Iterable[str]) -> dict[str, str]:
    """The mapping given by ``values``: each ``OLD=NEW[,OLD=NEW...]`` (e.g. ``PER=ACTOR``) or a
    JSON file. Raises LabelMapError naming the item when one has no ``=``, an empty side, or
    maps a label that was already mapped to something else."""
    mapping: dict[str, str] = {}
    for value in values:
        for old, new in (_from_file(value) if is_map_file(value) else _from_pairs(value)).items():
            if mapping.get(old, new) != new:
                raise LabelMapError(f"--label-map: {old} is mapped twice ({mapping[old]} and {new})")
            mapping[old] = new
    return mapping


def _from_file(value: str) -> dict[str, str]:
    data = read_map_file(value, "--label-map", "FROM=TO[,FROM=TO...]", LabelMapError)
    if not all(isinstance(k, str) and isinstance(v, str) and k and v for k, v in data.items()):
        raise LabelMapError(f"{value}: a label map is a JSON object of non-empty label names")
    return {k: str(v) for k, v in data.items()}


def _from_pairs(value: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for old, new, item in split_pairs(value):
        if not (old and new):
            raise LabelMapError(f"--label-map {item!r}: write OLD=NEW, e.g. PER=ACTOR")
        if mapping.get(old, new) != new:
            raise LabelMapError(f"--label-map: {old} is mapped twice ({mapping[old]} and {new})")
        mapping[old] = new
    return mapping


@dataclass
class LabelMap:
    """Applies a mapping to labels and counts, per source label, kept / mapped / dropped."""

    mapping: dict[str, str] = field(default_factory=dict)
    drop_unmapped: bool = False
    kept: Counter[str] = field(default_factory=Counter)
    mapped: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)

    def apply(self, label: str, known: Iterable[str]) -> str | None:
        """The label to store for ``label`` (None: leave the span out). ``known``: scheme labels."""
        if label in self.mapping:
            self.mapped[label] += 1
            return self.mapping[label]
        if self.drop_unmapped and label not in known:
            self.dropped[label] += 1
            return None
        self.kept[label] += 1
        return label

    def targets_missing(self, known: Iterable[str]) -> list[str]:
        """Mapping targets that are not labels of the scheme."""
        have = set(known)
        return sorted({t for t in self.mapping.values() if t not in have})

    def summary(self) -> dict[str, dict[str, int | str]]:
        """``{label: {"kept": n, "mapped": n, "to": TO, "dropped": n}}`` for every label seen."""
        out: dict[str, dict[str, int | str]] = {}
        for label in sorted(set(self.kept) | set(self.mapped) | set(self.dropped)):
            row: dict[str, int | str] = {
                "kept": self.kept[label],
                "mapped": self.mapped[label],
                "dropped": self.dropped[label],
            }
            if label in self.mapping:
                row["to"] = self.mapping[label]
            out[label] = row
        return out

    def summary_lines(self) -> list[str]:
        """One line a label, for the CLI."""
        lines = []
        for label, row in self.summary().items():
            to = f" -> {row['to']}" if "to" in row else ""
            lines.append(
                f"  {label}{to}: {row['kept']} kept, {row['mapped']} mapped, {row['dropped']} dropped"
            )
        return lines

"""``--format conll``: IOB2 tags, one token a line (``token<TAB>tag``), entities only.

Each article starts with a ``-DOCSTART-\\tO`` line and a blank line; a whitespace token that
holds a line break ends a sentence (a blank line) unless it is inside an entity; other whitespace tokens are left out.
Only ``doc.ents`` (non-overlapping ACTOR/LOCATION) are written: other labels, overlapping
entities, attributes and links are counted in the report as not carried.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.export.align import Task
from annotator.core.export.base import Writer
from annotator.core.export.report import AlignmentReport
from annotator.core.export.spacy_docbin import entity_spans
from annotator.core.scheme import Scheme

DOCSTART = "-DOCSTART-"


def conll_lines(task: Task, labels: set[str], report: AlignmentReport) -> list[str]:
    """The lines of one article (with its DOCSTART header)."""
    tags = ["O"] * len(task.tokens)
    for ent in entity_spans(task, labels, report):
        tags[ent.start] = f"B-{ent.label_}"
        for i in range(ent.start + 1, ent.end):
            tags[i] = f"I-{ent.label_}"
    lines = [f"{DOCSTART}\tO", ""]
    for token, tag in zip(task.tokens, tags):
        if token.is_space:
            if "\n" in token.text and lines[-1] != "" and tag == "O":  # not inside an entity
                lines.append("")
            continue
        lines.append(f"{token.text}\t{tag}")
    if lines[-1] != "":
        lines.append("")
    return lines


class ConllWriter(Writer):
    """Streams each article's lines."""

    name, suffix, one_version, tokens = "conll", ".conll", True, True

    def __init__(self, path: Path, scheme: Scheme, report: AlignmentReport) -> None:
        super().__init__(path, scheme, report)
        self.handle = open(path, "w", encoding="utf-8", newline="\n")
        self.ent_labels = set(scheme.entity_label_names)

    def write(self, task: Task) -> None:
        others = sum(1 for s in task.spans if s.label not in self.ent_labels)
        if others:
            self.report.not_carried["spans of labels that are not entities"] += others
        self.count_unsupported(task, attrs=False)
        self.handle.write("\n".join(conll_lines(task, self.ent_labels, self.report)) + "\n")

    def close(self) -> None:
        self.handle.close()

"""``--format brat``: a folder with ``NNNNNN.txt`` + ``NNNNNN.ann`` per article and an ``annotation.conf``.

Spans are ``T`` lines with the stored code-point offsets (brat counts code points too); the
text field of a ``T`` line has line breaks replaced by spaces, as brat does. Attributes are
``A`` lines (``A3\\tkind T2 killed``; spaces in a value become ``_``; a null value is left
out, as brat has no null). SPEAKER links are ``R`` lines with ``Arg1`` the head (QUOTE) and
``Arg2`` the child (ACTOR).
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.export.align import Task
from annotator.core.export.base import Writer
from annotator.core.export.report import AlignmentReport
from annotator.core.scheme import Scheme


def encode_value(value: object) -> str:
    """An attribute value as one brat word."""
    return str(value).replace(" ", "_")


def ann_lines(task: Task) -> list[str]:
    """The lines of a task's ``.ann`` file."""
    lines, ids = [], {}
    n_attr = 0
    for index, span in enumerate(task.spans, start=1):
        ids[id(span)] = f"T{index}"
        shown = " ".join(task.text[span.start : span.end].splitlines()).replace("\t", " ")
        lines.append(f"T{index}\t{span.label} {span.start} {span.end}\t{shown}")
        for name, value in sorted(span.attrs.items()):
            if value is not None:
                n_attr += 1
                lines.append(f"A{n_attr}\t{name} T{index} {encode_value(value)}")
    for index, rel in enumerate(task.relations, start=1):
        lines.append(f"R{index}\t{rel.label} Arg1:{ids[id(rel.head)]} Arg2:{ids[id(rel.child)]}")
    return lines


class BratWriter(Writer):
    """Writes two files per article as they come, and ``annotation.conf`` at the end."""

    name, suffix, folder, one_version = "brat", "", True, True

    def __init__(self, path: Path, scheme: Scheme, report: AlignmentReport) -> None:
        super().__init__(path, scheme, report)
        path.mkdir(parents=True, exist_ok=True)

    def write(self, task: Task) -> None:
        stem = f"{task.version.article.id:06d}"
        (self.path / f"{stem}.txt").write_text(task.text, encoding="utf-8", newline="")
        lines = ann_lines(task)
        (self.path / f"{stem}.ann").write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8", newline="\n"
        )

    def close(self) -> None:
        (self.path / "annotation.conf").write_text(annotation_conf(self.scheme), encoding="utf-8")


def annotation_conf(scheme: Scheme) -> str:
    """brat's configuration for the scheme: entities, relations, attributes."""
    lines = ["[entities]", *scheme.label_names, "", "[relations]"]
    lines += [f"{r.name}\tArg1:{r.head}, Arg2:{r.child}" for r in scheme.relations]
    lines += ["", "[events]", "", "[attributes]"]
    for label in scheme.labels:
        for attr in label.attributes:
            values = [encode_value(c) for c in attr.choices if c is not None]
            tail = f", Value:{'|'.join(values)}" if values else ""
            lines.append(f"{attr.name}\tArg:{label.name}{tail}")
    return "\n".join(lines) + "\n"

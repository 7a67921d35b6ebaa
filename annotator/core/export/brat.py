"""``--format brat``: a folder with ``NNNNNN.txt`` + ``NNNNNN.ann`` per article and an ``annotation.conf``.

Spans are ``T`` lines with the stored code-point offsets (brat counts code points too); the
text field of a ``T`` line has line breaks replaced by spaces, as brat does. Attributes are
``A`` lines (``A3\\tkind T2 killed``; spaces in a value become ``_``; a null value is left
out, as brat has no null). SPEAKER links are ``R`` lines with ``Arg1`` the head (QUOTE) and
``Arg2`` the child (ACTOR). A ``True`` attribute is brat's binary attribute (``A1\tNegated T1``);
``False`` is left out. Spans joined by ``FRAGMENT`` links (the parts of a discontinuous brat
span, as the brat import makes them) are written back as one ``T`` line: ``T1\tLabel 0 5;9 12``.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.export.align import OutSpan, Task
from annotator.core.export.base import Writer
from annotator.core.export.report import AlignmentReport
from annotator.core.ingest.interop.brat import FRAGMENT
from annotator.core.scheme import Scheme


def encode_value(value: object) -> str:
    """An attribute value as one brat word."""
    return str(value).replace(" ", "_")


def ann_lines(task: Task) -> list[str]:
    """The lines of a task's ``.ann`` file."""
    lines: list[str] = []
    ids: dict[int, str] = {}  # id(span) -> its T id (the parts of a discontinuous span share one)
    parts, joins = _discontinuous(task)
    later = {id(part) for group in parts.values() for part in group}  # written with their first part
    n_attr = n_span = 0
    for span in task.spans:
        if id(span) in later:
            continue
        n_span += 1
        ident = f"T{n_span}"
        group = [span, *parts.get(id(span), [])]
        ids.update((id(part), ident) for part in group)
        offsets = ";".join(f"{p.start} {p.end}" for p in group)
        shown = " ".join(_shown(task.text, p.start, p.end) for p in group)
        lines.append(f"{ident}\t{span.label} {offsets}\t{shown}")
        for name, value in sorted(span.attrs.items()):
            if value is True:  # a binary attribute: present or not
                n_attr += 1
                lines.append(f"A{n_attr}\t{name} {ident}")
            elif value is not None and value is not False:
                n_attr += 1
                lines.append(f"A{n_attr}\t{name} {ident} {encode_value(value)}")
    rels = [rel for rel in task.relations if id(rel) not in joins]
    for index, rel in enumerate(rels, start=1):
        lines.append(f"R{index}\t{rel.label} Arg1:{ids[id(rel.head)]} Arg2:{ids[id(rel.child)]}")
    return lines


def _shown(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].splitlines()).replace("\t", " ")


def _discontinuous(task: Task) -> tuple[dict[int, list[OutSpan]], set[int]]:
    """The later parts of each discontinuous span (by ``id`` of its first part), from the
    ``FRAGMENT`` links the brat import made, and the ids of the links used that way."""
    fragments = [r for r in task.relations if r.label == FRAGMENT and r.head.label == r.child.label]
    heads = {id(r.head) for r in fragments}
    children = {id(r.child) for r in fragments}
    parts: dict[int, list[OutSpan]] = {}
    joins: set[int] = set()
    for rel in fragments:  # a part may belong to several spans ("low and high dose")
        if id(rel.child) in heads or id(rel.head) in children or rel.head is rel.child:
            continue  # a chain: left as a plain link
        parts.setdefault(id(rel.head), []).append(rel.child)
        joins.add(id(rel))
    return parts, joins


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
    owners: dict[str, list[str]] = {}  # one line per attribute name, for every label carrying it
    values: dict[str, list[str]] = {}
    for label in scheme.labels:
        for attr in label.attributes:
            owners.setdefault(attr.name, []).append(label.name)
            known = values.setdefault(attr.name, [])
            known += [v for v in (encode_value(c) for c in attr.choices if c is not None) if v not in known]
    for name, labels in owners.items():
        tail = f", Value:{'|'.join(values[name])}" if values[name] else ""
        lines.append(f"{name}\tArg:{'|'.join(labels)}{tail}")
    return "\n".join(lines) + "\n"

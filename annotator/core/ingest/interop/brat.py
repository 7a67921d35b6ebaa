"""brat standoff: ``NAME.ann`` beside ``NAME.txt``.

``T`` lines are spans (code-point offsets), ``A``/``M`` lines attributes (a value that is an
integer becomes an int, ``_`` becomes a space, no value means ``true``), ``R`` lines links with
``Arg1`` the head and ``Arg2`` the child. A ``T`` line's text must match the text at its
offsets (line breaks may be spaces), so shifted offsets are refused. Ids may be used before
the line defining them (real files do), so ``T`` lines are read first.

A discontinuous span (``T1 Label 0 5;9 12``) becomes one span per part, all with its label
and attributes, joined by ``FRAGMENT`` relations from the first part to each later part (the
brat export writes them back as one ``T`` line); relations naming it start or end at its
first part. ``FRAGMENT`` must be a relation type of the scheme, or be added with
``--add-labels``; otherwise that span alone is left out, with a ``FILE:LINE`` note that says so.

What has no place here is left out and counted per kind in the import report: events
(``E``), equivalences (``*``), normalisations (``N``), notes (``#``), discontinuous spans
that cannot be joined, and attributes or relations whose target is not a span (an event, say).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record, RelationIn, SpanIn, Where
from annotator.core.ingest.textfile import numbered_lines, read_whole

_INT = re.compile(r"-?\d+")
FRAGMENT = "FRAGMENT"  # the relation joining the parts of a discontinuous brat span


def read(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Yield the article of an ``.ann`` file (or of a ``.txt`` file with an ``.ann`` beside it)."""
    ann, txt = path.with_suffix(".ann"), path.with_suffix(".txt")
    if not txt.is_file():
        raise InputError(ann, None, f"no text file {txt.name} beside it")
    text = read_whole(txt, options.encoding)
    record = Record(
        text=text, path=str(ann), line=1, source=txt.name, meta={"file": txt.name}, answer="accept"
    )
    lines = [
        (line_no, raw.rstrip("\r\n"))
        for line_no, raw in (numbered_lines(ann, options.encoding) if ann.is_file() else ())
        if raw.strip()
    ]
    spans: dict[str, list[int]] = {}  # T id -> the indexes of its spans (several parts when discontinuous)
    for line_no, line in lines:  # spans first: other lines may name a T defined later
        if line.startswith("T"):
            _text_bound(line, (ann, line_no), text, record, spans, options.join_fragments)
    for line_no, line in lines:
        if not line.startswith("T"):
            _line(line, (ann, line_no), record, spans)
    yield record


SKIPPED_KINDS = {"E": "E (events)", "*": "* (equivalences)", "N": "N (normalisations)", "#": "# (notes)"}


def _skip(record: Record, kind: str) -> None:
    record.skipped[kind] = record.skipped.get(kind, 0) + 1


def _fields(line: str, where: Where) -> tuple[str, str]:
    ident, tab, rest = line.partition("\t")
    if not tab:
        if " " in line:
            raise InputError(
                *where,
                f"no tab after the id {line.split(' ', 1)[0]!r}: brat separates fields with tabs, not spaces",
            )
        raise InputError(*where, f"expected 'ID<tab>...', got {line!r}")
    return ident, rest


def _text_bound(
    line: str, where: Where, text: str, record: Record, spans: dict[str, list[int]], join: bool
) -> None:
    ident, rest = _fields(line, where)
    if ";" not in rest.partition("\t")[0]:
        spans[ident] = [len(record.spans)]
        record.spans.append(_span(rest, where, text))
        return
    if not join:
        _skip(record, "T (discontinuous spans)")
        record.notes.append(
            f"{where[0]}:{where[1]}: discontinuous span {ident} left out: its parts would be joined "
            f"by a {FRAGMENT} relation, which is not in the scheme (use --add-labels to add it)"
        )
        return
    parts = _fragments(rest, where, text)
    first = len(record.spans)
    spans[ident] = list(range(first, first + len(parts)))
    record.spans += parts
    record.relations += [RelationIn(first, i, FRAGMENT) for i in spans[ident][1:]]


def _fragments(rest: str, where: Where, text: str) -> list[SpanIn]:
    """The parts of a discontinuous span ``LABEL S E;S E[;...]`` (its text: the parts, space-joined)."""
    head, _, shown = rest.partition("\t")
    label, _, offsets = head.partition(" ")
    parts = [_span(f"{label} {pair}", where, text) for pair in offsets.split(";")]
    joined = " ".join(text[p.start : p.end] for p in parts)
    if shown and joined.split() != shown.split():
        raise InputError(*where, f"the text of the parts {offsets} is {joined!r}, not {shown!r}")
    return parts


def _line(line: str, where: Where, record: Record, spans: dict[str, list[int]]) -> None:
    kind = line[:1]
    if kind in SKIPPED_KINDS:
        _skip(record, SKIPPED_KINDS[kind])
        return
    ident, rest = _fields(line, where)
    if kind in ("A", "M"):
        name, target, value = _attribute(rest, where)
        if target not in spans:
            _skip(record, f"{kind} (target not an imported span)")
            return
        for index in spans[target]:
            record.spans[index].attrs[name] = value
    elif kind == "R":
        relation = _relation(rest, where, spans)
        if relation is None:
            _skip(record, "R (argument not an imported span)")
        else:
            record.relations.append(relation)
    else:
        raise InputError(*where, f"unknown brat line {ident!r} (T, A, M, R, E, *, N, #)")


def _span(rest: str, where: Where, text: str) -> SpanIn:
    head, _, shown = rest.partition("\t")
    parts = head.split(" ")
    if len(parts) != 3 or not all(_INT.fullmatch(p) for p in parts[1:]):
        raise InputError(*where, f"expected 'LABEL START END', got {head!r}")
    start, end = int(parts[1]), int(parts[2])
    if not 0 <= start < end <= len(text):
        raise InputError(*where, f"span {start}..{end} is outside the text (0..{len(text)})")
    if (
        shown
        and " ".join(text[start:end].splitlines()).replace("\t", " ") != shown
        and text[start:end].split() != shown.split()
    ):
        raise InputError(*where, f"the text at {start}..{end} is {text[start:end]!r}, not {shown!r}")
    return SpanIn(start, end, parts[0])


def _attribute(rest: str, where: Where) -> tuple[str, str, bool | int | str]:
    parts = rest.split(" ")
    if len(parts) not in (2, 3):
        raise InputError(*where, f"expected 'NAME SPAN [VALUE]', got {rest!r}")
    if len(parts) == 2:
        return parts[0], parts[1], True
    value = parts[2]
    return parts[0], parts[1], int(value) if _INT.fullmatch(value) else value.replace("_", " ")


def _relation(rest: str, where: Where, spans: dict[str, list[int]]) -> RelationIn | None:
    parts = rest.split(" ")
    args = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
    if len(parts) != 3 or "Arg1" not in args or "Arg2" not in args:
        raise InputError(*where, f"expected 'LABEL Arg1:ID Arg2:ID', got {rest!r}")
    if args["Arg1"] not in spans or args["Arg2"] not in spans:
        return None
    return RelationIn(spans[args["Arg1"]][0], spans[args["Arg2"]][0], parts[0])

"""brat standoff: ``NAME.ann`` beside ``NAME.txt``.

``T`` lines are spans (code-point offsets; a discontinuous span is refused), ``A``/``M``
lines attributes (a value that is an integer becomes an int, ``_`` becomes a space, no value
means ``true``), ``R`` lines links with ``Arg1`` the head and ``Arg2`` the child. A ``T``
line's text must match the text at its offsets (line breaks may be spaces), so shifted
offsets are refused. ``#`` notes are ignored; events and other line types are refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record, RelationIn, SpanIn
from annotator.core.ingest.textfile import numbered_lines, read_whole

_INT = re.compile(r"-?\d+")


def read(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Yield the article of an ``.ann`` file (or of a ``.txt`` file with an ``.ann`` beside it)."""
    ann, txt = path.with_suffix(".ann"), path.with_suffix(".txt")
    if not txt.is_file():
        raise InputError(ann, None, f"no text file {txt.name} beside it")
    text = read_whole(txt, options.encoding)
    record = Record(
        text=text, path=str(ann), line=1, source=txt.name, meta={"file": txt.name}, answer="accept"
    )
    spans: dict[str, int] = {}
    for line_no, raw in numbered_lines(ann, options.encoding) if ann.is_file() else ():
        line = raw.rstrip("\r\n")
        if line.strip() and not line.startswith("#"):
            _line(line, (ann, line_no), text, record, spans)
    yield record


def _line(line: str, where, text: str, record: Record, spans: dict[str, int]) -> None:
    ident, _, rest = line.partition("\t")
    kind = ident[:1]
    if kind == "T":
        spans[ident] = len(record.spans)
        record.spans.append(_span(rest, where, text))
    elif kind in ("A", "M"):
        name, target, value = _attribute(rest, where)
        if target not in spans:
            raise InputError(*where, f"attribute of unknown span {target!r}")
        record.spans[spans[target]].attrs[name] = value
    elif kind == "R":
        record.relations.append(_relation(rest, where, spans))
    else:
        raise InputError(*where, f"unsupported brat line {ident!r} (spans T, attributes A, relations R)")


def _span(rest: str, where, text: str) -> SpanIn:
    head, _, shown = rest.partition("\t")
    parts = head.split(" ")
    if ";" in head:
        raise InputError(*where, "discontinuous spans are not supported")
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


def _attribute(rest: str, where):
    parts = rest.split(" ")
    if len(parts) not in (2, 3):
        raise InputError(*where, f"expected 'NAME SPAN [VALUE]', got {rest!r}")
    if len(parts) == 2:
        return parts[0], parts[1], True
    value = parts[2]
    return parts[0], parts[1], int(value) if _INT.fullmatch(value) else value.replace("_", " ")


def _relation(rest: str, where, spans: dict[str, int]) -> RelationIn:
    parts = rest.split(" ")
    args = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
    if len(parts) != 3 or args.get("Arg1") not in spans or args.get("Arg2") not in spans:
        raise InputError(*where, f"expected 'LABEL Arg1:T.. Arg2:T..' over spans of this file, got {rest!r}")
    return RelationIn(spans[args["Arg1"]], spans[args["Arg2"]], parts[0])

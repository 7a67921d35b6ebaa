"""CoNLL (IOB) files: one token a line, the token first and the tag last; ``-DOCSTART-``
lines separate articles and blank lines separate sentences.

An article's text is rebuilt as its tokens joined by spaces, its sentences by line breaks.
Tags may be IOB1, IOB2 or BILOU/IOBES (``B- I- O``, ``E-``/``L-``, ``S-``/``U-``). A file
without ``-DOCSTART-`` is one article.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record, SpanIn
from annotator.core.ingest.textfile import numbered_lines

DOCSTART = "-DOCSTART-"


def read(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Yield one Record an article."""
    doc = _Doc(path, 1)
    for line_no, raw in numbered_lines(path, options.encoding):
        line = raw.rstrip("\r\n")
        if line.startswith(DOCSTART):
            if doc.tokens:
                yield doc.record()
            doc = _Doc(path, line_no)
        elif not line.strip():
            doc.end_sentence()
        else:
            doc.add(line, line_no)
    if doc.tokens:
        yield doc.record()


class _Doc:
    """The article being read: its text so far and its open entity."""

    def __init__(self, path: Path, line: int):
        self.path, self.line = path, line
        self.parts: list[str] = []
        self.length = 0
        self.tokens = 0
        self.spans: list[SpanIn] = []
        self.open: SpanIn | None = None
        self.sentence_open = False

    def add(self, line: str, line_no: int) -> None:
        fields = line.split("\t") if "\t" in line else line.split()
        if len(fields) < 2:
            raise InputError(self.path, line_no, f"expected a token and a tag, got {line!r}")
        token, tag = fields[0], fields[-1].strip()
        if self.parts:
            self.parts.append(" " if self.sentence_open else "\n")
            self.length += 1
        start = self.length
        self.parts.append(token)
        self.length += len(token)
        self.tokens += 1
        self.sentence_open = True
        self._tag(tag, start, start + len(token), line_no)

    def _tag(self, tag: str, start: int, end: int, line_no: int) -> None:
        if tag == "O":
            self.open = None
            return
        prefix, _, label = tag.partition("-")
        if prefix not in ("B", "I", "E", "L", "S", "U") or not label:
            raise InputError(self.path, line_no, f"tag {tag!r} is not O or B-/I-/E-/L-/S-/U-LABEL")
        if prefix in ("I", "E", "L") and self.open is not None and self.open.label == label:
            self.open.end = end
        else:
            self.open = SpanIn(start, end, label)
            self.spans.append(self.open)
        if prefix in ("E", "L", "S", "U"):
            self.open = None

    def end_sentence(self) -> None:
        self.sentence_open = False
        self.open = None

    def record(self) -> Record:
        return Record(
            text="".join(self.parts),
            path=str(self.path),
            line=self.line,
            source=self.path.name,
            spans=self.spans,
            answer="accept",
        )

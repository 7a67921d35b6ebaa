"""``.csv``: one article a row; the text column is ``--text-column`` (default ``text``) and
every other column goes to the article's meta."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.ingest.limits import MAX_CSV_FIELD
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record
from annotator.core.ingest.textfile import numbered_lines

csv.field_size_limit(MAX_CSV_FIELD)


def read(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Yield one Record a row; the line number is the row's first line in the file."""
    lines = (line for _, line in numbered_lines(path, options.encoding))
    reader = csv.DictReader(lines, strict=True)
    row_start = [1]  # the first line of the row being read, set by _rows
    try:
        yield from _rows(reader, path, options.text_column, row_start)
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise InputError(path, row_start[0], "unterminated quote (refused)") from None
        if "field larger than field limit" in str(exc):
            raise InputError(
                path, reader.line_num + 1, f"a cell longer than {MAX_CSV_FIELD:,} characters (refused)"
            ) from None
        raise InputError(path, reader.line_num, f"malformed CSV: {exc}") from None


def _rows(reader: csv.DictReader[str], path: Path, column: str, row_start: list[int]) -> Iterator[Record]:
    if reader.fieldnames is None:
        raise InputError(path, 1, "empty CSV file: expected a header row")
    if column not in reader.fieldnames:
        raise InputError(
            path,
            1,
            f"no column {column!r} (columns: {', '.join(reader.fieldnames)}); choose one with --text-column",
        )
    line = row_start[0] = reader.line_num + 1
    for row in reader:
        if None in row:
            raise InputError(
                path,
                line,
                f"row has {len(reader.fieldnames) + len(row[None])} fields, "
                f"the header has {len(reader.fieldnames)}",
            )
        text = row.pop(column) or ""
        if not text.strip():
            raise InputError(path, line, f"empty {column!r} cell: an article needs text")
        meta = {k: v for k, v in row.items() if v not in (None, "")}
        yield Record(
            text=text,
            path=str(path),
            line=line,
            meta=meta,
            title=meta.get("title", ""),
            source=meta.get("source", path.name),
        )
        line = row_start[0] = reader.line_num + 1

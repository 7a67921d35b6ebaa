"""Opening input files as text: UTF-8 with or without BOM, or the encoding the user names."""

from __future__ import annotations

import codecs
import json
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TextIO

from annotator.core.errors import InputError
from annotator.core.ingest.limits import MAX_LINE_BYTES, loads_json, too_long


def open_text(path: Path, encoding: str | None = None) -> TextIO:
    """Open ``path`` for reading text; newlines are kept exactly as in the file."""
    return path.open("r", encoding=codec_name(path, encoding), newline="")


def codec_name(path: Path, encoding: str | None) -> str:
    """The codec to read ``path`` with (UTF-8, BOM or not, by default)."""
    try:
        return codecs.lookup(encoding or "utf-8-sig").name
    except LookupError:
        raise InputError(path, None, f"unknown encoding {encoding!r}") from None


_WIDE = ("utf-16", "utf-32")  # codecs whose newline is not the byte b"\n"


def numbered_lines(path: Path, encoding: str | None = None) -> Iterator[tuple[int, str]]:
    """``(line_number, line)`` pairs, streamed; a decoding error names the file and line.

    Lines are decoded one by one from the bytes, so the line number of a bad byte is exact.
    """
    name = codec_name(path, encoding)
    if name.startswith(_WIDE):
        with open_text(path, encoding) as handle:
            yield from enumerate(handle, start=1)
        return
    decoder = codecs.getincrementaldecoder(name)()
    with path.open("rb") as handle:
        line_no = 0
        while raw := handle.readline(MAX_LINE_BYTES + 1):
            line_no += 1
            if len(raw) > MAX_LINE_BYTES:
                raise too_long(path, line_no)
            try:
                yield line_no, decoder.decode(raw)
            except UnicodeDecodeError as exc:
                raise not_utf8(path, line_no, encoding, exc) from None


def read_whole(path: Path, encoding: str | None = None) -> str:
    """The whole file as text (for one-article formats such as .txt)."""
    with open_text(path, encoding) as handle:
        try:
            return handle.read()
        except UnicodeDecodeError as exc:
            line = path.read_bytes()[: exc.start].count(b"\n") + 1 if exc.start is not None else None
            raise not_utf8(path, line, encoding, exc) from None


def not_utf8(path: Path, line: int | None, encoding: str | None, exc: UnicodeDecodeError) -> InputError:
    """The error for text that does not decode: it names ``--encoding``, or the encoding given."""
    if encoding:
        return InputError(path, line, f"cannot be decoded as {encoding}: {exc.reason}")
    return InputError(
        path, line, "not UTF-8 text; name its encoding with --encoding (e.g. --encoding cp1252)"
    )


def json_lines(path: Path, encoding: str | None = None) -> Generator[tuple[int, object], None, None]:
    """``(line_number, decoded JSON)`` for each non-blank line; bad JSON names file and line."""
    for line_no, line in numbered_lines(path, encoding):
        if not line.strip():
            continue
        try:
            yield line_no, loads_json(line, path, line_no)
        except json.JSONDecodeError as exc:
            hint = ""
            if line.strip() in ("{", "["):  # e.g. doccano's pretty-printed export
                hint = (
                    "; this looks like JSON spread over many lines (pretty-printed): JSONL needs "
                    "one object a line (for a JSON list of tasks use --format labelstudio or re-save it)"
                )
            raise InputError(path, line_no, f"not valid JSON: {exc.msg} (column {exc.colno}){hint}") from None

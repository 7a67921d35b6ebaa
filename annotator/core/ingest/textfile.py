"""Opening input files as text: UTF-8 with or without BOM, or the encoding the user names."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Iterator, TextIO

from annotator.core.errors import InputError


def open_text(path: Path, encoding: str | None = None) -> TextIO:
    """Open ``path`` for reading text; newlines are kept exactly as in the file."""
    name = encoding or "utf-8-sig"
    try:
        codecs.lookup(name)
    except LookupError:
        raise InputError(path, None, f"unknown encoding {encoding!r}") from None
    return path.open("r", encoding=name, newline="")


def numbered_lines(path: Path, encoding: str | None = None) -> Iterator[tuple[int, str]]:
    """``(line_number, line)`` pairs, streamed; a decoding error names the file and line."""
    line_no = 0
    with open_text(path, encoding) as handle:
        try:
            for line_no, line in enumerate(handle, start=1):
                yield line_no, line
        except UnicodeDecodeError as exc:
            raise not_utf8(path, line_no + 1, encoding, exc) from None


def read_whole(path: Path, encoding: str | None = None) -> str:
    """The whole file as text (for one-article formats such as .txt)."""
    with open_text(path, encoding) as handle:
        try:
            return handle.read()
        except UnicodeDecodeError as exc:
            line = path.read_bytes()[: exc.start].count(b"\n") + 1 if exc.start is not None else None
            raise not_utf8(path, line, encoding, exc) from None


def not_utf8(path: Path, line: int | None, encoding: str | None, exc: UnicodeDecodeError) -> InputError:
    if encoding:
        return InputError(path, line, f"cannot be decoded as {encoding}: {exc.reason}")
    return InputError(path, line, "not UTF-8 text; name its encoding with --encoding (e.g. --encoding cp1252)")

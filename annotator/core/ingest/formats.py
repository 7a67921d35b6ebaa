"""The registry of input formats: name -> reader, and which file endings mean which format.
(``annotator.core.ingest`` imports ``interop``, which registers the other tools' formats.)

A reader is ``read(path: Path, options: ImportOptions) -> Iterator[Record]``. Register new
formats with :func:`register`; ``auto`` picks a reader by the file's ending.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.ingest import csvfile, jsonl, txt
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record

Reader = Callable[[Path, ImportOptions], Iterator[Record]]

READERS: dict[str, Reader] = {}
ENDINGS: dict[str, str] = {}  # ending -> the format ``auto`` picks for it
FORMAT_ENDINGS: dict[str, tuple[str, ...]] = {}  # format -> endings it reads in a folder


def register(name: str, reader: Reader, endings: tuple[str, ...] = (), auto: bool = True) -> None:
    """Make ``name`` an import format for files with these endings; with ``auto``, the
    ``auto`` format picks it for them (formats that share an ending pass ``auto=False``)."""
    READERS[name] = reader
    FORMAT_ENDINGS[name] = endings
    for ending in endings if auto else ():
        ENDINGS[ending] = name


def has_ending(path: Path, endings: Iterable[str]) -> bool:
    """Whether the file name ends with one of ``endings`` (case-insensitive)."""
    return any(path.name.lower().endswith(e) for e in endings)


register("txt", txt.read, (".txt",))
register("jsonl", jsonl.read, (".jsonl", ".ndjson"))
register("csv", csvfile.read, (".csv",))


def format_for(path: Path, requested: str = "auto") -> str:
    """The format to read ``path`` with; InputError when ``auto`` cannot tell."""
    if requested != "auto":
        if requested not in READERS:
            raise InputError(path, None, f"unknown format {requested!r}; use one of {sorted(READERS)}")
        return requested
    name = path.name.lower()
    for ending in sorted(ENDINGS, key=len, reverse=True):
        if name.endswith(ending):
            return ENDINGS[ending]
    raise InputError(
        path, None, f"cannot tell the format from the ending; use --format ({', '.join(sorted(READERS))})"
    )


def reader_for(name: str) -> Reader:
    """The reader of the input format ``name`` (a key of ``READERS``)."""
    return READERS[name]

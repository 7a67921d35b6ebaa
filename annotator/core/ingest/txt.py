"""``.txt``: one article a file; the first line is its title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.ingest.options import ImportOptions
from annotator.core.ingest.records import Record
from annotator.core.ingest.textfile import read_whole


def read(path: Path, options: ImportOptions) -> Iterator[Record]:
    """Yield the file as one article (an empty file is an error)."""
    text = read_whole(path, options.encoding)
    if not text.strip():
        raise InputError(path, 1, "empty file: an article needs text")
    title = text.strip().splitlines()[0][:200]
    yield Record(text=text, path=str(path), line=1, title=title, source=path.name, meta={"file": path.name})

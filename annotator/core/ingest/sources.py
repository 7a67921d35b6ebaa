"""Turning the SOURCE arguments of ``annotator import`` (files, folders, globs) into files."""

from __future__ import annotations

import glob
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.ingest.formats import ENDINGS, FORMAT_ENDINGS, format_for, has_ending


def expand_sources(sources: list[str], fmt: str = "auto") -> list[tuple[Path, str]]:
    """Each input file with the format to read it in, in a stable order, without repeats."""
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for source in sources:
        for path in _paths(source, fmt):
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.append((path, format_for(path, fmt)))
    return found


def _paths(source: str, fmt: str) -> list[Path]:
    path = Path(source)
    if path.is_dir():
        return [p for p in sorted(path.rglob("*")) if p.is_file() and _wanted(p, fmt)]
    if path.is_file():
        return [path]
    if glob.has_magic(source):
        matches = [Path(p) for p in sorted(glob.glob(source, recursive=True))]
        files = [p for p in matches if p.is_file()]
        if not files:
            raise InputError(source, None, "the pattern matches no file")
        return files
    raise InputError(source, None, "no such file or folder")


def _wanted(path: Path, fmt: str) -> bool:
    """In a folder, take the files whose ending belongs to the format (any known one for auto)."""
    if path.name.startswith("."):
        return False
    if fmt == "auto":
        return has_ending(path, ENDINGS)
    endings = FORMAT_ENDINGS.get(fmt, ())
    return has_ending(path, endings) if endings else True

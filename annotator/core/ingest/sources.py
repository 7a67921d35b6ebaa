"""Turning the SOURCE arguments of ``annotator import`` (files, folders, globs, doccano zips)
into the files to read, each with its format and, for a doccano per-user export, its annotator.

doccano exports a project as a zip (``backend/data_export/celery_tasks.py`` in doccano/doccano,
checked at ab6b765ea326d07b2b806a4280cd097565e62321): one ``USERNAME.jsonl`` per project member
holding that member's labels, or, for a project with "collaborative annotation", one
``all.jsonl`` with everyone's labels merged. "Export approved only" keeps the same file names.
In a zip, or a folder read with ``--format doccano``, each per-user file's name is the annotator
of its labels, and an ``all.jsonl`` beside per-user files is left out (it would double them).
One ``.jsonl`` file named alone with ``--format doccano`` and no ``--annotator`` is credited to
its name the same way (unless it is ``all.jsonl``), with a note; with ``--annotator`` its labels
are that annotator's, as before.
"""

from __future__ import annotations

import glob
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from annotator.core.errors import InputError
from annotator.core.ingest.formats import ENDINGS, FORMAT_ENDINGS, format_for, has_ending
from annotator.core.ingest.records import annotator_name

DOCCANO = "doccano"
MERGED = "all.jsonl"  # doccano's file for a collaborative project: every member's labels


@dataclass(frozen=True)
class InputFile:
    """One file to read. A zip member's ``path`` is a :class:`zipfile.Path`: it has the
    ``open``/``read_bytes``/``name`` the JSONL reader uses, and prints as ``ZIP/MEMBER``."""

    path: Path
    fmt: str
    annotator: str | None = None  # a doccano per-user file's name: who made its labels


@dataclass
class Inputs:
    """The files of an import, and the files left out on purpose (with why)."""

    files: list[InputFile]
    notes: list[str]


def input_files(sources: list[str], fmt: str = "auto", name_single: bool = False) -> Inputs:
    """The files ``sources`` name, in a stable order, without repeats (see the module docstring);
    ``name_single``: a lone doccano file is a member's export, credited to its name."""
    found = Inputs([], [])
    seen: set[str] = set()
    for source in sources:
        for item in _expand(source, fmt, found.notes):
            key = str(item.path.resolve()) if isinstance(item.path, Path) else str(item.path)
            if key not in seen:
                seen.add(key)
                found.files.append(item)
    lone = found.files[0] if len(found.files) == 1 else None
    if (
        name_single
        and fmt == DOCCANO
        and lone
        and lone.annotator is None
        and lone.path.name.endswith(".jsonl")
    ):
        found.files = _per_user([lone.path], found.notes)
        if found.files[0].annotator is not None:
            found.notes.append(
                f"{lone.path}: labels given to doccano user {found.files[0].annotator!r}, whose export "
                "file is named for them (give --annotator or --single-annotator to give them to another)"
            )
    return found


def _expand(source: str, fmt: str, notes: list[str]) -> list[InputFile]:
    path = Path(source)
    if path.is_file() and path.suffix.lower() == ".zip":
        return _zip_members(path, fmt, notes)
    if path.is_dir():
        files = [p for p in sorted(path.rglob("*")) if p.is_file() and _wanted(p, fmt)]
        if fmt == DOCCANO:
            return _per_user(files, notes)
        return [InputFile(p, format_for(p, fmt)) for p in files]
    return [InputFile(p, format_for(p, fmt)) for p in _paths(source)]


def _paths(source: str) -> list[Path]:
    path = Path(source)
    if path.is_file():
        return [path]
    if glob.has_magic(source):
        matches = [Path(p) for p in sorted(glob.glob(source, recursive=True))]
        files = [p for p in matches if p.is_file()]
        if not files:
            raise InputError(source, None, "the pattern matches no file")
        return files
    raise InputError(source, None, "no such file or folder")


def _zip_members(path: Path, fmt: str, notes: list[str]) -> list[InputFile]:
    """The ``.jsonl`` members of a doccano export zip, read in place (nothing is extracted)."""
    if fmt not in ("auto", DOCCANO):
        raise InputError(path, None, f"a zip is read as a doccano export; use --format doccano, not {fmt}")
    try:
        with zipfile.ZipFile(path) as archive:
            names = [i.filename for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(path, None, f"not a readable zip file: {exc}") from None
    members = [n for n in sorted(names) if n.lower().endswith(".jsonl") and not _hidden(n)]
    if not members:
        raise InputError(path, None, "holds no .jsonl file; only doccano's JSONL export is read from a zip")
    for other in sorted(set(names) - set(members)):
        notes.append(f"{path}/{other}: left out: not a .jsonl file")
    return _per_user([cast(Path, zipfile.Path(path, name)) for name in members], notes)


def _hidden(name: str) -> bool:
    """Zip entries that are not data: dot files and macOS's ``__MACOSX`` resource copies."""
    return any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))


def _per_user(files: list[Path], notes: list[str]) -> list[InputFile]:
    """doccano export files: each per-user file named for its annotator; ``all.jsonl`` only
    when it is alone (a collaborative project's export), else left out with a note."""
    per_user = [p for p in files if p.name.lower() != MERGED]
    if not per_user:
        return [InputFile(p, DOCCANO) for p in files]
    for merged in (p for p in files if p.name.lower() == MERGED):
        notes.append(
            f"{merged}: left out: doccano's {MERGED} holds the labels of the per-user files "
            "beside it merged, and would import them twice (import it on its own to read it)"
        )
    return [InputFile(p, DOCCANO, _user_of(p)) for p in per_user]


def _user_of(path: Path) -> str | None:
    """The doccano user a per-user export file is named for: its name without ``.jsonl``."""
    return annotator_name(path.name[: -len(".jsonl")], (path, None))


def _wanted(path: Path, fmt: str) -> bool:
    """In a folder, take the files whose ending belongs to the format (any known one for auto)."""
    if path.name.startswith("."):
        return False
    if fmt == "auto":
        return has_ending(path, ENDINGS)
    endings = FORMAT_ENDINGS.get(fmt, ())
    return has_ending(path, endings) if endings else True

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
are that annotator's, as before. The window asks instead (:func:`doccano_members`): loose
``.jsonl`` files shaped like doccano's export are credited to their names when the user says so.
"""

from __future__ import annotations

import glob
import zipfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from annotator.core.errors import InputError
from annotator.core.ingest.formats import ENDINGS, FORMAT_ENDINGS, format_for, has_ending
from annotator.core.ingest.records import annotator_name
from annotator.core.ingest.textfile import json_lines

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


CLI_HINT = " (give --annotator or --single-annotator to give them to another)"


def input_files(
    sources: list[str], fmt: str = "auto", name_single: bool = False, members: bool = False
) -> Inputs:
    """The files ``sources`` name, in a stable order, without repeats (see the module docstring).
    With ``fmt`` doccano, ``name_single``: a lone ``.jsonl`` file is a member's export, credited
    to its name (the CLI without ``--annotator``); ``members``: every loose ``.jsonl`` file is one,
    as in a zip (the window, when the user said so)."""
    found = Inputs([], [])
    seen: set[str] = set()
    for source in sources:
        for item in _expand(source, fmt, found.notes):
            key = str(item.path.resolve()) if isinstance(item.path, Path) else str(item.path)
            if key not in seen:
                seen.add(key)
                found.files.append(item)
    loose = [f for f in found.files if f.annotator is None and f.path.name.endswith(".jsonl")]
    if fmt == DOCCANO and loose == found.files and (members or (name_single and len(loose) == 1)):
        found.files = _per_user([f.path for f in loose], found.notes)
        found.notes += [
            f"{f.path}: labels given to doccano user {f.annotator!r}, whose export file is named "
            f"for them{'' if members else CLI_HINT}"
            for f in found.files
            if f.annotator is not None
        ]
    return found


def doccano_members(sources: list[str]) -> list[str]:
    """The doccano users that ``sources`` would be credited to as per-member export files: one
    name a file, when every source is a ``.jsonl`` file whose first line has the shape of
    doccano's export (``text``, ``label`` or ``entities``, and doccano's own ``Comments``);
    ``all.jsonl`` names nobody. Empty when they are not such files (or cannot be read: the
    import then says why)."""
    paths = [Path(s) for s in sources]
    if not paths or not all(p.is_file() and p.name.lower().endswith(".jsonl") for p in paths):
        return []
    try:
        if not all(_doccano_export_line(p) for p in paths):
            return []
        return [f.annotator for f in _per_user(paths, []) if f.annotator is not None]
    except InputError:
        return []


def _doccano_export_line(path: Path) -> bool:
    """Whether the first JSON line of ``path`` looks like a line of doccano's JSONL export."""
    with closing(json_lines(path, None)) as lines:
        first = next(lines, None)
    task = first[1] if first else None
    return (
        isinstance(task, dict)
        and isinstance(task.get("text"), str)
        and isinstance(task.get("label", task.get("entities")), list)
        and "Comments" in task
    )


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

"""Where an export is written: never over the project itself, under a temporary name that is
moved into place only when complete, and without the debris of earlier, killed exports."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.core.export.report import ExportError
from annotator.core.processes import process_alive

MARKER = ".annotator-export"
_PROJECT_FILES = ("", "-wal", "-shm", "-journal")
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?:partial|old)-(?P<pid>\d+)$")


def refuse_project_as_output(project_path: Path, out: Path) -> None:
    """ExportError when writing ``out`` could overwrite or delete the project file (or its
    -wal/-shm), including when the project is inside a folder ``out`` would replace."""
    project = _real(project_path)
    target = _real(out)
    for suffix in _PROJECT_FILES:
        if target == Path(f"{project}{suffix}") or _same_file(out, Path(f"{project_path}{suffix}")):
            raise ExportError(
                f"{out}: is the project file{' (its ' + suffix + ' file)' if suffix else ''} itself; "
                "choose another output name (nothing was written)"
            )
    if target in project.parents:
        raise ExportError(
            f"{out}: the project {project_path} is inside this folder, which the export would "
            "replace; choose another output folder (nothing was written)"
        )


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def remove_leftovers(out: Path) -> list[str]:
    """Delete ``.OUT.partial-PID`` / ``.OUT.old-PID`` left by exports whose process is gone;
    returns their names (an export still running in another process is left alone)."""
    removed: list[str] = []
    if not out.parent.is_dir():
        return removed
    for entry in out.parent.iterdir():
        match = _LEFTOVER.match(entry.name)
        if not match or match["name"] != out.name or _alive(int(match["pid"])):
            continue
        remove(entry)
        removed.append(entry.name)
    return sorted(removed)


def _alive(pid: int) -> bool:
    # this process's own partial file is an earlier export of it that was stopped
    return pid != os.getpid() and process_alive(pid)


@contextmanager
def staged(out: Path, folder: bool) -> Iterator[Path]:
    """A temporary path beside ``out``, moved onto ``out`` when the block succeeds."""
    if out.is_dir() and not (out / MARKER).exists():
        raise ExportError(f"{out}: is a folder that is not an earlier export; not replacing it")
    if folder and out.exists() and not out.is_dir():
        raise ExportError(f"{out}: is a file, but this export is a folder; choose another name")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.partial-{os.getpid()}"
    remove(tmp)
    if folder:
        tmp.mkdir()
        (tmp / MARKER).write_text("written by annotator export\n", encoding="utf-8")
    try:
        yield tmp
    except BaseException:
        remove(tmp)
        raise
    _move_into_place(tmp, out)


def _move_into_place(tmp: Path, out: Path) -> None:
    if out.is_dir():
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old)
    else:
        os.replace(tmp, out)


def remove(path: Path) -> None:
    """Delete a file or a folder tree, if present."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()

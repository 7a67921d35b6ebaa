"""Long jobs say what they are doing, so other processes (the window) can tell the user.

A job (import, suggest) writes a ``job:PID:TOKEN`` row to ``meta`` while it runs and removes
it when it ends. A killed job leaves its row behind; rows of processes that are gone are
ignored (and removed by the next job that announces itself).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from annotator.core.errors import DiskFullError
from annotator.core.model import now_iso
from annotator.core.processes import process_alive
from annotator.core.store import import_journal

if TYPE_CHECKING:
    from annotator.core.store.project import Project

_PREFIX = "job:"
_RUNNING: set[str] = set()  # jobs of this process that have not ended (several threads may run one)


@contextmanager
def announced(project: Project, kind: str, doing: str = "the job") -> Iterator[str]:
    """Show ``kind`` ("importing", "suggesting") to other processes while the block runs;
    yields a job name unique to this run (``PID:random``)."""
    job = f"{os.getpid()}:{secrets.token_hex(6)}"
    key = f"{_PREFIX}{job}"
    _RUNNING.add(job)
    with project.transaction(doing=doing):
        _forget_dead(project.db)
        project.db.table("meta").upsert(
            {"key": key, "value": json.dumps({"kind": kind, "pid": os.getpid(), "since": now_iso()})},
            pk="key",
        )
    try:
        yield job
    finally:
        _RUNNING.discard(job)
        try:
            with project.transaction(doing=doing):
                project.db.execute("DELETE FROM meta WHERE key = ?", [key])
        except Exception:  # the job's own error matters more; the stale row is ignored later
            pass


def others(db: Database) -> list[dict[str, Any]]:
    """Jobs of other, living processes: ``{"kind", "pid", "since"}`` each."""
    found: list[dict[str, Any]] = []
    for _key, value in db.execute("SELECT key, value FROM meta WHERE key LIKE 'job:%'"):
        try:
            job = json.loads(value)
            pid = int(job["pid"])
        except (TypeError, ValueError, KeyError):
            continue
        if pid != os.getpid() and process_alive(pid):
            found.append(job)
    return found


def _forget_dead(db: Database) -> None:
    for (key,) in db.execute("SELECT key FROM meta WHERE key LIKE 'job:%'").fetchall():
        if not _job_alive(key[len(_PREFIX) :]):
            db.execute("DELETE FROM meta WHERE key = ?", [key])


def take_back_stopped_imports(project: Project) -> int:
    """Take back the rows of imports whose process is gone (killed mid-way); how many."""
    stopped = [job for job in import_journal.jobs(project.db) if not _job_alive(job)]
    for job in stopped:
        try:
            with project.transaction(doing="taking back a stopped import"):
                if not _job_alive(job):
                    import_journal.take_back(project.db, job)
        except DiskFullError:
            # Deleting needs room in the WAL too. The journal still names the rows, so the
            # next writer that has room takes them back; opening the project must not fail.
            return 0
    return len(stopped)


def _job_alive(job: str) -> bool:
    """Whether the job ``PID:TOKEN`` still runs: in this process, or in a living other one."""
    pid = job.split(":", 1)[0]
    if not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return job in _RUNNING
    return process_alive(int(pid))

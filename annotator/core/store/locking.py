"""Who may write when: the window's advisory lock, and the write transaction's wait-and-retry.

Several processes may write one project at once (a window, CLI imports, ``suggest``); SQLite
lets one of them write at a time. Every writer starts with ``BEGIN IMMEDIATE`` and, when
another holds the file (``SQLITE_BUSY``), retries with back-off until its deadline:

* a person's edit (``HUMAN``) retries every millisecond or so for a few seconds, then the
  window says plainly that the edit was not saved;
* background jobs (``BACKGROUND``: import, suggest) back off exponentially up to a quarter
  second and wait up to ten minutes, and after each commit they pause for a moment so a
  waiting edit gets the file first. They commit in short transactions.

The window also holds :class:`WriterLock` so that a second window opens read-only.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import BinaryIO

from annotator.core.store.failures import is_busy

_fcntl: ModuleType | None
try:
    import fcntl as _fcntl
except ImportError:  # Windows: no advisory locks; SQLite's own locking still protects the data
    _fcntl = None


@dataclass(frozen=True)
class WritePolicy:
    """How a writer waits for the write lock, and how long it lets go after a commit."""

    name: str
    deadline: float  # seconds to keep retrying BEGIN IMMEDIATE
    first_pause: float  # first back-off pause (doubles up to max_pause)
    max_pause: float
    after_commit: float  # pause after each commit, so waiting edits get in

    def pauses(self) -> Iterator[float]:
        """Back-off pauses with jitter: first_pause, doubling, capped at max_pause."""
        pause = self.first_pause
        while True:
            yield pause * random.uniform(0.5, 1.0)
            pause = min(pause * 2, self.max_pause)


HUMAN = WritePolicy("human", deadline=4.0, first_pause=0.0005, max_pause=0.002, after_commit=0.0)
BACKGROUND = WritePolicy("background", deadline=600.0, first_pause=0.005, max_pause=0.25, after_commit=0.004)


BUSY_TIMEOUT_MS = 5000  # what any other statement waits for a busy file (reads, checkpoints)


def retry_while_busy(step: Callable[[], object], policy: WritePolicy, deadline: float) -> int:
    """Run ``step``, again after each of ``policy``'s back-off pauses while it fails with
    SQLITE_BUSY, for up to ``deadline`` seconds.

    Returns how many retries it took; re-raises any other error at once, and SQLITE_BUSY
    when the next pause would end past the deadline.
    """
    give_up = time.monotonic() + deadline
    tries = 0
    for pause in policy.pauses():
        try:
            step()
            return tries
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() + pause > give_up:
                raise
        tries += 1
        time.sleep(pause)
    raise AssertionError("unreachable")


def begin_immediate(conn: sqlite3.Connection, policy: WritePolicy) -> int:
    """``BEGIN IMMEDIATE`` on ``conn``, retried with back-off while another process writes.

    Returns how many retries it took; re-raises SQLITE_BUSY when the deadline passes.
    """
    conn.execute("PRAGMA busy_timeout = 0")  # we wait here, with finer steps than SQLite's
    try:
        return retry_while_busy(lambda: conn.execute("BEGIN IMMEDIATE"), policy, policy.deadline)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


class WriterLock:
    """An advisory, non-blocking lock held by the window that edits the project.

    The descriptor it locks is opened once per project file and process and never closed:
    closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
    included, and another process closing the project would then take itself for the last
    one and delete the WAL this process still writes to. Letting go is ``LOCK_UN``.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key: tuple[int, int] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process, or another window of this one, holds it."""
        if _fcntl is None:
            return True
        with _LOCKS_GUARD:
            key, handle = _kept_handle(self.path)
            if key in _HELD:
                return False
            try:
                _fcntl.flock(handle, _fcntl.LOCK_EX | _fcntl.LOCK_NB)
            except OSError:
                return False
            _HELD.add(key)
            self._key = key
        return True

    @property
    def held(self) -> bool:
        """Whether this process really holds the lock (never where there are no locks)."""
        return self._key is not None

    def release(self) -> None:
        """Let the lock go, keeping the descriptor open (see the class docstring)."""
        if self._key is None or _fcntl is None:
            return
        with _LOCKS_GUARD:
            _fcntl.flock(_KEPT[self._key], _fcntl.LOCK_UN)
            _HELD.discard(self._key)
            self._key = None


_LOCKS_GUARD = threading.Lock()
_KEPT: dict[tuple[int, int], BinaryIO] = {}  # (device, inode) -> this process's one descriptor
_HELD: set[tuple[int, int]] = set()  # the files a window of this process has locked


def _kept_handle(path: Path) -> tuple[tuple[int, int], BinaryIO]:
    """The descriptor this process keeps for ``path``'s file, opened on first use.

    Keyed by device and inode: the open descriptor keeps the inode alive, so a key never
    comes to name another file."""
    status = path.stat()
    key = (status.st_dev, status.st_ino)
    if key not in _KEPT:
        _KEPT[key] = open(path, "rb")  # kept open for the process's life, on purpose
    return key, _KEPT[key]

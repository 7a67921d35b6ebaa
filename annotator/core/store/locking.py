"""One writer per project file: a second window gets the file read-only."""

from __future__ import annotations

from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; SQLite's own locking still protects the data
    fcntl = None


class WriterLock:
    """An advisory, non-blocking lock held by the process that writes the project."""

    def __init__(self, path: Path):
        self.path = path
        self._handle = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it."""
        if fcntl is None:
            return True
        handle = open(self.path, "rb")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

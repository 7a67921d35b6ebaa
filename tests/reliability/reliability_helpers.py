"""Running the real ``annotator`` command in its own process, as a user (or a script) would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}
CLI = "import sys; from annotator.cli import main; main(sys.argv[1:])"


def cli(*args, timeout: float = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    """``annotator ARGS`` in a new process; its output as text."""
    return subprocess.run(
        [sys.executable, "-c", CLI, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or ENV,
    )


def spawn(*args, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """``annotator ARGS`` started in the background."""
    return subprocess.Popen(
        [sys.executable, "-c", CLI, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or ENV,
        **kwargs,
    )


def python(code: str, *args, output: Path | None = None) -> subprocess.Popen:
    """A Python snippet in a new process (``sys.argv[1:]`` are ``args``); its stdout goes to
    the file ``output`` when given (a chatty process must not block on a full pipe)."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        stdout=output.open("w") if output else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def write_articles(path: Path, count: int, start: int = 0, size: int = 400) -> Path:
    """A JSONL file of ``count`` distinct articles of about ``size`` characters."""
    import json

    filler = "Officials said the talks in Geneva would resume on Monday. "
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + count):
            text = f"Report {i}. " + filler * max(1, size // len(filler))
            out.write(json.dumps({"text": text, "meta": {"n": i}}) + "\n")
    return path


def read_only_runner() -> list[str] | None:
    """A command prefix that makes the current folder's files unwritable for the command:
    a non-root user sees chmod; root needs a read-only bind mount in a private mount
    namespace. None when neither is available here."""
    if os.geteuid() != 0:
        return []
    if shutil.which("unshare") and shutil.which("mount"):
        probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
        if probe.returncode == 0:
            return ["unshare", "-m", "sh", "-c"]
    return None


def can_mount() -> bool:
    """Whether this process may mount (root with the capability): tmpfs and read-only binds."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    import tempfile

    with tempfile.TemporaryDirectory() as probe:
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], capture_output=True)
        if ok.returncode != 0:
            return False
        subprocess.run(["umount", probe], check=True)
    return True


class Mount:
    """A mount made for a test and undone when the block ends."""

    def __init__(self, target: Path, *commands: list[str]):
        self.target, self.commands = Path(target), commands

    def __enter__(self) -> Path:
        for command in self.commands:
            subprocess.run(command, check=True, capture_output=True)
        return self.target

    def __exit__(self, *exc) -> None:
        for _ in self.commands:
            subprocess.run(["umount", "-l", str(self.target)], capture_output=True)


def tmpfs(target: Path, size_kb: int) -> Mount:
    """A small RAM disk at ``target`` (for a real "disk is full")."""
    target.mkdir(parents=True, exist_ok=True)
    return Mount(target, ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(target)])


def read_only_bind(target: Path) -> Mount:
    """``target`` (a file or a folder) made read-only in place by a read-only bind mount."""
    return Mount(
        target,
        ["mount", "--bind", str(target), str(target)],
        ["mount", "-o", "remount,ro,bind", str(target)],
    )


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of a project file (a query-only connection: it writes nothing)."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA query_only = ON")
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()

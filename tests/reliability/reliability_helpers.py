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


def python(code: str, *args, **kwargs) -> subprocess.Popen:
    """A Python snippet in a new process (``sys.argv[1:]`` are ``args``)."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        **kwargs,
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

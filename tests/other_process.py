"""What another process (``annotator stats``, an export, a training run) reads of a project:
the WAL tests' probe, written in one process and read in a fresh one."""

from __future__ import annotations

import subprocess
import sys

_READ_ONLY_VISIT = (
    "import sys\n"
    "from annotator.core.store import open_project\n"
    "with open_project(sys.argv[1], read_only=True) as p:\n"
    "    print(p.get_meta('probe'))\n"
)


def other_process_reads(path) -> str:
    """The ``probe`` meta value as a separate process sees it; it opens and closes the project."""
    done = subprocess.run(
        [sys.executable, "-c", _READ_ONLY_VISIT, str(path)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()

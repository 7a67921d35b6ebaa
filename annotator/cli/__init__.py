"""The ``annotator`` command. Each sub-command lives in a module of its own in this package.

``annotator [PROJECT]`` (no sub-command) opens the desktop window.
"""

from __future__ import annotations

import sys

# Importing a command module registers its commands: a new module is added to this line.
from annotator.cli import (  # noqa: F401
    export_cmd,
    open_cmd,
    project_cmds,
    review_cmd,
    suggest_cmd,
    train_cmd,
    undo_cmd,
)
from annotator.cli.base import cli


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``annotator`` console script."""
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="annotator")

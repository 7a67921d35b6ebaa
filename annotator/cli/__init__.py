"""The ``annotator`` command. Each sub-command lives in a module of its own in this package.

``annotator [PROJECT]`` (no sub-command) opens the desktop window.
"""

from __future__ import annotations

import sys

from annotator.cli import open_cmd, project_cmds  # noqa: F401  (registers commands)
from annotator.cli.base import cli

for _optional in ("suggest_cmd", "export_cmd", "review_cmd", "train_cmd"):
    try:  # commands whose modules are added by later work register themselves when present
        __import__(f"annotator.cli.{_optional}")
    except ModuleNotFoundError as exc:
        if exc.name != f"annotator.cli.{_optional}":
            raise


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``annotator`` console script."""
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="annotator")

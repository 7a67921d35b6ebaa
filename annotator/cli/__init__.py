"""The ``annotator`` command. Each sub-command lives in a module of its own in this package.

``annotator [PROJECT]`` (no sub-command) opens the desktop window.
"""

from __future__ import annotations

import sys

from annotator.cli.base import cli

# Command name -> the module that registers it. A module is imported only when its command runs
# (or help lists every command), so `annotator --version` pays for neither spaCy nor Qt.
# A new command module adds its names here (test_cli checks that every command is listed).
cli.lazy_modules.update(
    {
        "open": "annotator.cli.open_cmd",
        "init": "annotator.cli.project_cmds",
        "import": "annotator.cli.project_cmds",
        "stats": "annotator.cli.project_cmds",
        "suggest": "annotator.cli.suggest_cmd",
        "export": "annotator.cli.export_cmd",
        "merge": "annotator.cli.review_cmd",
        "agreement": "annotator.cli.review_cmd",
        "history": "annotator.cli.review_cmd",
        "train": "annotator.cli.train_cmd",
        "undo": "annotator.cli.undo_cmd",
        "redo": "annotator.cli.undo_cmd",
    }
)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``annotator`` console script."""
    cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="annotator")

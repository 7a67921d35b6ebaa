"""``python -m annotator``: the same as the ``annotator`` command."""

from annotator.cli import main

main()

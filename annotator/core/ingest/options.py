"""Options shared by every reader."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportOptions:
    """How to read input files (from the CLI flags of ``annotator import``)."""

    encoding: str | None = None
    text_column: str = "text"
    join_fragments: bool = False  # brat: discontinuous spans become parts joined by FRAGMENT

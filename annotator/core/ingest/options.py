"""Options shared by every reader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImportOptions:
    """How to read input files (from the CLI flags of ``annotator import``)."""

    encoding: str | None = None
    text_column: str = "text"
    join_fragments: bool = False  # brat: discontinuous spans become parts joined by FRAGMENT
    user_map: Mapping[str, str] = field(default_factory=dict)  # Label Studio user id or email -> name

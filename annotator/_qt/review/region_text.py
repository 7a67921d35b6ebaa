"""How a review region and its versions read as text: the side panel's rows, the status bar's
messages."""

from __future__ import annotations

import json

from annotator.core.review import Cluster, Key


def describe_region(region: Cluster, names: list[str], text: str) -> str:
    """A region as the side panel lists it: its words, then each annotator's version and yours."""
    words = " ".join(text[region.start : region.end].split())
    head = f"{region_status(region)}: “{words[:60]}”"
    lines = [head]
    for i, name in enumerate(names):
        lines.append(f"  {i + 1} {name}: {keys_text(region.version_of(name), text)}")
    lines.append(f"  you: {keys_text(region.reviewer, text)}")
    return "\n".join(lines)


def region_status(region: Cluster) -> str:
    """How the side panel heads a region: agreed, agreed but yours differs, or disagreed."""
    if region.reviewer_differs:
        return "agreed, YOURS DIFFERS"
    return "agreed" if region.agreed else "DISAGREE"


def keys_text(keys: list[Key], text: str = "") -> str:
    """A version as the side panel lists it: label, range, attributes, a QUOTE's speaker."""
    if not keys:
        return "—"
    shown = []
    for start, end, label, attrs, speaker in sorted(keys):
        values = {k: v for k, v in json.loads(attrs).items() if v is not None}
        extra = " " + ", ".join(f"{k}={v}" for k, v in values.items()) if values else ""
        said = f" said by “{' '.join(text[speaker[0] : speaker[1]].split())}”" if speaker else ""
        shown.append(f"{label} {start}..{end}{extra}{said}")
    return "; ".join(shown)

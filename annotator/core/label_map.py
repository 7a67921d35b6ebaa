"""``--label-map OLD=NEW``: renaming labels when data from another scheme comes in."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.errors import AnnotatorError


def parse_label_map(items: Iterable[str]) -> dict[str, str]:
    """``["PER=ACTOR", "GPE=LOCATION"]`` (or comma-joined ``"PER=ACTOR,GPE=LOCATION"``) as a dict.

    Raises AnnotatorError naming the item when one has no ``=``, an empty side, or maps a
    label that was already mapped to something else.
    """
    mapping: dict[str, str] = {}
    for item in items:
        for part in item.split(","):
            part = part.strip()
            if not part:
                continue
            old, sep, new = part.partition("=")
            old, new = old.strip(), new.strip()
            if not sep or not old or not new:
                raise AnnotatorError(f"--label-map {part!r}: write OLD=NEW, e.g. PER=ACTOR")
            if mapping.get(old, new) != new:
                raise AnnotatorError(f"--label-map: {old} is mapped twice ({mapping[old]} and {new})")
            mapping[old] = new
    return mapping

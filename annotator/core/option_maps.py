"""Options that take a map (``--label-map``, ``--user-map``): ``KEY=VALUE[,KEY=VALUE...]``, the
option repeated, or the path of a JSON file holding one object ``{"KEY": "VALUE", ...}``.

This module only reads the two forms; each option checks its own keys and values.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from annotator.core.errors import AnnotatorError


def is_map_file(value: str) -> bool:
    """Whether ``value`` names a JSON file rather than ``KEY=VALUE`` pairs."""
    return "=" not in value or (value.lower().endswith(".json") and Path(value).is_file())


def read_map_file(value: str, option: str, form: str, error: type[AnnotatorError]) -> dict[str, object]:
    """The JSON object in file ``value``. Raises ``error`` naming the file (and line, for bad
    JSON), or, when there is no such file, saying that ``option`` expects ``form`` or a file."""
    path = Path(value)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise error(f"{option} {value!r}: expected {form} or a JSON file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read the {option.lstrip('-').replace('-', ' ')}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise error(f"{path}:{exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise error(
            f"{path}: a {option.lstrip('-').replace('-', ' ')} is a JSON object, got {type(data).__name__}"
        )
    return data


def split_pairs(value: str) -> Iterator[tuple[str, str | None, str]]:
    """Each non-empty item of ``A=B,C=D`` as ``(key, value, item)``, stripped; ``value`` is None
    for an item without ``=``."""
    for part in value.split(","):
        item = part.strip()
        if item:
            key, sep, rest = (side.strip() for side in item.partition("="))
            yield key, (rest if sep else None), item

"""Caps on what one input file may make us hold in memory, far above any real file.

A hostile or broken file (a zlib bomb, a line without newlines, JSON nested 100,000 deep)
is refused with a message naming it, instead of eating the machine's memory or crashing.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from annotator.core.errors import InputError

MAX_LINE_BYTES = 64 * 2**20  # one JSONL/CSV/CoNLL/brat line (a long news article is ~50 KB)
MAX_CSV_FIELD = 32 * 2**20  # one CSV cell
MAX_JSON_DEPTH = 200  # a task is a few levels deep
MIN_INFLATE_CAP = 256 * 2**20  # a DocBin may always decompress to this much...
INFLATE_RATIO = 50  # ...or to this many times its size on disk (real DocBins: under 10)
_CHUNK = 4 * 2**20


def too_long(path: Path, line: int) -> InputError:
    """The error for a line of ``path`` over the size limit of one line."""
    return InputError(
        path, line, f"line longer than {MAX_LINE_BYTES // 2**20} MB; not a text file of articles (refused)"
    )


def loads_json(text: str, path: Path, line: int | None) -> object:
    """``json.loads`` that refuses absurd nesting with a message instead of RecursionError."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise _too_deep(path, line) from None
    if _depth_over(value, MAX_JSON_DEPTH):
        raise _too_deep(path, line)
    return value


def _too_deep(path: Path, line: int | None) -> InputError:
    return InputError(path, line, f"JSON nested more than {MAX_JSON_DEPTH} levels deep (refused)")


def _depth_over(value: object, limit: int) -> bool:
    """Whether ``value`` nests deeper than ``limit`` (iterative: no recursion of our own)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            if depth > limit:
                return True
            stack.extend((child, depth + 1) for child in item if isinstance(child, (dict, list)))
    return False


def check_inflated_size(path: Path) -> None:
    """Refuse a zlib-compressed file (a ``.spacy`` DocBin) that inflates beyond the cap;
    decompressed in chunks that are thrown away, so the check itself stays small."""
    cap = max(MIN_INFLATE_CAP, INFLATE_RATIO * path.stat().st_size)
    inflater = zlib.decompressobj()
    total = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            data = chunk
            while data:
                try:
                    total += len(inflater.decompress(data, _CHUNK))
                except zlib.error as exc:
                    raise InputError(path, None, f"not a spaCy DocBin file: {exc}") from None
                if total > cap:
                    raise InputError(
                        path,
                        None,
                        f"decompresses to more than {cap // 2**20} MB from {path.stat().st_size:,} bytes; "
                        "not a real DocBin (refused)",
                    )
                data = inflater.unconsumed_tail
            if inflater.eof:
                return

"""One way to cut a stream into lists of a fixed size (imports, suggestion runs, id queries)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` consecutive items (the last one shorter), without reading ahead."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch

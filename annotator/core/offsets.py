"""The one place that converts between Python code-point offsets and UTF-16 units.

Spans everywhere in this project are code-point offsets into the article text, as in spaCy.
Qt (``QTextDocument`` positions) and some exporters (Label Studio) count UTF-16 code units
instead: a character outside the Basic Multilingual Plane (an emoji) is one code point but
two UTF-16 units. ``QTextDocument`` also folds a CRLF pair into a single block separator,
so for Qt positions pass ``collapse_crlf=True``.

Nothing else in the project may do this arithmetic: use :class:`OffsetMap`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

#: Key in an exported task's ``meta`` naming how its offsets count: "codepoint" or "utf16".
OFFSET_UNIT_KEY = "offset_unit"

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_CR_BEFORE_LF = re.compile("\r(?=\n)")


class OffsetMap:
    """Converts offsets in one text between code points and UTF-16 (or Qt) units.

    Construction is O(n) once; each conversion is O(log n). Texts with neither astral
    characters nor (when collapsing) CRLF pairs convert as the identity.
    """

    def __init__(self, text: str, collapse_crlf: bool = False):
        self.text = text
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._folded = [m.start() for m in _CR_BEFORE_LF.finditer(text)] if collapse_crlf else []
        self._identity = not self._astral and not self._folded
        self.length = self.to_units(len(text))

    def to_units(self, cp: int) -> int:
        """UTF-16 (or Qt) position of code-point offset ``cp`` (0 <= cp <= len(text))."""
        self._check(cp, len(self.text))
        if self._identity:
            return cp
        return cp + bisect_left(self._astral, cp) - bisect_left(self._folded, cp)

    def to_codepoints(self, units: int, round_up: bool = False) -> int:
        """Code-point offset of UTF-16 (or Qt) position ``units``.

        A position inside a surrogate pair or a folded CRLF has no exact code-point
        offset: it rounds down (before the character), or up with ``round_up``.
        """
        self._check(units, self.length)
        if self._identity:
            return units
        lo, hi = 0, len(self.text)
        while lo < hi:  # smallest cp with to_units(cp) >= units
            mid = (lo + hi) // 2
            if self.to_units(mid) < units:
                lo = mid + 1
            else:
                hi = mid
        if self.to_units(lo) > units and not round_up:
            lo -= 1
        while round_up is False and lo > 0 and self.to_units(lo - 1) == units:
            lo -= 1
        return lo

    def span_to_units(self, start: int, end: int) -> tuple[int, int]:
        """A code-point span as a UTF-16 (or Qt) span."""
        return self.to_units(start), self.to_units(end)

    def span_to_codepoints(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 (or Qt) span as a code-point span that covers it."""
        return self.to_codepoints(start), self.to_codepoints(end, round_up=True)

    @staticmethod
    def _check(offset: int, limit: int) -> None:
        if not 0 <= offset <= limit:
            raise IndexError(f"offset {offset} outside 0..{limit}")


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + len(_ASTRAL.findall(text))

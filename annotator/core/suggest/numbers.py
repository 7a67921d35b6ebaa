"""Read a number phrase ("1,426", "two dozen", "tens of thousands", "a quarter of a million") as a
(low, high) range."""

from __future__ import annotations

_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if w != "_"
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_QUARTERS = {"a": 1, "one": 1, "three": 3}
_DOZENS = {"a": 12, "half": 6, "two": 24, "three": 36, "four": 48, "five": 60, "several": 36}
# Vague plurals: "hundreds" is at least two hundred and fewer than a thousand.
_VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "millions": (2_000_000, 9_999_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "dozens of thousands": (24_000, 99_999),
    "scores of thousands": (40_000, 99_999),
    "hundreds of millions": (200_000_000, 999_999_999),
}


_RANGE_JOINS = ("to", "or", "and", "-", "–")


def parse_count(words: list[str]) -> tuple[int, int] | None:
    """(low, high) for the lower-case words of a number phrase, or None when it is no count."""
    if _joined(words):
        return _range(words)  # a range, or a score or vote ("2-1", "70 to 20") that is no count
    phrase = " ".join(w for w in words if w != "-")
    if phrase in _VAGUE:
        return _VAGUE[phrase]
    if len(words) == 3 and words[:2] == ["half", "a"] and words[2] in _SCALES:
        half = _SCALES[words[2]] // 2  # "half a million"
        return half, half
    quarters = _QUARTERS.get(words[0], 0) if len(words) == 5 else 0
    if quarters and words[1] in ("quarter", "quarters") and words[2:4] == ["of", "a"] and words[4] in _SCALES:
        part = quarters * _SCALES[words[4]] // 4  # "a quarter of a million", "three quarters of a million"
        return part, part
    if len(words) == 2 and words[1] == "dozen" and words[0] in _DOZENS:
        n = _DOZENS[words[0]]
        return (n, n) if words[0] != "several" else (24, 99)
    value = _exact(words)
    return (value, value) if value is not None else None


def _joined(words: list[str]) -> bool:
    """Two numbers joined by "to", "or", "and" or a dash between digits."""
    inner = range(1, len(words) - 1)
    dashed = any(words[i] in ("-", "–") and _digits(words[i - 1]) and _digits(words[i + 1]) for i in inner)
    return dashed or any(words[i] in ("to", "or", "and") for i in inner) or words[:1] == ["between"]


def _range(words: list[str]) -> tuple[int, int] | None:
    """ "20 to 30", "two or three", "between 20 and 30", "20 - 30" (digits on both sides of a
    dash; "twenty - five" is one number)."""
    if words[:1] == ["between"]:
        words = words[1:]
    for i, word in enumerate(words):
        if word not in _RANGE_JOINS or i == 0 or i == len(words) - 1:
            continue
        if word in ("-", "–") and not (_digits(words[i - 1]) and _digits(words[i + 1])):
            continue
        low, high = _exact(words[:i]), _exact(words[i + 1 :])
        scale = _SCALES.get(words[-1], 1)
        if low is not None and scale > 1 and words[i - 1] not in _SCALES:
            low *= scale  # "two to three hundred"
        if low is not None and high is not None and low < high:
            return low, high
    return None


def _exact(words: list[str]) -> int | None:
    total, current = 0.0, 0.0
    for word in words:
        if word == "-":
            continue
        number = _digits(word)
        if number is not None:
            current += number
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "a":
            current += 1
        elif word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] > 100:
                total, current = total + current, 0
        else:
            return None
    value = total + current
    if value != int(value):
        return None  # "magnitude 6.3": a count of people is whole ("1.6 million" is)
    return int(value) if value else None


def _digits(word: str) -> float | None:
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None

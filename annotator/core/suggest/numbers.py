"""Read a number phrase ("1,426", "two dozen", "tens of thousands") as a (low, high) range."""

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


def parse_count(words: list[str]) -> tuple[int, int] | None:
    """(low, high) for the lower-case words of a number phrase, or None when it is no count."""
    phrase = " ".join(w for w in words if w != "-")
    if phrase in _VAGUE:
        return _VAGUE[phrase]
    if len(words) == 3 and words[:2] == ["half", "a"] and words[2] in _SCALES:
        half = _SCALES[words[2]] // 2  # "half a million"
        return half, half
    if len(words) == 2 and words[1] == "dozen" and words[0] in _DOZENS:
        n = _DOZENS[words[0]]
        return (n, n) if words[0] != "several" else (24, 99)
    value = _exact(words)
    return (value, value) if value is not None else None


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

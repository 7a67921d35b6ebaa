"""The core's errors and reports name command-line options ("leave it out with --labels",
"--strict refuses them"): that text is the CLI's contract and stays as it is. The window says
the same in its own words, naming its controls (or what to do there) instead of flags that
mean nothing to someone who never typed a command."""

from __future__ import annotations

import re

_WINDOW_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    # training (Model -> Train runs `annotator train` and shows its `error:` line)
    (re.compile(r"or leave (it|them) out with --labels\b"), r"or untick \1 under Labels"),
    (re.compile(r"; give one with --base\b"), "; install one, or name one in Settings → Model"),
    (re.compile(r"cannot load --base ('[^']*')"), r"cannot load the base model \1 (Settings → Model)"),
    # export (File -> Export has no strict mode: the pairs are for the annotator to fix)
    (re.compile(r"; --strict refuses them\b"), "; fix them in the articles named below"),
    # import (File -> Import reads UTF-8 only)
    (
        re.compile(r"; name its encoding with --encoding \(e\.g\. --encoding cp1252\)"),
        "; save it as UTF-8 and import it again",
    ),
)
_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def in_window_words(text: str) -> str:
    """``text`` (a core error or report, in the CLI's words) as the window says it."""
    for pattern, words in _WINDOW_WORDS:
        text = pattern.sub(words, text)
    return text


def flags_in(text: str) -> list[str]:
    """The command-line flags ``text`` still names (none, in window words)."""
    return _FLAG.findall(text)

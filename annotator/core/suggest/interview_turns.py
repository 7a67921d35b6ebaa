"""Interview transcripts: turns marked by a speaker label at the start of a line ("((Jane
Doe))", "Jane Doe:") or, for "((Jane Doe))", anywhere in a line, so that "I" / "my" in a turn stand for its speaker and "you" / "your"
for whoever takes the next turn (the one a question is put to)."""

from __future__ import annotations

import re
from bisect import bisect_right

# "((Jane Doe))", "((WN)) :", "Jane Doe:", "Q:" at a line's start
_WRAPPED = re.compile(r"\(\((?P<wrapped>[^()\n]{1,40})\)\)")  # "((Jane Doe))"
_LABEL = re.compile(
    rf"[ \t]*(?:{_WRAPPED.pattern}|(?P<plain>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}})[ \t]*:(?=\s))"
)
_MIN_TURNS = 4  # labelled lines a transcript has at least
_MIN_SPEAKERS = 2
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
SECOND_PERSON = frozenset({"you", "your"})


class Turns:
    """The labelled turns of a text; empty unless it reads as an interview (at least four
    turns by at least two speakers who each take more than one)."""

    def __init__(self, text: str) -> None:
        found: dict[int, str] = {}
        at = 0
        for line in text.split("\n"):
            match = _LABEL.match(line)
            if match:
                found[at] = (match.group("wrapped") or match.group("plain")).strip()
            at += len(line) + 1
        # "((Jane Doe))" is a label wherever it stands: text stored as one line keeps no line starts
        for match in _WRAPPED.finditer(text):
            start = match.start()
            line_at = text.rfind("\n", 0, start) + 1
            found.setdefault(line_at if not text[line_at:start].strip() else start, match.group(1).strip())
        starts = sorted(found)
        labels = [found[s] for s in starts]
        # a speaker takes more than one turn (an image credit "Jo DoeImage: …" does not recur)
        turns = [(s, label) for s, label in zip(starts, labels) if labels.count(label) > 1]
        interview = len(turns) >= _MIN_TURNS and len({label for _, label in turns}) >= _MIN_SPEAKERS
        self.starts: list[int] = [s for s, _ in turns] if interview else []
        self.labels: list[str] = [label for _, label in turns] if interview else []

    def speaker(self, at: int) -> str | None:
        """The label of the turn that character ``at`` lies in, if any."""
        i = bisect_right(self.starts, at) - 1
        return self.labels[i] if i >= 0 else None

    def addressee(self, at: int) -> str | None:
        """The label of the next turn with another speaker than the one ``at`` lies in."""
        i = bisect_right(self.starts, at) - 1
        if i < 0:
            return None
        return next((label for label in self.labels[i + 1 :] if label != self.labels[i]), None)

    def person_for(self, pronoun: str, at: int) -> str | None:
        """Whose label a first- or second-person pronoun at ``at`` stands for."""
        if pronoun in FIRST_PERSON:
            return self.speaker(at)
        if pronoun in SECOND_PERSON:
            return self.addressee(at)
        return None

"""What a suggester proposes, before it is stored as a span row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from spacy.tokens import Doc

ORIGIN_SCORES = {"pattern": 0.9, "memory": 0.95, "model": 0.8}


@dataclass
class Suggestion:
    """A proposed span ``[start, end)`` in code points; a QUOTE may name its speaker's range
    (``speaker_guess`` when nothing attributes the quote to them: only someone named nearby)."""

    start: int
    end: int
    label: str
    origin: str = "model"
    score: float = 0.8
    attrs: dict[str, Any] = field(default_factory=dict)
    speaker: tuple[int, int] | None = None
    alternatives: list[tuple[str, str]] = field(default_factory=list)  # other (label, origin) here
    speaker_guess: bool = False

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (pickles and msgpacks across ``nlp.pipe`` worker processes)."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "origin": self.origin,
            "score": self.score,
            "attrs": self.attrs,
            "speaker": list(self.speaker) if self.speaker else None,
            "alternatives": [list(a) for a in self.alternatives],
            "speaker_guess": self.speaker_guess,
        }

    @classmethod
    def from_dict(cls, item: dict[str, Any]) -> Suggestion:
        speaker = tuple(item["speaker"]) if item.get("speaker") else None
        return cls(
            item["start"],
            item["end"],
            item["label"],
            item["origin"],
            item["score"],
            dict(item.get("attrs") or {}),
            speaker,
            [(label, origin) for label, origin in item.get("alternatives") or []],
            bool(item.get("speaker_guess")),
        )


class Suggester(Protocol):
    """One kind of suggestion computed from a parsed Doc."""

    name: str

    def __call__(self, doc: Doc, found: list[Suggestion]) -> list[Suggestion]:
        """New suggestions for ``doc``; ``found`` holds those of the suggesters run before."""
        ...

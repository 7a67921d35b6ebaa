"""Annotation memory: a string a person accepted is suggested with the same label wherever it
appears again, in this and later articles (origin ``memory``). Project meta
``memory_enabled`` = false turns it off."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from annotator.core.suggest.suggestion import ORIGIN_SCORES, Suggestion

if TYPE_CHECKING:
    from annotator.core.store import Project


def memory_enabled(project: Project) -> bool:
    """Whether the project wants memory suggestions (on unless meta says false)."""
    return project.get_meta("memory_enabled", True) is not False


def remembered(project: Project) -> dict[str, str]:
    """String -> label for accepted spans of labels without attributes (not QUOTE); a string
    people rejected (with that label) as often as they accepted it is left out."""
    labels = {lab.name for lab in project.scheme.labels if not lab.attributes and lab.name != "QUOTE"}
    votes: Counter[tuple[str, str]] = Counter()
    for label, status, words in project.decided_words():
        if label in labels and words and words.strip() == words:
            votes[(words, label)] += 1 if status == "accepted" else -1
    best: dict[str, tuple[int, str]] = {}
    for (words, label), n in votes.items():
        if n > 0 and n > best.get(words, (0, ""))[0]:
            best[words] = (n, label)
    return {words: label for words, (_, label) in best.items()}


class Memory:
    """A PhraseMatcher over remembered strings."""

    def __init__(self, nlp: Language, strings: dict[str, str]):
        self.matcher = PhraseMatcher(nlp.vocab)
        self.size = len(strings)
        for words, label in strings.items():
            self.matcher.add(label, [nlp.make_doc(words)])

    def find(self, doc: Doc) -> list[Suggestion]:
        """Every occurrence of a remembered string in ``doc``."""
        out = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            out.append(
                Suggestion(
                    span.start_char,
                    span.end_char,
                    doc.vocab.strings[match_id],
                    "memory",
                    ORIGIN_SCORES["memory"],
                )
            )
        return out


def merge(found: list[Suggestion], memory: list[Suggestion]) -> list[Suggestion]:
    """Memory wins over model entities it overlaps; other suggestions stay."""
    if not memory:
        return found
    taken = [(m.start, m.end) for m in memory]
    replaced = {m.label for m in memory} | {"ACTOR", "LOCATION"}
    kept = [
        s for s in found if s.label not in replaced or not any(s.start < e and b < s.end for b, e in taken)
    ]
    seen = {s.key for s in kept}
    return _dedupe(kept + [m for m in memory if m.key not in seen])


def _dedupe(items: list[Suggestion]) -> list[Suggestion]:
    out, seen = [], set()
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            out.append(item)
    return out

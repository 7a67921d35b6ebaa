"""Annotation memory: a string a person accepted is suggested with the same label wherever it
appears again, in this and later articles (origin ``memory``). Project meta
``memory_enabled`` = false turns it off.

It helps rather than contradicts:
- it learns from finished decisions only: an article open in a window (any process: the
  store knows, see ``store/window_sessions``) or named in ``editing`` is left out until it is
  left or marked done (or reviewed) by the one who has it open, and again after an edit made
  there since, so a span briefly shrunk while moving its boundary is never learnt;
- it learns what a person decided about a span's label, not a label a span got only by being
  linked as a quote's speaker (``store/article_changes``: "Kyiv announced ..." linked once
  made "Kyiv" an ACTOR in every article);
- a use of the string that an article marked done or reviewed leaves unlabelled counts against
  it as a rejection does ("Wednesday" the club is not every "Wednesday": ``unlabelled_uses``);
- titles ("Ukrainian President") are not learnt: they are words before a name, not names;
  nor is a string without a letter (a "3" someone took into a team's name is no name);
- it never suggests inside a longer name (a suggested or accepted entity around it), and of
  nested remembered strings only the longest is suggested;
- one suggestion per place: it replaces a model entity over the same words, keeping the
  model's label as the suggestion's alternative (the side panel shows it);
- a model trained on the project (see ``trained_entities``) learnt the same decisions with
  their context: memory then only fills places where it found no name (20 CoNLL wire
  articles, a model trained on 150 others: memory relabelling its names gave ACTOR F1 0.84
  and LOCATION 0.75, filling gaps only 0.88 and 0.81). On 246 other wire articles, with memory
  of the 150 (``benchmarks/bench_learning.py``), filling adds little (ACTOR 0.818 -> 0.820,
  LOCATION 0.880 either way); relabelling even the names memory was sure of (accepted 2+ times,
  never left or labelled otherwise) added no more (report-14-train16.md).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from annotator.core.suggest.memory_cache import Key, Votes, memory_cache
from annotator.core.suggest.memory_cache import is_title as is_title  # re-exported
from annotator.core.suggest.suggestion import ORIGIN_SCORES, Suggestion

if TYPE_CHECKING:
    from annotator.core.store import Project

ENTITY_LABELS = frozenset({"ACTOR", "LOCATION"})


def memory_enabled(project: Project) -> bool:
    """Whether the project wants memory suggestions (on unless meta says false)."""
    return project.get_meta("memory_enabled", True) is not False


def remembered(project: Project, editing: Collection[int] = (), editor: str | None = None) -> dict[str, str]:
    """String -> label for accepted spans of labels without attributes (not QUOTE); a string
    people rejected (with that label) or left unlabelled in finished articles as often as they
    accepted it is left out, and so are titles, strings without a letter, and the decisions
    in articles not finished yet: those a window has open and its annotator has not marked done or reviewed, and those of
    ``editing`` (open here for ``editor``) that ``editor`` has not."""
    return learnt(project, editing, editor)[0]


def learnt(
    project: Project, editing: Collection[int] = (), editor: str | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """What memory learnt (see :func:`remembered`), in one pass: from finished decisions only,
    and from every decision, the open articles' too. A pending memory suggestion that
    neither supports is withdrawn (``stale_memory``); the second keeps a suggestion an open
    article supports from going while that article is merely open. What it read of each
    article is kept until the article changes (``memory_cache``)."""
    labels = frozenset(
        lab.name for lab in project.scheme.labels if not lab.attributes and lab.name != "QUOTE"
    )
    editing = project.unfinished_open(editing, editor)
    cache = memory_cache(project, labels)
    by_article = cache.decisions()
    everything = cache.totals.copy()
    finished = everything.copy()
    for article_id in editing & by_article.keys():
        for key, (n, _) in by_article[article_id].items():
            finished[key] -= n
    strings = {text for counter in (finished, everything) for (text, _), n in counter.items() if n > 0}
    uses = cache.unlabelled(project, editing, strings)
    for counter in (finished, everything):
        for text, label in [key for key in counter if key[0] in uses]:
            counter[(text, label)] -= uses[text]
    return _best(finished, _first(by_article, editing)), _best(everything, _first(by_article, ()))


def _first(by_article: dict[int, Votes], leave_out: Collection[int]) -> Callable[[Key], int]:
    """The id of the first span decided on a (string, label) outside ``leave_out``."""

    def first(key: Key) -> int:
        return min(votes[key][1] for i, votes in by_article.items() if key in votes and i not in leave_out)

    return first


def _best(votes: Counter[Key], first: Callable[[Key], int]) -> dict[str, str]:
    """String -> its label with the most net accepts (more than none); of labels with as many,
    the one decided first (as reading the decisions in span order gave before they were kept)."""
    best: dict[str, tuple[int, str]] = {}
    for (text, label), n in votes.items():
        if n <= 0:
            continue
        have, other = best.get(text, (0, ""))
        if n > have or (n == have and first((text, label)) < first((text, other))):
            best[text] = (n, label)
    return {text: label for text, (_, label) in best.items()}


class Memory:
    """A PhraseMatcher over remembered strings."""

    def __init__(self, nlp: Language, strings: dict[str, str]):
        self.matcher = PhraseMatcher(nlp.vocab)
        self.size = len(strings)
        for text, label in strings.items():
            self.matcher.add(label, [nlp.make_doc(text)])

    def find(self, doc: Doc) -> list[Suggestion]:
        """Every occurrence of a remembered string in ``doc`` not inside a longer one."""
        found = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            label = doc.vocab.strings[match_id]
            found.append(Suggestion(span.start_char, span.end_char, label, "memory", ORIGIN_SCORES["memory"]))
        return [m for m in found if not any(inside(m, other) for other in found)]


def inside(item: Suggestion, other: Suggestion) -> bool:
    """Whether ``item`` lies within ``other`` and ``other`` is longer."""
    return (
        other.start <= item.start
        and item.end <= other.end
        and other.end - other.start > item.end - item.start
    )


def overlap(a: Suggestion, b: Suggestion) -> bool:
    """Whether ``a`` and ``b`` share a character."""
    return a.start < b.end and b.start < a.end


def merge(found: list[Suggestion], memory: list[Suggestion], model_first: bool = False) -> list[Suggestion]:
    """Memory wins over the model entities it overlaps (one suggestion per place: the model's
    label over the same words becomes the memory suggestion's alternative), except where
    it lies inside a longer entity (a name it is part of); other suggestions stay. With
    ``model_first`` (a model trained on the project) memory only adds where no entity was found."""
    if not memory:
        return found
    entities = ENTITY_LABELS | {m.label for m in memory}
    names = [s for s in found if s.label in entities]
    beaten = overlap if model_first else inside
    memory = [m for m in memory if not any(beaten(m, s) for s in names)]
    kept = []
    for s in found:
        hits = [m for m in memory if overlap(s, m)] if s.label in entities else []
        for m in hits:
            if (m.start, m.end) == (s.start, s.end) and m.label != s.label:
                m.alternatives.append((s.label, s.origin))
        if not hits:
            kept.append(s)
    seen = {s.key for s in kept}
    return _dedupe(kept + [m for m in memory if m.key not in seen])


def _dedupe(items: list[Suggestion]) -> list[Suggestion]:
    out, seen = [], set()
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            out.append(item)
    return out

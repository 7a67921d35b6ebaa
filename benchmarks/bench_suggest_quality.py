"""Suggestion quality against hand-written gold: P/R/F1 per label, next to the bare model.

    python benchmarks/bench_suggest_quality.py [--gold tests/data/gold_seeds.jsonl] [--model M]

Rules: ACTOR and LOCATION match on exact boundaries; QUOTE matches when the boundaries agree
after stripping quote marks, punctuation and spaces at both ends; CASUALTY "numbers" matches
exact boundaries and count_low, count_high, qualifier and kind (the "span" row ignores the
attributes). Speaker right: share of gold quotes found with the right speaker (same last
word). For a gold with quotes, also: "speaker same name" (the same, but a Jr./II suffix aside, and a
given name alone counts for the full name: "Bruce McCandless II" and "McCandless", "Steve" and
"Steve Jobs");
"speakers of found", the gold quotes found, by gold speaker (right, wrong, none suggested) and
for those the gold leaves without one (given one, none); "speaker precision", right among the
found gold quotes given a speaker.
The bare model is the same spaCy model with only the label mapping (PERSON/ORG/NORP -> ACTOR,
GPE/LOC/FAC -> LOCATION); it has no quotes or casualties.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.store import articles, open_project  # noqa: E402
from annotator.core.store import spans as span_rows  # noqa: E402
from annotator.core.suggest import load_pipeline, suggest_articles  # noqa: E402
from annotator.core.suggest.entity_suggester import bare_suggestions  # noqa: E402

LABELS = ("ACTOR", "LOCATION", "QUOTE", "CASUALTY")
_STRIP = " \t\n\"'“”‘’.,;:!?()–—-"


def load_gold(path: Path) -> list[dict]:
    """Gold tasks: text, spans (with attrs) and SPEAKER relations."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(gold: list[dict], model: str | None) -> tuple[list[dict], str]:
    """Run the real ``suggest_articles`` on the gold texts in a scratch project."""
    with tempfile.TemporaryDirectory() as tmp:
        with open_project(Path(tmp) / "bench.db", create=True) as project:
            project.set_meta("memory_enabled", False)
            with project.transaction():
                ids = [i for i, _ in articles.insert_batch(project.db, [{"text": t["text"]} for t in gold])]
            pipeline = load_pipeline(model, project)
            suggest_articles(project, ids, pipeline)
            return [_stored(project, i) for i in ids], pipeline.model_name


def _stored(project, article_id: int) -> dict:
    rows = span_rows.by_article(project.db, article_id)
    by_id = {s.id: s for s in rows}
    spans = [{"start": s.start, "end": s.end, "label": s.label, "attrs": s.attrs} for s in rows]
    relations = []
    for rel in span_rows.relations_of(project.db, article_id):
        head, child = by_id[rel.head_id], by_id[rel.child_id]
        relations.append(
            {
                "head_span": {"start": head.start, "end": head.end, "label": head.label},
                "child_span": {"start": child.start, "end": child.end, "label": child.label},
            }
        )
    return {"spans": spans, "relations": relations}


def predict_bare(gold: list[dict], model_name: str) -> list[dict]:
    """The bare model's ACTOR/LOCATION entities on ``gold``'s texts, as tasks."""
    nlp = spacy.load(model_name)
    out = []
    for doc in nlp.pipe(t["text"] for t in gold):
        out.append(
            {
                "spans": [
                    {"start": s.start, "end": s.end, "label": s.label, "attrs": {}}
                    for s in bare_suggestions(doc)
                ],
                "relations": [],
            }
        )
    return out


def _key(text: str, span: dict, label: str, numbers: bool) -> tuple:
    start, end = span["start"], span["end"]
    if label == "QUOTE":
        while start < end and text[start] in _STRIP:
            start += 1
        while end > start and text[end - 1] in _STRIP:
            end -= 1
    key = (start, end)
    if label == "CASUALTY" and numbers:
        attrs = span.get("attrs") or {}
        key += tuple(attrs.get(k) for k in ("count_low", "count_high", "qualifier", "kind"))
    return key


def counts(gold: list[dict], pred: list[dict], label: str, numbers: bool = True) -> tuple[int, int, int]:
    """(true positives, predicted, gold) of one label over all articles."""
    tp = n_pred = n_gold = 0
    for g, p in zip(gold, pred):
        gs = {_key(g["text"], s, label, numbers) for s in g["spans"] if s["label"] == label}
        ps = {_key(g["text"], s, label, numbers) for s in p["spans"] if s["label"] == label}
        tp, n_pred, n_gold = tp + len(gs & ps), n_pred + len(ps), n_gold + len(gs)
    return tp, n_pred, n_gold


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives and the predicted and gold counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _surname(text: str) -> str:
    words = text.replace("’s", "").replace("'s", "").split()
    return words[-1].lower() if words else ""


def same_surname(found: str, gold: str) -> bool:
    """Whether the two names end in the same word (the ``speaker right`` rule)."""
    return _surname(found) == _surname(gold)


def speaker_accuracy(
    gold: list[dict], pred: list[dict], match: Callable[[str, str], bool] = same_surname
) -> tuple[int, int]:
    """(gold quotes found with the right speaker, gold quotes); ``match(found, gold)`` tells
    whether two speakers' words name the same one."""
    right = total = 0
    for g, p in zip(gold, pred):
        text = g["text"]
        said = _speakers(text, p)
        for r in g["relations"]:  # each link (a quote two people say counts twice)
            total += 1
            key = _key(text, r["head_span"], "QUOTE", False)
            right += key in said and match(said[key], text[r["child_span"]["start"] : r["child_span"]["end"]])
    return right, total


def _speakers(text: str, task: dict) -> dict[tuple, str]:
    """The speaker's words of each QUOTE with a SPEAKER link in ``task``, by the quote's key."""
    return {
        _key(text, r["head_span"], "QUOTE", False): text[r["child_span"]["start"] : r["child_span"]["end"]]
        for r in task["relations"]
    }


_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


def _name_words(text: str) -> list[str]:
    """A name's words, lowercased, without possessive, punctuation or a generational suffix."""
    words = [w.strip(_STRIP).lower() for w in text.replace("’s", "").replace("'s", "").split()]
    words = [w for w in words if w]
    while words and words[-1] in _SUFFIXES:
        words.pop()
    return words


def same_name(found: str, gold: str) -> bool:
    """Whether ``found`` and ``gold`` name the same speaker, more fairly than their last words:
    a generational suffix aside ("Bruce McCandless II" for "McCandless") their last words agree,
    or one is the given name(s) that open the other, a name in capitals ("Steve" for "Steve
    Jobs", not "Malaysian" for "Malaysian transport ministry")."""
    a, b = _name_words(found), _name_words(gold)
    if not a or not b:
        return False
    if a[-1] == b[-1]:
        return True
    (short, _), (long, long_text) = sorted(((a, found), (b, gold)), key=lambda pair: len(pair[0]))
    return long[: len(short)] == short and all(w[:1].isupper() for w in long_text.split())


@dataclass
class SpeakerMatrix:
    """Gold quotes the suggestions found (same boundaries as the QUOTE row), by whether the gold
    gives a speaker and what was suggested (``right`` and ``wrong`` compare last words, as
    ``speaker right`` does)."""

    right: int = 0
    wrong: int = 0
    missing: int = 0  # gold speaker, none suggested
    given: int = 0  # no gold speaker, one suggested
    left: int = 0  # no gold speaker, none suggested

    @property
    def suggested(self) -> int:
        """Found gold quotes given a speaker."""
        return self.right + self.wrong + self.given

    @property
    def precision(self) -> float:
        """Share of the found gold quotes given a speaker that got the gold's speaker."""
        return self.right / self.suggested if self.suggested else 0.0


def speaker_matrix(gold: list[dict], pred: list[dict]) -> SpeakerMatrix:
    """Count the found gold quotes into a :class:`SpeakerMatrix`."""
    m = SpeakerMatrix()
    for g, p in zip(gold, pred):
        text = g["text"]
        wanted, said = _speakers(text, g), _speakers(text, p)
        found = {_key(text, s, "QUOTE", False) for s in p["spans"] if s["label"] == "QUOTE"}
        for key in sorted(
            {_key(text, s, "QUOTE", False) for s in g["spans"] if s["label"] == "QUOTE"} & found
        ):
            who, got = wanted.get(key), said.get(key)
            if who is None:
                m.given += got is not None
                m.left += got is None
            elif got is None:
                m.missing += 1
            else:
                m.right += same_surname(got, who)
                m.wrong += not same_surname(got, who)
    return m


def speaker_lines(gold: list[dict], pred: list[dict]) -> list[str]:
    """The speaker rows: right by last word (over all gold speakers); for a gold with quotes,
    also by whole name, the matrix of found gold quotes and the precision of the speakers
    suggested for them."""
    right, total = speaker_accuracy(gold, pred)
    blank = f"   {'–':>18}   "
    first = f"{'speaker right':<18}{right / total if total else 0:18.2f}{blank}{right}/{total}"
    if not any(s["label"] == "QUOTE" for g in gold for s in g["spans"]):
        return [first]
    named, _ = speaker_accuracy(gold, pred, same_name)
    m = speaker_matrix(gold, pred)
    return [
        first,
        f"{'speaker same name':<18}{named / total if total else 0:18.2f}{blank}{named}/{total}",
        f"{'speaker precision':<18}{m.precision:18.2f}{blank}{m.right}/{m.suggested} found",
        f"{'speakers of found':<18}gold speaker: right {m.right}, wrong {m.wrong}, none {m.missing}; "
        f"gold none: given {m.given}, none {m.left}",
    ]


def table(gold: list[dict], pred: list[dict], bare: list[dict]) -> list[str]:
    """The P/R/F1 table of ``pred`` and ``bare`` against ``gold``, one line a label."""
    lines = [f"{'label':<18}{'P':>6}{'R':>6}{'F1':>6}   {'bare P':>6}{'R':>6}{'F1':>6}   n gold"]
    rows = [(label, label, True) for label in LABELS] + [("CASUALTY (span)", "CASUALTY", False)]
    for name, label, numbers in rows:
        ours = counts(gold, pred, label, numbers)
        base = counts(gold, bare, label, numbers)
        bare_cells = (
            "".join(f"{v:6.2f}" for v in prf(*base))
            if label in ("ACTOR", "LOCATION")
            else f"{'–':>6}{'–':>6}{'–':>6}"
        )
        lines.append(
            f"{name:<18}" + "".join(f"{v:6.2f}" for v in prf(*ours)) + f"   {bare_cells}" + f"   {ours[2]}"
        )
    return lines + speaker_lines(gold, pred)


def main(argv: list[str] | None = None) -> None:
    """Print each --gold file's P/R/F1 table, ours next to the bare model's."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold",
        action="append",
        type=Path,
        help="gold JSONL (repeatable; default: the dev golds seeds, unseen, holdout, holdout2 and wikinews2020; "
        "held-out sets only when named)",
    )
    parser.add_argument("--model", help="spaCy model (default: as `annotator suggest` chooses)")
    args = parser.parse_args(argv)
    paths = args.gold or [
        ROOT / "tests/data" / f"gold_{name}.jsonl"
        for name in ("seeds", "unseen", "holdout", "holdout2", "wikinews2020")
    ]
    for path in paths:
        gold = load_gold(path)
        pred, model_name = predict(gold, args.model)
        bare = predict_bare(gold, model_name)
        print(f"\n{path.name}: {len(gold)} article(s), model {model_name}")
        print("\n".join(table(gold, pred, bare)))


if __name__ == "__main__":
    main()

"""Learning curve: suggestion F1 per label after ``annotator train`` on 0, 10, 25, 50, 100
labelled articles, and how long each training takes.

    python benchmarks/bench_learning.py [--sizes 0,10,25,50,100] [--max-epochs 20] [--seed 0]

Training data: Wikigold (``benchmarks/data/wikigold.jsonl``: 145 Wikipedia articles with
CoNLL-style names, CC BY 4.0, Balasuriya et al. 2009; PER and ORG -> ACTOR, LOC -> LOCATION,
MISC dropped). It has no train/test split; here it is shuffled with ``--seed`` and cut into 36
test articles, 10 dev articles (spaCy's best-model choice) and a pool of 100 to train on.
Scored: the full suggestions (rules included, no annotation memory) on the Wikinews gold
(``tests/data/gold_wikinews.jsonl``, never trained on) and on the 36 Wikigold test articles
("same source"), where the trained recognizer alone (no rules) is printed in brackets next
to the suggestions: the rules must not pull a trained model below it. Same matching rules as
``bench_suggest_quality.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.suggest.pipeline import DEFAULT_MODELS, pipeline_named  # noqa: E402
from annotator.core.train import score  # noqa: E402
from annotator.core.train.examples import Example, TrainingData  # noqa: E402
from annotator.core.train.runner import TrainOptions, load_base, train_data  # noqa: E402

LABELS = ("ACTOR", "LOCATION", "QUOTE", "CASUALTY")


def _tasks(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _example(i: int, task: dict) -> Example:
    return Example(i, task["text"], [(s["start"], s["end"], s["label"]) for s in task["spans"]])


def _scores(model: str, tasks: list[dict], labels) -> dict:
    texts = [t["text"] for t in tasks]
    gold = [[(s["start"], s["end"], s["label"]) for s in t["spans"]] for t in tasks]
    return score.per_label(texts, gold, score.suggested_spans(pipeline_named(model), texts), labels)


def _plain_scores(model: str, tasks: list[dict]) -> dict:
    """The trained recognizer alone (its ACTOR/LOCATION entities, no rules, no suggester)."""
    import spacy

    texts = [t["text"] for t in tasks]
    gold = [[(s["start"], s["end"], s["label"]) for s in t["spans"]] for t in tasks]
    labels = ("ACTOR", "LOCATION")
    pred = [
        [(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in labels]
        for d in spacy.load(model).pipe(texts)
    ]
    return score.per_label(texts, gold, pred, labels)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,10,25,50,100")
    parser.add_argument("--max-epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--base", default=next(m for m in DEFAULT_MODELS if __import__("spacy").util.is_package(m))
    )
    args = parser.parse_args(argv)
    wikigold = [_example(i, t) for i, t in enumerate(_tasks(ROOT / "benchmarks/data/wikigold.jsonl"))]
    random.Random(args.seed).shuffle(wikigold)
    test, dev, pool = wikigold[:36], wikigold[36:46], wikigold[46:]
    test_tasks = [
        {"text": ex.text, "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in ex.spans]}
        for ex in test
    ]
    wikinews = _tasks(ROOT / "tests/data/gold_wikinews.jsonl")
    base_nlp = load_base(args.base)
    print(
        f"base {args.base}; train pool {len(pool)}, dev {len(dev)}, Wikigold test {len(test)}, Wikinews {len(wikinews)}"
    )
    print(f"{'train':>5} {'seconds':>8} {'epochs':>6}   Wikinews F1: " + " ".join(f"{x[:8]:>8}" for x in LABELS)
          + "   Wikigold test F1: ACTOR LOCATION (plain trained NER: ACTOR LOCATION)")  # fmt: skip
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            seconds, epochs, model = 0.0, 0, args.base
            if n:
                data = TrainingData(pool[:n], dev, ["ACTOR", "LOCATION"])
                options = TrainOptions(max_epochs=args.max_epochs, seed=args.seed, max_minutes=10)
                started = time.monotonic()
                result = train_data(args.base, base_nlp, data, options, Path(tmp) / "m", lambda line: None)
                seconds, epochs, model = time.monotonic() - started, result.epochs, str(result.output)
            news = _scores(model, wikinews, LABELS)
            same = _scores(model, test_tasks, ("ACTOR", "LOCATION"))
            plain = _plain_scores(model, test_tasks) if n else None
            plain_cells = f"   ({plain['ACTOR'][0][2]:.2f}  {plain['LOCATION'][0][2]:.2f})" if plain else ""
            print(
                f"{n:>5} {seconds:>8.0f} {epochs:>6}   {'':12}"
                + " ".join(f"{news[x][0][2]:>8.2f}" for x in LABELS)
                + f"   {'':18}{same['ACTOR'][0][2]:.2f}  {same['LOCATION'][0][2]:.2f}"
                + plain_cells,
                flush=True,
            )


if __name__ == "__main__":
    main()

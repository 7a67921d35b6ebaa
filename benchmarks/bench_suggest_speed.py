"""Suggestion speed: ``suggest_articles`` (parse + suggesters + batched writes) against the bare
``nlp.pipe`` of the same model over the same texts, in one run; then ``n_process=2``.

    python benchmarks/bench_suggest_speed.py [--n 3000] [--batch-size 64] [--model M] [--no-multi]

The articles are wire-sized pieces (one or two paragraphs) drawn with a fixed seed from the
seed and gold articles, each made unique. On a shared 2-core machine the figures move with the
load; the ratio is what matters (target >= 0.9).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import annotator.core.suggest.runner as runner  # noqa: E402
from annotator.core.store import articles, open_project  # noqa: E402
from annotator.core.suggest import load_pipeline, suggest_articles  # noqa: E402


def make_texts(n: int, seed: int = 7) -> list[str]:
    """``n`` unique article texts of one or two paragraphs each."""
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "resources/samples").glob("*.txt"))]
    for line in (ROOT / "tests/data/gold_unseen.jsonl").read_text(encoding="utf-8").splitlines():
        sources.append(json.loads(line)["text"])
    paragraphs = [p.strip() for text in sources for p in text.split("\n") if len(p.strip()) > 80]
    rng = random.Random(seed)
    return ["\n".join(rng.sample(paragraphs, rng.choice((1, 2)))) + f"\n(Item {i}.)" for i in range(n)]


def time_bare(model: str, texts: list[str], batch_size: int) -> tuple[float, int]:
    """Seconds and tokens of the bare ``nlp.pipe`` over ``texts``."""
    nlp = spacy.load(model)
    list(nlp.pipe(texts[:20]))  # warm up
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - start, tokens


def time_suggest(model: str | None, texts: list[str], batch_size: int, n_process: int):
    """(seconds, seconds spent storing, suggestions stored, model name)."""
    stored_time = [0.0]
    original = runner._store

    def timed_store(*args):
        start = time.perf_counter()
        try:
            return original(*args)
        finally:
            stored_time[0] += time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp, open_project(Path(tmp) / "speed.db", create=True) as project:
        with project.transaction():
            ids = [i for i, _ in articles.insert_batch(project.db, [{"text": t} for t in texts])]
        pipeline = load_pipeline(model, project)
        list(pipeline.nlp.pipe(texts[:20]))  # warm up
        runner._store = timed_store
        try:
            start = time.perf_counter()
            stored = suggest_articles(project, ids, pipeline, batch_size=batch_size, n_process=n_process)
            elapsed = time.perf_counter() - start
        finally:
            runner._store = original
    return elapsed, stored_time[0], stored, pipeline.model_name


def main(argv: list[str] | None = None) -> None:
    """Time suggest against the bare pipeline, and with two processes, and print tokens/s."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="number of articles (default 3000)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", help="spaCy model (default: as `annotator suggest` chooses)")
    parser.add_argument("--no-multi", action="store_true", help="skip the n_process=2 run")
    args = parser.parse_args(argv)
    texts = make_texts(args.n)
    one, store_one, stored, model = time_suggest(args.model, texts, args.batch_size, 1)
    bare, tokens = time_bare(model, texts, args.batch_size)
    print(f"{args.n} articles, {tokens} tokens, model {model}, batch size {args.batch_size}")
    print(f"{'run':<34}{'seconds':>9}{'tokens/s':>10}{'ratio':>8}")
    print(f"{'bare nlp.pipe (n_process=1)':<34}{bare:9.1f}{tokens / bare:10.0f}{1:8.2f}")
    print(f"{'suggest_articles (n_process=1)':<34}{one:9.1f}{tokens / one:10.0f}{bare / one:8.2f}")
    print(f"  storing {stored} suggestions: {store_one:.1f} s ({store_one / one:.0%} of the run)")
    if not args.no_multi:
        two, store_two, _, _ = time_suggest(args.model, texts, args.batch_size, 2)
        print(f"{'suggest_articles (n_process=2)':<34}{two:9.1f}{tokens / two:10.0f}{bare / two:8.2f}")
        print(f"  n_process=2 speed-up over n_process=1: {one / two:.2f}x (storing {store_two:.1f} s)")


if __name__ == "__main__":
    main()

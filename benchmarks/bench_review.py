"""Agreement and merge at scale: 20,000 articles labelled by 3 annotators (about 400,000 spans).

    python benchmarks/bench_review.py [--articles 20000] [--keep DIR [--reuse]]

Builds two project files of the same articles (file A: annotators a1, a2, a3; file B: a2 and
a3 relabelled later on half of the articles, and a4), each with one history row per
decision, then times in fresh processes (so peak memory is each step's own):
``annotator agreement A --json`` (target: under 10 s and 500 MB) and ``annotator merge``
of B into a copy of A (target: under 30 s). Prints seconds, peak RSS and the ratio to target.
Like real labels, one person's ACTOR, LOCATION and CASUALTY spans never overlap each other;
a QUOTE may hold them.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.core.model import Span
from annotator.core.store import open_project

WORDS = [
    "the",
    "minister",
    "said",
    "on",
    "monday",
    "that",
    "forces",
    "had",
    "entered",
    "the",
    "city",
    "after",
    "talks",
    "in",
    "the",
    "capital",
    "failed",
    "while",
    "officials",
    "from",
    "the",
    "united",
    "nations",
    "reported",
    "at",
    "least",
    "twelve",
    "people",
    "killed",
    "and",
    "dozens",
    "injured",
    "as",
    "residents",
    "fled",
    "towards",
    "the",
    "border",
    "region",
    "according",
    "to",
    "local",
    "media",
]
ENTITY_LABELS = ("ACTOR", "LOCATION", "CASUALTY")
STAMP = "2026-01-01T00:00:00.000+00:00"


def article_text(rng: random.Random, n_words: int = 100) -> str:
    """A random text of ``n_words`` words, made unique by a random tail."""
    return " ".join(rng.choice(WORDS) for _ in range(n_words)) + f" ({rng.random():.12f})"


def word_edges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each space-separated word of ``text``."""
    edges, pos = [], 0
    for word in text.split(" "):
        edges.append((pos, pos + len(word)))
        pos += len(word) + 1
    return edges


def gold(rng: random.Random, edges: list) -> list[tuple[int, int, str]]:
    """Six non-overlapping ACTOR/LOCATION/CASUALTY spans and one QUOTE that may hold some."""
    spans, free = [], set(range(len(edges)))
    for _ in range(6):
        first, length = rng.randrange(len(edges) - 4), rng.choice((1, 1, 2, 3))
        words = set(range(first, first + length))
        if words <= free:
            free -= words
            spans.append((edges[first][0], edges[first + length - 1][1], rng.choice(ENTITY_LABELS)))
    first = rng.randrange(len(edges) - 16)
    spans.append((edges[first][0], edges[first + rng.randrange(6, 15)][1], "QUOTE"))
    return spans


def version(rng: random.Random, spans: list, edges: list) -> list[tuple[int, int, str]]:
    """One annotator's take on the gold spans: most kept, some moved or relabelled, a few extra."""
    out = []
    for start, end, label in spans:
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.10 and label != "QUOTE":
            label = rng.choice(ENTITY_LABELS)
        elif roll < 0.15:
            end = next((e for s, e in edges if s > end), end)
        out.append((start, end, label))
    if rng.random() < 0.3:
        start, end = edges[rng.randrange(len(edges) - 1)]
        if all(e <= start or s >= end for s, e, label in out if label != "QUOTE"):
            out.append((start, end, rng.choice(ENTITY_LABELS)))
    return out


def build(path: Path, texts: list[str], plan: dict[str, callable]) -> int:
    """A project with ``texts`` labelled by each annotator of ``plan``; its span count."""
    count = 0
    with open_project(path, create=True) as project, project.transaction():
        ids = [i for i, _ in project.add_articles([{"text": t} for t in texts])]
        next_id = 1
        for index, (article_id, text) in enumerate(zip(ids, texts)):
            edges = word_edges(text)
            rows = []
            for name, labeller in plan.items():
                result = labeller(index, edges)
                if result is None:
                    continue
                spans, stamp = result
                for start, end, label in spans:
                    attrs = {"count_low": 3, "count_high": 3, "kind": "killed"} if label == "CASUALTY" else {}
                    rows.append(
                        Span(
                            article_id,
                            start,
                            end,
                            label,
                            attrs,
                            "human",
                            "accepted",
                            name,
                            None,
                            None,
                            next_id,
                            stamp,
                            stamp,
                        )
                    )
                    next_id += 1
                project.write_state(article_id, name, "done")
            project.add_spans(rows)
            for span in rows:
                project.log(
                    annotator=span.annotator,
                    action=f"add {span.label}",
                    after=span.to_row(),
                    article_id=article_id,
                )
            count += len(rows)
    return count


def measure(args: list[str]) -> tuple[float, float, str]:
    """Seconds and peak RSS (MB) of ``annotator ARGS`` run in a fresh process."""
    code = (
        "import resource, sys, time\n"
        "from annotator.cli import main\n"
        "t = time.perf_counter()\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "sys.stderr.write(f'\\nBENCH {time.perf_counter() - t} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}\\n')\n"
    )
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    seconds, peak = done.stderr.rsplit("BENCH ", 1)[1].split()
    return float(seconds), float(peak), done.stdout


def build_both(a: Path, b: Path, texts: list[str], annotator, articles: int) -> None:
    """File A: a1, a2, a3 on every article; file B: a2 and a3 again, later, on half, and a4."""
    started = time.perf_counter()
    for path in (a, b):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    spans_a = build(a, texts, {n: annotator(i, STAMP) for i, n in enumerate(("a1", "a2", "a3"))})
    later = "2026-02-01T00:00:00.000+00:00"
    plan_b = {"a2": annotator(20, later, True), "a3": annotator(30, later, True), "a4": annotator(4, STAMP)}
    spans_b = build(b, texts, plan_b)
    print(
        f"built {articles:,} articles: A {spans_a:,} spans (a1-a3), B {spans_b:,} spans "
        f"in {time.perf_counter() - started:.0f} s"
    )


def main() -> None:
    """Build (or reuse) the annotators' files, time agreement and merge, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--keep", help="Build the files in this folder and keep them.")
    parser.add_argument("--reuse", action="store_true", help="Measure the files already in --keep.")
    options = parser.parse_args()
    folder = Path(options.keep or tempfile.mkdtemp(prefix="bench_review_"))
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    texts = [article_text(rng) for _ in range(options.articles)]
    golds = [gold(rng, word_edges(t)) for t in texts]

    def annotator(seed: int, stamp: str, only_half: bool = False):
        def label(index: int, edges: list):
            if only_half and index % 2:
                return None
            return version(random.Random(seed * 1_000_003 + index), golds[index], edges), stamp

        return label

    a, b = folder / "a.db", folder / "b.db"
    if not (options.reuse and a.exists() and b.exists()):
        build_both(a, b, texts, annotator, options.articles)
    seconds, peak, out = measure(["agreement", str(a), "--json"])
    overall = json.loads(out)["overall"]
    print(
        f"agreement (3 annotators, {overall['articles']:,} articles, {overall['spans']:,} spans, "
        f"{overall['tokens']:,} tokens): {seconds:.2f} s (target 10 s, ratio {seconds / 10:.2f}), "
        f"peak {peak:.0f} MB (target 500 MB, ratio {peak / 500:.2f})"
    )
    print(
        f"  overall F1 exact {overall['f1_exact']:.3f}, Fleiss kappa {overall['kappa']:.3f}, alpha {overall['alpha']:.3f}"
    )
    target = folder / "merged.db"
    shutil.copy(a, target)
    seconds, peak, out = measure(["merge", str(target), str(b), "--json"])
    (report,) = json.loads(out)
    taken = sum(d["spans"] for d in report["decisions"].values())
    print(
        f"merge B into A ({report['articles_matched']:,} matched, {taken:,} spans taken, "
        f"{report['conflicts_by_time']:,} conflicts by time, {report['history_added']:,} history rows): "
        f"{seconds:.2f} s (target 30 s, ratio {seconds / 30:.2f}), peak {peak:.0f} MB"
    )
    seconds, peak, out = measure(["merge", str(target), str(b), "--json"])
    print(
        f"merge again (nothing to take: {json.loads(out)[0]['decisions'] == {}}): {seconds:.2f} s, peak {peak:.0f} MB"
    )
    if not options.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()

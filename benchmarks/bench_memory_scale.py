"""Annotation memory's cost per suggested article against the number of finished articles.

``bench_memory.py`` replays what memory suggests on the samples (behaviour); this one times it.
For each N it builds a scratch project with N finished articles (generated news-like text with
repeated people, places, organisations and weekdays: model suggestions, a person's accepts and
rejects, names left unlabelled, now and then a weekday accepted as a club), then suggests, one
article at a time as the window does, for the bundled samples and a few new generated articles
that name the same people and places. It prints the seconds per suggested article and per
``learnt`` call (memory's part), the ratio of N = largest to N = 0, and a digest of what memory
learnt and of the memory suggestions stored (the same digest before and after a change to how
memory counts means the same suggestions).

    .venv/bin/python benchmarks/bench_memory_scale.py [--sizes 0,300,3000] [--dump OUT.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from pathlib import Path
from statistics import median

from annotator.core.model import Span
from annotator.core.samples import samples_dir
from annotator.core.store import articles, open_project
from annotator.core.suggest import load_pipeline, suggest_articles
from annotator.core.suggest.memory import learnt

WHO = "ann"
FIRST = [
    "Anna",
    "Omar",
    "Pavel",
    "Maria",
    "Li",
    "Ahmed",
    "Sofia",
    "Ivan",
    "Grace",
    "Tomas",
    "Leila",
    "Jonas",
    "Amina",
    "Kenji",
    "Rosa",
    "Yusuf",
]
LAST = [
    "Kovacs",
    "Haddad",
    "Petrov",
    "Silva",
    "Chen",
    "Mensah",
    "Novak",
    "Rahman",
    "Weber",
    "Okafor",
    "Santos",
    "Ibrahim",
    "Lund",
]
PLACES = [
    "Kharkiv",
    "Mosul",
    "Goma",
    "Aleppo",
    "Kabul",
    "Juba",
    "Mariupol",
    "Sanaa",
    "Tripoli",
    "Bamako",
    "Kherson",
    "Gaza",
    "Idlib",
    "Herat",
    "Kandahar",
    "Benghazi",
    "Donetsk",
    "Odesa",
    "Homs",
    "Raqqa",
    "Kismayo",
    "Tigray",
    "Darfur",
    "Marawi",
    "Cox's Bazar",
]
ORGS = [
    "United Nations",
    "Red Cross",
    "World Food Programme",
    "European Union",
    "NATO",
    "African Union",
    "Amnesty International",
    "Doctors Without Borders",
    "World Bank",
    "US Army",
    "Interior Ministry",
    "Wednesday",  # the club, now and then
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SENTENCES = [
    "{P} said on {D} that the {O} would send aid to {L}.",
    "Officials in {L} told reporters the {O} had met {P} and {P2}.",
    "{D} talks in {L} ended without a deal, {P} said.",
    "The {O} said {n} people were killed in {L} on {D}.",
    "{P} of the {O} arrived in {L} late on {D}, a day after {P2} left {L2}.",
]
FILLER = [
    "The situation remained tense as residents waited for news of relatives.",
    "Prices of bread and fuel have doubled since the fighting began, traders said.",
    "It was not immediately possible to verify the figures independently.",
    "Many families have fled to the countryside, where they shelter in schools and mosques.",
    "Aid workers warned that the coming winter would make matters worse.",
    "The talks are expected to resume next week, according to a statement.",
]


def people() -> list[str]:
    """Every first name with every last name."""
    return [f"{f} {last}" for f in FIRST for last in LAST]


def article(rng: random.Random, names: list[str]) -> tuple[str, list[tuple[int, int, str]]]:
    """A generated article and its names as ``(start, end, label)``."""
    text, found = "", []
    for _ in range(rng.randint(18, 36)):
        template = rng.choice(SENTENCES) if rng.random() < 0.4 else rng.choice(FILLER)
        fill = {
            "P": (rng.choice(names), "ACTOR"),
            "P2": (rng.choice(names), "ACTOR"),
            "O": (rng.choice(ORGS[:-1]), "ACTOR"),
            "L": (rng.choice(PLACES), "LOCATION"),
            "L2": (rng.choice(PLACES), "LOCATION"),
            "D": (rng.choice(DAYS), None),
            "n": (str(rng.randint(2, 90)), None),
        }
        parts = template.replace("{", "\0{").replace("}", "}\0").split("\0")
        for part in parts:
            if part.startswith("{"):
                words, label = fill[part[1:-1]]
                if label:
                    found.append((len(text), len(text) + len(words), label))
                text += words
            else:
                text += part
        text += " " if rng.random() < 0.8 else "\n\n"
    return text.strip(), found


def finished_rows(rng, article_id, text, names, next_id) -> list[Span]:
    """Model suggestions over most names and a person's decisions on them: mostly accepted,
    some rejected, some left open; a few names neither suggested nor labelled."""
    rows = []
    for start, end, label in names:
        roll = rng.random()
        if roll < 0.08:
            continue  # missed by the model, left unlabelled by the person
        sid = next_id()
        rows.append(Span(article_id, start, end, label, origin="model", status="suggested", id=sid))
        if roll < 0.85:
            status = "accepted"
        elif roll < 0.9:
            status = "rejected"
        else:
            continue  # a suggestion nobody answered
        rows.append(
            Span(article_id, start, end, label, status=status, annotator=WHO, suggestion_id=sid, id=next_id())
        )
    day = next((i for i in range(len(text)) if text.startswith("Wednesday", i)), None)
    if day is not None and rng.random() < 0.02:  # the football club
        rows.append(Span(article_id, day, day + 9, "ACTOR", annotator=WHO, id=next_id()))
    return rows


def build(path: Path, n: int, seed: int) -> tuple[object, list[int]]:
    """A project with ``n`` finished generated articles and the articles to suggest (unfinished)."""
    rng = random.Random(seed)
    names = people()
    project = open_project(path, create=True)
    counter = iter(range(1, 10**9))
    with project.transaction():
        made = [article(rng, names) for _ in range(n)]
        ids = [i for i, _ in articles.insert_batch(project.db, [{"text": t} for t, _ in made])]
        rows = [
            r
            for i, (t, found) in zip(ids, made)
            for r in finished_rows(rng, i, t, found, lambda: next(counter))
        ]
        project.add_spans(rows)
        for i in ids:
            project.write_state(i, WHO, "done" if rng.random() < 0.9 else "reviewed")
        fresh = [{"text": p.read_text(encoding="utf-8")} for p in sorted(samples_dir().glob("*.txt"))]
        extra = random.Random(seed + 1)
        fresh += [{"text": article(extra, names)[0]} for _ in range(3)]
        todo = [i for i, _ in articles.insert_batch(project.db, fresh)]
    return project, todo


def memory_digest(project, todo: list[int], learned) -> tuple[str, dict]:
    """A digest of what memory learnt and of the memory suggestions stored in ``todo``."""
    stored = []
    for i in todo:
        text = project.article(i).text
        for s in project.spans_in([i], ("suggested",)):
            if s.origin == "memory":
                stored.append([i, s.start, s.end, s.label, text[s.start : s.end]])
    data = {
        "finished": sorted(learned[0].items()),
        "everything": sorted(learned[1].items()),
        "stored": sorted(stored),
    }
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:12], data


def measure(n: int, pipeline_name, seed: int, rounds: int) -> dict:
    """Seconds per suggested article and per ``learnt`` call with ``n`` finished articles."""
    with tempfile.TemporaryDirectory() as tmp:
        project, todo = build(Path(tmp) / "p.db", n, seed)
        try:
            pipeline = load_pipeline(pipeline_name, project)
            suggest_articles(project, todo[:1], pipeline, force=True)  # warm the model up
            per_article = []
            for _ in range(rounds):
                for i in todo:
                    start = time.perf_counter()
                    suggest_articles(project, [i], pipeline, force=True)
                    per_article.append(time.perf_counter() - start)
            learn_times = []
            for _ in range(3):
                start = time.perf_counter()
                learned = learnt(project)
                learn_times.append(time.perf_counter() - start)
            digest, data = memory_digest(project, todo, learned)
        finally:
            project.close()
    return {
        "n": n,
        "suggest": median(per_article),
        "learnt": median(learn_times),
        "digest": digest,
        "data": data,
    }


def main() -> None:
    """Time memory per suggested article with each of --sizes finished articles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0,300,3000", help="numbers of finished articles")
    parser.add_argument("--model", default=None, help="spaCy model (default: the project's/bundled)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=2, help="suggest each new article this often")
    parser.add_argument("--dump", type=Path, help="write what memory learnt and stored per N here (JSON)")
    args = parser.parse_args()
    results = [measure(int(n), args.model, args.seed, args.rounds) for n in args.sizes.split(",")]
    for r in results:
        data = r["data"]
        print(
            f"N={r['n']:>5} finished: suggest {r['suggest'] * 1000:7.1f} ms/article, learnt {r['learnt'] * 1000:7.1f} ms;"
            f" remembered {len(data['finished'])}, memory suggestions stored {len(data['stored'])}, digest {r['digest']}"
        )
    first, last = results[0], results[-1]
    print(
        f"ratio N={last['n']} / N={first['n']}: suggest {last['suggest'] / first['suggest']:.2f},"
        f" learnt {last['learnt'] / max(first['learnt'], 1e-9):.1f}"
    )
    if args.dump:
        args.dump.write_text(json.dumps({r["n"]: r["data"] for r in results}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

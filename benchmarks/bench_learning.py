"""Learning curve: suggestion F1 per label after ``annotator train`` on 0, 10, 25, 50, 100
(150) labelled articles, and how long each training takes.

    python benchmarks/bench_learning.py [--sizes 0,10,25,50,100] [--max-epochs 20] [--seed 0]
    python benchmarks/bench_learning.py --conll-train eng.train --conll-dev eng.testa [--plain]
    python benchmarks/bench_learning.py --conll-train eng.train --conll-rest 216 [--plain]

Two sources of labelled articles:

- **Wikigold** (default; ``benchmarks/data/wikigold.jsonl``: 145 Wikipedia articles with
  CoNLL-style names, CC BY 4.0, Balasuriya et al. 2009). It has no train/test split; here it is
  shuffled with ``--seed`` and cut into 36 test articles, 10 dev articles (spaCy's best-model
  choice) and a pool of 100 to train on.
- **CoNLL-2003 English** (Reuters wire news, not redistributable: give the files; never
  the test split, which is the project's independent check). Each ``-DOCSTART-`` starts an
  article; its text is the tokens joined by single spaces, one line per sentence, as tokenised
  wire text looks. The train file is shuffled with ``--seed``: 20 articles are spaCy's dev
  (best-model choice), the next ``max(sizes)`` the training pool. Scored on the dev file's
  articles (``--conll-score N`` of them, all by default): the other articles of the same source.
  ``--conll-rest N`` scores instead on N train-file articles that follow the training pool in
  the shuffle (never trained on, nor used as spaCy's dev): "the rest" of the file trained from;
  ``--conll-rest-offset M`` skips M articles first, for a second rest slice disjoint from the first.
  Default sizes 0,10,25,50,100,150. ``--plain`` adds one line for a plain fine-tune of the base
  model's recognizer alone (``nlp.update`` on the largest size, 10 passes): the floor.

Both: PER and ORG -> ACTOR, LOC -> LOCATION, MISC dropped. Scored: the full suggestions as a
project gives them (rules included, and annotation memory: the scored articles are imported
unlabelled into a temporary project holding the ``n`` training articles with their labels,
marked done, and ``annotator suggest``'s own code stores their suggestions; ``--no-memory``
scores the pipeline's suggestions without memory, as this benchmark did before) on the Wikinews gold (``tests/data/gold_wikinews.jsonl``,
never trained on; ``--news-gold FILE`` scores another online-news gold there instead, e.g.
the dev gold ``tests/data/gold_wikinews2020.jsonl`` for work that must not see the held-out
set) and on the same-source test articles, where the trained recognizer alone (no rules) is
printed in brackets next to the suggestions: the rules must not pull a trained model below it. "names from" says whether the trained model's names stand alone (its dev F1 of
ACTOR and LOCATION, the lower one printed, reaches 0.85) or get the rules' repairs. Same
matching rules as ``bench_suggest_quality.py``.
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

from annotator.core.ingest import import_sources  # noqa: E402
from annotator.core.store import open_project  # noqa: E402
from annotator.core.suggest import suggest_articles  # noqa: E402
from annotator.core.suggest.pipeline import DEFAULT_MODELS, pipeline_named  # noqa: E402
from annotator.core.suggest.trained_entities import dev_f1, trusted  # noqa: E402
from annotator.core.train import score  # noqa: E402
from annotator.core.train.examples import Example, TrainingData  # noqa: E402
from annotator.core.train.runner import TrainOptions, load_base, train_data  # noqa: E402

LABELS = ("ACTOR", "LOCATION", "QUOTE", "CASUALTY")
ENTS = ("ACTOR", "LOCATION")
CONLL_LABELS = {"PER": "ACTOR", "ORG": "ACTOR", "LOC": "LOCATION"}
CONLL_DEV = 20


def _tasks(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _example(i: int, task: dict) -> Example:
    return Example(i, task["text"], [(s["start"], s["end"], s["label"]) for s in task["spans"]])


def _task(ex: Example) -> dict:
    return {"text": ex.text, "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in ex.spans]}


def conll_articles(path: Path) -> list[Example]:
    """The articles of a CoNLL-2003 file (token first, NE tag last on each line; IOB1 or IOB2)."""
    articles: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if sentence and articles:
                articles[-1].append(sentence)
            sentence = []
            if cols:
                articles.append([])
            continue
        sentence.append((cols[0], cols[-1]))
    return [_conll_example(i, sentences) for i, sentences in enumerate(articles) if sentences]


def _conll_example(i: int, sentences: list[list[tuple[str, str]]]) -> Example:
    text, spans, at = [], [], 0
    for sentence in sentences:
        open_span: list = []  # [start, end, type]
        for n, (token, tag) in enumerate(sentence):
            start = at + sum(len(t) + 1 for t, _ in sentence[:n])
            kind = tag[2:] if tag != "O" else ""
            continues = open_span and tag.startswith("I-") and kind == open_span[2]
            if open_span and not continues:
                spans.append(tuple(open_span))
                open_span = []
            if continues:
                open_span[1] = start + len(token)
            elif kind:
                open_span = [start, start + len(token), kind]
        if open_span:
            spans.append(tuple(open_span))
        line = " ".join(t for t, _ in sentence)
        text.append(line)
        at += len(line) + 1
    mapped = [(s, e, CONLL_LABELS[k]) for s, e, k in spans if k in CONLL_LABELS]
    return Example(i, "\n".join(text), mapped)


def _scores(model: str, tasks: list[dict], labels, labelled: list[Example] | None = None) -> dict:
    """Suggestion F1 per label; with ``labelled`` (the memory on), as a project holding those
    labelled articles suggests."""
    texts = [t["text"] for t in tasks]
    gold = [[(s["start"], s["end"], s["label"]) for s in t["spans"]] for t in tasks]
    pipeline = pipeline_named(model)
    if labelled is None:
        return score.per_label(texts, gold, score.suggested_spans(pipeline, texts), labels)
    return score.per_label(texts, gold, project_suggestions(pipeline, labelled, texts), labels)


def project_suggestions(
    pipeline, labelled: list[Example], texts: list[str]
) -> list[list[tuple[int, int, str]]]:
    """What a project holding ``labelled`` (imported with their labels: accepted, marked done)
    stores as suggestions for ``texts`` (imported unlabelled): annotation memory included."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write_jsonl(folder / "labelled.jsonl", [_task(ex) for ex in labelled])
        _write_jsonl(folder / "scored.jsonl", [{"text": text} for text in texts])
        project = open_project(folder / "bench.annotator.db", create=True)
        try:
            if labelled:
                import_sources(project, [str(folder / "labelled.jsonl")], fmt="jsonl", annotator="bench")
            import_sources(project, [str(folder / "scored.jsonl")], fmt="jsonl", annotator="bench")
            ids = dict(project.article_texts(project.article_ids()))
            wanted = [ids[text] for text in texts]
            suggest_articles(project, wanted, pipeline)
            found: dict[int, list[tuple[int, int, str]]] = {i: [] for i in wanted}
            for row in project.spans_in(wanted, ("suggested",)):
                found[row.article_id].append((row.start, row.end, row.label))
        finally:
            project.close()
    return [found[i] for i in wanted]


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def _plain_scores(nlp, tasks: list[dict]) -> dict:
    """A recognizer alone (its ACTOR/LOCATION entities, no rules, no suggester)."""
    texts = [t["text"] for t in tasks]
    gold = [[(s["start"], s["end"], s["label"]) for s in t["spans"]] for t in tasks]
    pred = [
        [(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in ENTS] for d in nlp.pipe(texts)
    ]
    return score.per_label(texts, gold, pred, ENTS)


def plain_fine_tune(base: str, examples: list[Example], seed: int, passes: int = 10):
    """The floor: the base model's recognizer alone fine-tuned on ACTOR/LOCATION with
    ``nlp.update`` (one Doc per line, batches of 8, dropout 0.2), the textbook recipe."""
    import spacy
    from spacy.training import Example as SpacyExample
    from spacy.util import filter_spans, minibatch

    nlp = spacy.load(base)
    ner = nlp.get_pipe("ner")
    for label in ENTS:
        ner.add_label(label)
    data = []
    for ex in examples:
        at = 0
        for line in ex.text.split("\n"):
            doc = nlp.make_doc(line)
            spans = [
                doc.char_span(s - at, e - at, lab)
                for s, e, lab in ex.spans
                if at <= s and e <= at + len(line)
            ]
            ents = filter_spans([s for s in spans if s is not None])
            data.append(
                SpacyExample.from_dict(
                    doc, {"entities": [(s.start_char, s.end_char, s.label_) for s in ents]}
                )
            )
            at += len(line) + 1
    rng = random.Random(seed)
    with nlp.select_pipes(enable="ner"):
        optimizer = nlp.resume_training()
        for _ in range(passes):
            rng.shuffle(data)
            for batch in minibatch(data, size=8):
                nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def _sources(args) -> tuple[list[Example], list[Example], list[dict], str, str]:
    """(train pool, spaCy dev, same-source test tasks, source name, sizes)."""
    if args.conll_train:
        train = conll_articles(Path(args.conll_train))
        random.Random(args.seed).shuffle(train)
        sizes = args.sizes or "0,10,25,50,100,150"
        largest = max(int(x) for x in sizes.split(","))
        dev, pool = train[:CONLL_DEV], train[CONLL_DEV : CONLL_DEV + largest]
        if args.conll_rest:
            rest = train[CONLL_DEV + largest + args.conll_rest_offset :][: args.conll_rest]
            return pool, dev, [_task(ex) for ex in rest], "CoNLL rest", sizes
        test = conll_articles(Path(args.conll_dev))
        if args.conll_score:
            test = test[: args.conll_score]
        return pool, dev, [_task(ex) for ex in test], "CoNLL dev", sizes
    wikigold = [_example(i, t) for i, t in enumerate(_tasks(ROOT / "benchmarks/data/wikigold.jsonl"))]
    random.Random(args.seed).shuffle(wikigold)
    test, dev, pool = wikigold[:36], wikigold[36:46], wikigold[46:]
    return pool, dev, [_task(ex) for ex in test], "Wikigold test", args.sizes or "0,10,25,50,100"


def _row(n, seconds, epochs, news, same, plain, nlp) -> str:
    plain_cells = f"   ({plain['ACTOR'][0][2]:.2f}  {plain['LOCATION'][0][2]:.2f})" if plain else ""
    if plain:
        ner_labels = list(nlp.get_pipe("ner").labels)
        names = "model alone" if trusted(ner_labels, nlp.meta) else "model+rules"
        plain_cells += f"   {names} (dev F1 {dev_f1(nlp.meta):.2f})"
    return (
        f"{n:>5} {seconds:>8.0f} {epochs:>6}   {'':12}"
        + " ".join(f"{news[x][0][2]:>8.2f}" for x in LABELS)
        + f"   {'':18}{same['ACTOR'][0][2]:.2f}  {same['LOCATION'][0][2]:.2f}"
        + plain_cells
    )


def main(argv: list[str] | None = None) -> None:
    """Train on each of --sizes articles and print the suggestions' F1 and the training time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=None, help="default 0,10,25,50,100 (CoNLL: 0,10,25,50,100,150)")
    parser.add_argument("--max-epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--base", default=next(m for m in DEFAULT_MODELS if __import__("spacy").util.is_package(m))
    )
    parser.add_argument("--conll-train", help="CoNLL-2003 English train file (eng.train / train.txt)")
    parser.add_argument("--conll-dev", help="CoNLL-2003 English dev file (eng.testa / valid.txt)")
    parser.add_argument("--conll-score", type=int, default=0, help="score on the first N dev articles")
    parser.add_argument(
        "--conll-rest", type=int, default=0, help="score on N train-file articles outside the pool instead"
    )
    parser.add_argument(
        "--conll-rest-offset",
        type=int,
        default=0,
        help="skip N articles after the pool before the rest (a second, disjoint rest slice)",
    )
    parser.add_argument("--plain", action="store_true", help="also a plain NER fine-tune at the largest size")
    parser.add_argument(
        "--news-gold",
        default=str(ROOT / "tests/data/gold_wikinews.jsonl"),
        help="online-news gold scored in the Wikinews columns (default the 2019 Wikinews gold)",
    )
    parser.add_argument(
        "--no-memory",
        action="store_true",
        help="score the suggestions without annotation memory of the articles trained on",
    )
    args = parser.parse_args(argv)
    if args.conll_train and not (args.conll_dev or args.conll_rest):
        parser.error("--conll-train needs --conll-dev or --conll-rest")
    if (args.conll_dev or args.conll_rest) and not args.conll_train:
        parser.error("--conll-dev and --conll-rest need --conll-train")
    pool, dev, test_tasks, source, sizes = _sources(args)
    wikinews = _tasks(Path(args.news_gold))
    base_nlp = load_base(args.base)
    print(
        f"base {args.base}; train pool {len(pool)}, dev {len(dev)}, {source} {len(test_tasks)}, Wikinews {len(wikinews)}; "
        + ("no annotation memory" if args.no_memory else "annotation memory of the articles trained on")
    )
    print(f"{'train':>5} {'seconds':>8} {'epochs':>6}   Wikinews F1: " + " ".join(f"{x[:8]:>8}" for x in LABELS)
          + f"   {source} F1: ACTOR LOCATION (trained NER alone: ACTOR LOCATION)   names from")  # fmt: skip
    for n in (int(x) for x in sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            seconds, epochs, model = 0.0, 0, args.base
            if n:
                data = TrainingData(pool[:n], dev, list(ENTS))
                options = TrainOptions(max_epochs=args.max_epochs, seed=args.seed, max_minutes=10)
                started = time.monotonic()
                result = train_data(args.base, base_nlp, data, options, Path(tmp) / "m", lambda line: None)
                seconds, epochs, model = time.monotonic() - started, result.epochs, str(result.output)
            labelled = None if args.no_memory else pool[:n]
            news = _scores(model, wikinews, LABELS, labelled)
            same = _scores(model, test_tasks, ENTS, labelled)
            nlp = __import__("spacy").load(model)
            plain = _plain_scores(nlp, test_tasks) if n else None
            print(_row(n, seconds, epochs, news, same, plain, nlp), flush=True)
    if args.plain:
        n = len(pool)
        started = time.monotonic()
        nlp = plain_fine_tune(args.base, pool, args.seed)
        seconds = time.monotonic() - started
        plain = _plain_scores(nlp, test_tasks)
        print(
            f"plain NER fine-tune (nlp.update, 10 passes) on {n}: {seconds:.0f} s; {source} F1 "
            f"ACTOR {plain['ACTOR'][0][2]:.2f}  LOCATION {plain['LOCATION'][0][2]:.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()

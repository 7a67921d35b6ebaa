"""QUOTE and CASUALTY: a trained spaCy span categorizer against the rules, on the same held-out
articles.

    python benchmarks/bench_spancat.py [--folds 3 | --leave-one-gold-out] [--max-epochs 12] [--seed 0]
                                       [--gold FILE ...]

Data: the dev golds in ``tests/data/`` (seeds, unseen, holdout, holdout2 and wikinews2020 when
present; never the held-out Wikinews gold), or the ``--gold`` files. Cross-validation by article: ``--folds K`` shuffles
the articles with ``--seed`` and cuts them into K parts; ``--leave-one-gold-out`` holds out one
gold file at a time. Each fold trains on the other articles (15 % of them as spaCy's dev set, for
the best-model choice) and scores the held-out part; figures are pooled over the folds, so every
article is scored once, by a model that never saw it.

The pipeline, trained with spaCy's own loop (``spacy.training.loop.train``) on a generated
config: the base model's ``tok2vec`` (sourced, fine-tuned), a ``span_finder`` that learns where
spans start and end and proposes every start-end pair up to ``--max-length`` tokens within a paragraph, and a
``spancat`` that labels those candidates. Why ``span_finder``: quotes run to 86 words here, and an
n-gram suggester covering 1..86 tokens would score ~86 candidates per token of every article;
the span finder proposes a few, and its recall (printed) bounds what spancat can find.
``--ngram-max N`` replaces the span finder by spaCy's n-gram suggester (every span of 1..N
tokens): fine for CASUALTY (a figure and its people phrase, a few tokens), while quotes longer
than N tokens cannot be found that way (again bounded by the printed candidate recall).

Matching as in ``bench_suggest_quality.py``: QUOTE after stripping quote marks, punctuation and
spaces at both ends; CASUALTY on exact boundaries (the "span" row: spancat predicts no counts).
The rules are the full suggestions of the base model (``annotator suggest``, no memory).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as spacy_train
from spacy.util import filter_spans
from thinc.api import Config

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core.suggest.pipeline import DEFAULT_MODELS, pipeline_named  # noqa: E402
from annotator.core.train import score  # noqa: E402
from annotator.core.train.examples import paragraphs  # noqa: E402

LABELS = ("QUOTE", "CASUALTY")
GOLDS = ("seeds", "unseen", "holdout", "holdout2", "wikinews2020")
KEY, CANDIDATES = "sc", "span_candidates"

CONFIG = """
[paths]
train = {train}
dev = {dev}

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["tok2vec", "span_finder", "spancat"]
batch_size = 16

[components]

[components.tok2vec]
source = {base}

[components.span_finder]
factory = "span_finder"
spans_key = "{candidates}"
threshold = {finder_threshold}
max_length = {max_length}
min_length = null

[components.span_finder.model]
@architectures = "spacy.SpanFinder.v1"

[components.span_finder.model.scorer]
@layers = "spacy.LinearLogistic.v1"
nO = 2

[components.span_finder.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "tok2vec"

[components.spancat]
factory = "spancat"
spans_key = "{key}"
threshold = 0.5
max_positive = 1

[components.spancat.model]
@architectures = "spacy.SpanCategorizer.v1"

[components.spancat.model.reducer]
@layers = "spacy.mean_max_reducer.v1"
hidden_size = 128

[components.spancat.model.scorer]
@layers = "spacy.LinearLogistic.v1"
nO = null
nI = null

[components.spancat.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "tok2vec"

[components.spancat.suggester]
@misc = "spacy.preset_spans_suggester.v1"
spans_key = "{candidates}"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0

[training]
seed = ${{system.seed}}
gpu_allocator = null
dropout = 0.1
accumulate_gradient = 1
patience = {patience}
max_epochs = {max_epochs}
max_steps = 0
eval_frequency = {steps}
frozen_components = []
annotating_components = ["span_finder"]
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 1000
tolerance = 0.2
discard_oversize = false
get_length = null

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.001

[training.score_weights]
spans_sc_f = 1.0
spans_sc_p = 0.0
spans_sc_r = 0.0
span_finder_span_candidates_f = 0.0

[initialize]
vectors = null
init_tok2vec = null

[initialize.before_init]
@callbacks = "spacy.copy_from_base_model.v1"
tokenizer = {base}
vocab = {base}
"""


def _golds(paths: list[Path] | None = None) -> list[tuple[str, dict]]:
    """(gold name, task) for each article of ``paths`` (default: the dev golds present)."""
    if not paths:
        paths = [p for name in GOLDS if (p := ROOT / "tests" / "data" / f"gold_{name}.jsonl").exists()]
    out = []
    for path in paths:
        name = path.stem.removeprefix("gold_")
        lines = path.read_text(encoding="utf-8").splitlines()
        out += [(name, json.loads(line)) for line in lines if line.strip()]
    return out


def _spans(task: dict) -> list[tuple[int, int, str]]:
    return [(s["start"], s["end"], s["label"]) for s in task["spans"] if s["label"] in LABELS]


def _docbin(nlp: spacy.Language, tasks: list[dict]) -> tuple[DocBin, int]:
    """One Doc per paragraph (which keeps the span finder's candidates, every start-end pair up
    to --max-length, to a size that fits in memory), gold spans inside it under both keys (a span running over a
    paragraph end is not learnt, and counts as missed in the scores)."""
    docbin, words = DocBin(store_user_data=False), 0
    for task in tasks:
        for at, para in paragraphs(task["text"]):
            doc = nlp.make_doc(para)
            inside = [(s - at, e - at, lab) for s, e, lab in _spans(task) if at <= s and e <= at + len(para)]
            spans = [doc.char_span(s, e, lab, alignment_mode="expand") for s, e, lab in inside]
            spans = [s for s in spans if s is not None]
            doc.spans[KEY] = spans
            doc.spans[CANDIDATES] = filter_spans(spans)
            docbin.add(doc)
            words += len(doc)
    return docbin, words


def _train(base: str, train: list[dict], dev: list[dict], out: Path, args) -> spacy.Language:
    base_nlp = spacy.load(base)
    train_bin, words = _docbin(base_nlp, train)
    train_bin.to_disk(out / "train.spacy")
    _docbin(base_nlp, dev)[0].to_disk(out / "dev.spacy")
    width = base_nlp.get_pipe("tok2vec").model.get_dim("nO")
    nlp = init_nlp(make_config(args, base, out, words, width))
    spancat = nlp.get_pipe("spancat")
    for label in LABELS:
        spancat.add_label(label)  # type: ignore[attr-defined]
    (out / "model").mkdir()
    log = io.StringIO()
    spacy_train(nlp, out / "model", stdout=log, stderr=io.StringIO())
    if args.verbose:
        print(log.getvalue())
    best = out / "model" / "model-best"
    return spacy.load(best if best.exists() else out / "model" / "model-last")


def make_config(args: argparse.Namespace, base: str, out: Path, words: int, width: int) -> Config:
    """The training config: data in ``out``, ``tok2vec`` sourced from ``base`` (``width`` its
    output), evaluated every ~1000 words of the ``words`` of training data (patience in
    epochs, as ``--patience`` says); with ``--ngram-max``, the n-gram suggester."""
    steps = max(1, -(-words // 1000))
    text = CONFIG.format(
        train=json.dumps(str(out / "train.spacy")), dev=json.dumps(str(out / "dev.spacy")),
        seed=args.seed, base=json.dumps(base), candidates=CANDIDATES, key=KEY, width=width,
        max_length=args.max_length, finder_threshold=args.finder_threshold, patience=args.patience * steps, max_epochs=args.max_epochs, steps=steps,
    )  # fmt: skip
    config = Config().from_str(text)
    if args.ngram_max:
        _use_ngram_suggester(config, args.ngram_max)
    return config


def _use_ngram_suggester(config: Config, longest: int) -> None:
    """spancat over every 1..``longest``-token span (spaCy's n-gram suggester), no span finder."""
    del config["components"]["span_finder"]
    del config["training"]["score_weights"]["span_finder_span_candidates_f"]
    config["nlp"]["pipeline"] = ["tok2vec", "spancat"]
    config["training"]["annotating_components"] = []
    config["components"]["spancat"]["suggester"] = {
        "@misc": "spacy.ngram_range_suggester.v1", "min_size": 1, "max_size": longest,
    }  # fmt: skip


def _suggested(nlp: spacy.Language, doc) -> list:
    """The spans spancat scored in ``doc``: the span finder's, or its own suggester's."""
    if CANDIDATES in doc.spans:
        return list(doc.spans[CANDIDATES])
    ragged = nlp.get_pipe("spancat").suggester([doc])  # type: ignore[attr-defined]
    return [doc[int(s) : int(e)] for s, e in ragged.dataXd.tolist()]


def _predicted(nlp: spacy.Language, texts: list[str]) -> tuple[list[list], list[list]]:
    """spancat's spans and the span finder's candidates (as unlabelled spans) per text."""
    spans: list[list] = [[] for _ in texts]
    candidates: list[list] = [[] for _ in texts]
    pieces = [(i, at, para) for i, text in enumerate(texts) for at, para in paragraphs(text)]
    for (i, at, _), doc in zip(pieces, nlp.pipe(para for _, _, para in pieces)):
        spans[i] += [(at + s.start_char, at + s.end_char, s.label_) for s in doc.spans.get(KEY, [])]
        candidates[i] += [(at + s.start_char, at + s.end_char) for s in _suggested(nlp, doc)]
    return spans, candidates


def _folds(golds: list[tuple[str, dict]], args) -> list[list[int]]:
    if args.leave_one_gold_out:
        names = list(dict.fromkeys(name for name, _ in golds))
        return [[i for i, (name, _) in enumerate(golds) if name == held] for held in names]
    order = list(range(len(golds)))
    random.Random(args.seed).shuffle(order)
    return [sorted(order[k :: args.folds]) for k in range(args.folds)]


def _candidate_recall(texts, gold, candidates) -> dict[str, tuple[int, int]]:
    out = {}
    for label in LABELS:
        hit = total = 0
        for text, g, c in zip(texts, gold, candidates):
            keys = {score.key(text, s, e, label) for s, e in c}
            spans = [score.key(text, s, e, label) for s, e, lab in g if lab == label]
            hit, total = hit + sum(k in keys for k in spans), total + len(spans)
        out[label] = (hit, total)
    return out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--leave-one-gold-out", action="store_true")
    parser.add_argument("--max-epochs", type=int, default=12)
    parser.add_argument(
        "--finder-threshold", type=float, default=0.5, help="span_finder's start/end probability"
    )
    parser.add_argument("--max-length", type=int, default=100, help="longest candidate, in tokens")
    parser.add_argument(
        "--ngram-max", type=int, default=0, help="no span finder: spaCy's n-gram suggester, 1..N tokens"
    )
    parser.add_argument("--patience", type=int, default=5, help="epochs without a better dev score")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--verbose", action="store_true", help="print spaCy's training log")
    parser.add_argument("--base", default=next(m for m in DEFAULT_MODELS if spacy.util.is_package(m)))
    parser.add_argument(
        "--gold", type=Path, action="append", help="a gold JSONL file (repeatable; default: the dev golds)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Cross-validate the span categorizer against the rules on the golds and print both."""
    args = parse_args(argv)
    golds = _golds(args.gold)
    texts = [task["text"] for _, task in golds]
    gold = [_spans(task) for _, task in golds]
    folds = _folds(golds, args)
    rules_pred = score.suggested_spans(pipeline_named(args.base), texts)
    print(f"{len(golds)} articles from {', '.join(dict.fromkeys(n for n, _ in golds))}; {len(folds)} folds")
    spancat_pred: list[list] = [[] for _ in golds]
    cands: list[list] = [[] for _ in golds]
    seconds = []
    for k, held in enumerate(folds):
        rest = [i for i in range(len(golds)) if i not in held]
        random.Random(args.seed).shuffle(rest)
        n_dev = max(1, round(len(rest) * 0.15))
        dev, train = [golds[i][1] for i in rest[:n_dev]], [golds[i][1] for i in rest[n_dev:]]
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as tmp:
            nlp = _train(args.base, train, dev, Path(tmp), args)
        seconds.append(time.monotonic() - started)
        pred, cand = _predicted(nlp, [texts[i] for i in held])
        for i, p, c in zip(held, pred, cand):
            spancat_pred[i], cands[i] = p, c
        part = [texts[i] for i in held], [gold[i] for i in held]
        here = score.per_label(*part, [spancat_pred[i] for i in held], LABELS)
        there = score.per_label(*part, [rules_pred[i] for i in held], LABELS)
        f1s = "  ".join(f"{x} F1 rules {there[x][0][2]:.2f} spancat {here[x][0][2]:.2f}" for x in LABELS)
        print(
            f"fold {k + 1}: trained on {len(train)} (+{len(dev)} dev), {seconds[-1]:.0f} s; {f1s}", flush=True
        )
    rules = score.per_label(texts, gold, rules_pred, LABELS)
    learnt = score.per_label(texts, gold, spancat_pred, LABELS)
    recall = _candidate_recall(texts, gold, cands)
    print(f"\n{'label':10} {'n':>4}   {'rules P':>7} {'R':>5} {'F1':>5}   {'spancat P':>9} {'R':>5} {'F1':>5}"
          f"   candidate recall")  # fmt: skip
    for label in LABELS:
        (rp, rr, rf), n = rules[label]
        (sp, sr, sf), _ = learnt[label]
        hit, total = recall[label]
        print(f"{label:10} {n:>4}   {rp:>7.2f} {rr:>5.2f} {rf:>5.2f}   {sp:>9.2f} {sr:>5.2f} {sf:>5.2f}"
              f"   {hit / total if total else 0:.2f} ({hit}/{total})")  # fmt: skip
    print(
        f"\ntraining: {sum(seconds):.0f} s in all, {sum(seconds) / len(seconds):.0f} s per fold (2 cores shared)"
    )


if __name__ == "__main__":
    main()

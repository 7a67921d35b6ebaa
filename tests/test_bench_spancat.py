"""``benchmarks/bench_spancat.py`` cannot rot unseen: its command line, gold reading, folds,
one-Doc-per-paragraph training data and generated spaCy config on a tiny input; and (slow) a
whole run, training one epoch per fold."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_spancat", ROOT / "benchmarks" / "bench_spancat.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

QUOTE, CASUALTY = '"We will rebuild the bridge by spring."', "at least 12 people"
TEXTS = [
    f"The mayor of Riverton said: {QUOTE}\nOn Monday {CASUALTY} were killed in the flood.",
    f"{QUOTE} the governor told reporters.\nOfficials said {CASUALTY} died in the fire.",
    f"Police said {CASUALTY} were hurt.\nThe minister added: {QUOTE}",
    f"A spokesman said: {QUOTE}\nRescuers found {CASUALTY} dead after the storm.",
]


def _task(text: str) -> dict:
    spans = []
    for words, label in ((QUOTE, "QUOTE"), (CASUALTY, "CASUALTY")):
        start = text.index(words)
        spans.append({"start": start, "end": start + len(words), "label": label})
    spans.append({"start": 0, "end": len(text), "label": "QUOTE"})  # over a paragraph end: not learnt
    return {"text": text, "spans": spans}


@pytest.fixture
def tiny_gold(tmp_path) -> Path:
    path = tmp_path / "gold_tiny.jsonl"
    path.write_text("".join(json.dumps(_task(t)) + "\n" for t in TEXTS), encoding="utf-8")
    return path


def test_command_line_golds_and_folds(tiny_gold):
    args = bench.parse_args(["--folds", "2", "--seed", "3", "--gold", str(tiny_gold), "--ngram-max", "6"])
    assert (args.folds, args.seed, args.ngram_max, args.gold) == (2, 3, 6, [tiny_gold])
    assert not args.leave_one_gold_out and args.max_epochs == 12 and args.patience == 5
    golds = bench._golds(args.gold)
    assert [name for name, _ in golds] == ["tiny"] * 4
    folds = bench._folds(golds, args)
    assert len(folds) == 2 and sorted(i for f in folds for i in f) == [0, 1, 2, 3]
    whole = bench.parse_args(["--leave-one-gold-out"])
    assert bench._folds([("a", {}), ("b", {}), ("a", {})], whole) == [[0, 2], [1]]
    defaults = bench._golds(None)  # the dev golds, never the held-out Wikinews gold
    assert defaults and {name for name, _ in defaults} <= set(bench.GOLDS)


def test_training_data_is_one_doc_per_paragraph_with_the_gold_inside(tiny_gold):
    tasks = [task for _, task in bench._golds([tiny_gold])]
    docbin, words = bench._docbin(spacy.blank("en"), tasks)
    docs = list(docbin.get_docs(spacy.blank("en").vocab))
    assert len(docs) == 8 and words == sum(len(d) for d in docs)
    labelled = sorted((s.label_, s.text) for d in docs for s in d.spans[bench.KEY])
    assert labelled == sorted([("QUOTE", QUOTE), ("CASUALTY", CASUALTY)] * 4)  # the long one left out
    assert all(list(d.spans[bench.CANDIDATES]) == list(d.spans[bench.KEY]) for d in docs)


@pytest.mark.model
def test_the_generated_config_builds_both_pipelines(tmp_path):
    base = bench.parse_args([]).base
    width = spacy.load(base).get_pipe("tok2vec").model.get_dim("nO")
    args = bench.parse_args(["--max-length", "40", "--patience", "2", "--max-epochs", "3"])
    config = bench.make_config(args, base, tmp_path, 2500, width)
    assert config["nlp"]["pipeline"] == ["tok2vec", "span_finder", "spancat"]
    assert config["components"]["span_finder"]["max_length"] == 40
    assert config["training"]["eval_frequency"] == 3 and config["training"]["patience"] == 6  # 2 epochs
    assert config["paths"]["train"] == str(tmp_path / "train.spacy")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    assert nlp.pipe_names == ["tok2vec", "span_finder", "spancat"]

    ngram = bench.make_config(bench.parse_args(["--ngram-max", "5"]), base, tmp_path, 10, width)
    assert ngram["nlp"]["pipeline"] == ["tok2vec", "spancat"] and "span_finder" not in ngram["components"]
    assert ngram["components"]["spancat"]["suggester"]["max_size"] == 5
    nlp = spacy.util.load_model_from_config(ngram, auto_fill=True, validate=True)
    assert nlp.pipe_names == ["tok2vec", "spancat"]


@pytest.mark.slow
@pytest.mark.model
def test_a_whole_run_on_a_tiny_gold(tiny_gold, capsys):
    bench.main(["--gold", str(tiny_gold), "--folds", "2", "--max-epochs", "1", "--patience", "1"])
    out = capsys.readouterr().out
    assert "4 articles from tiny; 2 folds" in out
    assert "fold 1: trained on" in out and "fold 2: trained on" in out
    rows = [line.split() for line in out.splitlines() if line.startswith(("QUOTE", "CASUALTY"))]
    assert [row[:2] for row in rows] == [["QUOTE", "8"], ["CASUALTY", "4"]]  # the long QUOTEs: missed
    assert "s per fold" in out

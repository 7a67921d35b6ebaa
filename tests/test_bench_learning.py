"""``benchmarks/bench_learning.py`` scores suggestions as a project gives them: the articles it
trained on are in the project, so annotation memory of their labels is on (``--no-memory``
turns it off), and a finished article's unlabelled uses count against a remembered string."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from annotator.core.suggest.pipeline import RULES_NAME, pipeline_named
from annotator.core.train.examples import Example

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_learning", ROOT / "benchmarks" / "bench_learning.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

CLUB = "Wednesday beat Leeds 2-1 .\nLeeds fans left early ."
WEEK = "The council will vote on Wednesday .\nThe mayor of Leeds said he would abstain ."
LATER = "Leeds and Wednesday drew 0-0 on Saturday ."


def _example(i: int, text: str, words: list[tuple[str, str]]) -> Example:
    spans = []
    for word, label in words:
        start = text.index(word)
        spans.append((start, start + len(word), label))
    return Example(i, text, spans)


def _found(labelled: list[Example]) -> list[tuple[str, str]]:
    [found] = bench.project_suggestions(pipeline_named(RULES_NAME), labelled, [LATER])
    return sorted((LATER[s:e], label) for s, e, label in found if label in ("ACTOR", "LOCATION"))


def test_memory_of_the_labelled_articles_reaches_the_scored_ones():
    club = _example(0, CLUB, [("Wednesday", "ACTOR"), ("Leeds", "ACTOR")])
    assert ("Wednesday", "ACTOR") in _found([club])
    assert ("Wednesday", "ACTOR") not in _found([])


def test_a_weekday_left_unlabelled_in_a_finished_article_outweighs_one_accept():
    club = _example(0, CLUB, [("Wednesday", "ACTOR"), ("Leeds", "ACTOR")])
    week = _example(1, WEEK, [("Leeds", "LOCATION")])
    assert ("Wednesday", "ACTOR") not in _found([club, week])


def _conll_file(path: Path, articles: int) -> Path:
    lines = []
    for n in range(articles):
        lines += ["-DOCSTART- -X- -X- O", "", f"Article{n} NNP B-NP B-PER", "said VBD B-VP O", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _rest_args(train, offset: int):
    """The bench's arguments for a 25-article rest slice of ``train`` starting at ``offset``."""
    return bench.argparse.Namespace(
        conll_train=str(train),
        conll_dev=None,
        conll_rest=25,
        conll_score=0,
        sizes="0,10",
        seed=3,
        conll_rest_offset=offset,
    )


def test_the_rest_of_the_train_file_is_neither_trained_on_nor_spacy_dev(tmp_path):
    train = _conll_file(tmp_path / "train.txt", 60)
    pool, dev, rest, source, _ = bench._sources(_rest_args(train, offset=0))
    used = {ex.text for ex in pool + dev}
    assert source == "CoNLL rest"
    assert len(pool) == 10 and len(dev) == bench.CONLL_DEV and len(rest) == 25
    assert not used & {task["text"] for task in rest}


def test_a_rest_offset_gives_a_second_rest_slice_disjoint_from_the_first(tmp_path):
    train = _conll_file(tmp_path / "train.txt", 90)
    slices = []
    for offset in (0, 25):
        pool, dev, rest, _, _ = bench._sources(_rest_args(train, offset))
        slices.append({task["text"] for task in rest})
        assert len(rest) == 25 and not {ex.text for ex in pool + dev} & slices[-1]
    assert not slices[0] & slices[1]

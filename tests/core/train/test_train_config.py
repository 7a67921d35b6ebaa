"""The generated training config: batches small enough that a small training set still gets
enough updates an epoch (with 1000-word batches, 10 wire articles made 2 updates an epoch and
patience ran out before the recognizer predicted a single ACTOR or LOCATION)."""

from __future__ import annotations

from pathlib import Path

from annotator.core.train.config import BATCH_WORDS, MIN_BATCH_WORDS, MIN_STEPS, batch_words, training_config


def _config(n_words: int):
    return training_config(
        "en_core_web_sm", "en", ["tok2vec", "ner"], Path("t.spacy"), Path("d.spacy"), n_words, 30, 5, 0
    )


def test_small_training_sets_get_smaller_batches():
    assert batch_words(2_000) == 2_000 // MIN_STEPS
    assert batch_words(500) == MIN_BATCH_WORDS
    assert batch_words(100_000) == BATCH_WORDS


def test_an_epoch_makes_enough_updates_and_is_evaluated_once():
    for n_words in (2_000, 10_000, 32_000):
        training = _config(n_words)["training"]
        size = training["batcher"]["size"]
        steps = training["eval_frequency"]
        assert size == batch_words(n_words)
        assert steps == -(-n_words // size)
        assert steps >= min(MIN_STEPS, n_words // MIN_BATCH_WORDS)
        assert training["patience"] == 5 * steps


def test_a_150_article_wire_set_makes_over_a_hundred_updates_an_epoch_with_dropout_0_2():
    # 150 CoNLL articles are about 32,000 words; 1000-word batches made 32 updates an epoch
    training = _config(32_000)["training"]
    assert training["eval_frequency"] >= 100
    assert training["dropout"] == 0.2

"""The spaCy training config of a run: every component sourced from the base pipeline, only
the entity recognizer updated, one evaluation per epoch, our progress logger."""

from __future__ import annotations

import json
from pathlib import Path

from thinc.api import Config

# 250 words (about 17 wire sentences) a batch, dropout 0.2: on 150 CoNLL train articles the
# seeded recognizer reached dev F1 0.878 after one epoch (1000-word batches, dropout 0.1: 0.858
# after two) and scored the rest no worse (ACTOR 0.875 against 0.867).
BATCH_WORDS = 250
DROPOUT = 0.2
MIN_BATCH_WORDS = 100
MIN_STEPS = 20  # updates per epoch at least (down to MIN_BATCH_WORDS a batch)
LOGGER = "annotator.train_progress.v1"


def _q(value: object) -> str:
    return json.dumps(str(value))


def batch_words(n_words: int) -> int:
    """Words a batch: BATCH_WORDS, smaller for a small training set so an epoch still makes
    MIN_STEPS updates (with 1000-word batches, 10 articles made 2 updates an epoch and the
    recognizer learnt nothing before patience ran out)."""
    return max(MIN_BATCH_WORDS, min(BATCH_WORDS, n_words // MIN_STEPS))


def training_config(
    base: str,
    lang: str,
    pipe_names: list[str],
    train_path: Path,
    dev_path: Path,
    n_words: int,
    max_epochs: int,
    patience_epochs: int,
    seed: int,
) -> Config:
    """A config that sources ``pipe_names`` from ``base`` (adding a new ``ner`` when the base
    has none), freezes everything but ``ner`` and evaluates about once per epoch (``n_words`` / batch size steps)."""
    size = batch_words(n_words)
    steps = max(1, -(-n_words // size))
    names = list(pipe_names) + ([] if "ner" in pipe_names else ["ner"])
    frozen = [n for n in names if n != "ner"]
    components = "\n".join(
        f"[components.{n}]\nsource = {_q(base)}\n"
        if n in pipe_names
        else f'[components.{n}]\nfactory = "{n}"\n'
        for n in names
    )
    text = f"""
[paths]
train = {_q(train_path)}
dev = {_q(dev_path)}

[system]
seed = {seed}
gpu_allocator = null

[nlp]
lang = {_q(lang)}
pipeline = {json.dumps(names)}
batch_size = 64

[components]
{components}
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
dropout = {DROPOUT}
accumulate_gradient = 1
patience = {patience_epochs * steps}
max_epochs = {max_epochs}
max_steps = 0
eval_frequency = {steps}
frozen_components = {json.dumps(frozen)}
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
size = {size}
tolerance = 0.2
discard_oversize = false
get_length = null

[training.logger]
@loggers = "{LOGGER}"

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null

[initialize.before_init]
@callbacks = "spacy.copy_from_base_model.v1"
tokenizer = {_q(base)}
vocab = {_q(base)}

[initialize.components]

[initialize.tokenizer]
"""
    return Config().from_str(text)

"""Run spaCy's own training loop (``spacy.training.loop.train``) on a generated config and save
the best pipeline; Ctrl+C or the time limit stop it cleanly and keep the best model so far."""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import DocBin
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as spacy_train
from spacy.util import filter_spans, registry

from annotator.core.suggest.entity_suggester import LABEL_OF
from annotator.core.train import score
from annotator.core.train.config import LOGGER, training_config
from annotator.core.train.examples import Example, TrainingData, TrainingError, gather, paragraphs
from annotator.core.train.label_init import add_labels
from annotator.core.train.rehearsal import project_scorer, rehearsal_labels, with_rehearsal

if TYPE_CHECKING:
    from annotator.core.store import Project

META_KEY = "annotator_train"
Report = Callable[[str], None]


@dataclass
class TrainOptions:
    """What ``annotator train`` was asked for."""

    output: Path | None = None
    base: str | None = None
    labels: list[str] | None = None
    dev: float = 0.2
    seed: int = 0
    max_minutes: float = 10.0
    max_epochs: int = 30
    patience: int = 5
    annotator: str | None = None
    status: str = "done"


@dataclass
class TrainResult:
    """Where the model went and how the run went; ``scores[name][label] = ((P, R, F1), n)``."""

    output: Path
    base: str
    stopped: str
    epochs: int
    seconds: float
    n_train: int
    n_dev: int
    scores: dict[str, dict[str, Any]] = field(default_factory=dict)


class _Stop(BaseException):
    """Raised from the logger when the time is up (not an Exception: spaCy's loop re-raises
    those after a warning, but its ``finally`` still saves the last model)."""


Step = Callable[[dict[str, Any] | None], None]
_HOOK: dict[str, Step] = {}


@registry.loggers(LOGGER)  # type: ignore[untyped-decorator]  # catalogue's registries are untyped
def _progress_logger() -> Callable[..., tuple[Step, Callable[[], None]]]:
    def setup(nlp: Language, stdout: Any = None, stderr: Any = None) -> tuple[Step, Callable[[], None]]:
        return (lambda info: _HOOK["step"](info)), (lambda: None)

    return setup


def default_base(project: Project) -> str:
    """The project's model, or the base it was trained from, or the default spaCy model."""
    from annotator.core.suggest.pipeline import DEFAULT_MODELS

    saved = project.get_meta("model")
    if saved:
        trained = _train_meta(saved)
        return str(trained.get("base", saved)) if trained else str(saved)
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    raise TrainingError("no spaCy model is installed to train from; give one with --base")


def _train_meta(model: str) -> dict[str, Any]:
    path = Path(model) / "meta.json"
    if not path.is_file():
        return {}
    meta: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")).get(META_KEY, {})
    return meta


def load_base(name: str) -> Language:
    """The base pipeline, or a TrainingError naming what was tried."""
    try:
        return spacy.load(name)
    except (OSError, ValueError) as exc:
        tried = f"an installed package {name!r} and a model folder {Path(name).resolve()}"
        first = str(exc).splitlines()[0][:200]
        raise TrainingError(f"cannot load --base {name!r}: tried {tried} ({first})") from None


def default_output(project: Project) -> Path:
    """``<project folder>/<project name>-models/<date-time>``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return project.path.parent / f"{project.path.stem}-models" / stamp


def train_project(project: Project, options: TrainOptions, report: Report = print) -> TrainResult:
    """Train on the project's finished articles; without ``options.output`` the model is saved
    under the project's folder and becomes the project's model."""
    base = options.base or default_base(project)
    base_nlp = load_base(base)
    data = gather(project, options.labels, options.status, options.annotator, options.dev, options.seed)
    output = Path(options.output) if options.output else default_output(project)
    if output.exists() and any(output.iterdir()):
        raise TrainingError(f"{output} exists and is not empty; choose another --output")
    report(
        f"training {', '.join(data.labels)} from {base} on {len(data.train)} article(s), "
        f"{len(data.dev)} held out for dev"
    )
    result = train_data(base, base_nlp, data, options, output, report)
    if options.output is None and not project.read_only:  # before scoring: Ctrl+C there keeps it
        project.set_meta("model", str(output.resolve()))
        report(f"the project's model is now {output}")
    report("scoring the base and the trained suggestions on the held-out articles")
    result.scores = compare(base, str(output), data.dev)
    return result


def train_data(
    base: str, base_nlp: Language, data: TrainingData, options: TrainOptions, output: Path, report: Report
) -> TrainResult:
    """Train on ``data`` and save to ``output`` (:func:`compare` scores it)."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="annotator-train-") as folder:
        tmp = Path(folder)
        assert base_nlp.lang is not None, "a loaded pipeline has a language"
        rehearse = rehearsal_labels(base_nlp.pipe_labels.get("ner", []), data.labels)
        train_bin, words = _docbin(base_nlp, data.train, data.labels, rehearse)
        train_bin.to_disk(tmp / "train.spacy")
        _docbin(base_nlp, data.dev, data.labels, rehearse)[0].to_disk(tmp / "dev.spacy")
        config = training_config(
            base, base_nlp.lang, base_nlp.pipe_names, tmp / "train.spacy", tmp / "dev.spacy",
            words, options.max_epochs, options.patience, options.seed,
        )  # fmt: skip
        nlp = init_nlp(config)
        ner = nlp.get_pipe("ner")
        assert isinstance(ner, EntityRecognizer), "the training config has an ner component"
        add_labels(ner, data.labels, LABEL_OF)
        ner.scorer = project_scorer(data.labels)
        stopped, epochs = _run_loop(nlp, tmp / "out", options.max_minutes * 60, started, report)
        best = tmp / "out" / "model-best"
        chosen = best if best.exists() else tmp / "out" / "model-last"
        output.parent.mkdir(parents=True, exist_ok=True)
        if output.exists():
            output.rmdir()
        shutil.copytree(chosen, output)
    _write_meta(output, base, data, options, stopped, rehearse)
    seconds = time.monotonic() - started
    report(f"saved {'the best model' if chosen == best else 'the last model'} to {output} ({seconds:.0f} s)")
    return TrainResult(output, base, stopped, epochs, seconds, len(data.train), len(data.dev))


def _docbin(
    nlp: Language, examples: list[Example], labels: list[str], rehearse: list[str]
) -> tuple[DocBin, int]:
    """One Doc per paragraph (more, smaller updates than whole articles), tokenized by the base
    pipeline, with the entity labels as ``doc.ents`` plus the base model's own entities of the
    ``rehearse`` types where no label is; also returns the number of words."""
    docbin, words = DocBin(attrs=("ORTH", "ENT_IOB", "ENT_TYPE")), 0
    pieces = [(ex, start, para) for ex in examples for start, para in paragraphs(ex.text)]
    texts = (para for _, _, para in pieces)
    predicted = nlp.pipe(texts) if rehearse else (nlp.make_doc(t) for t in texts)
    for (ex, start, para), base_doc in zip(pieces, predicted):
        end = start + len(para)
        doc = nlp.make_doc(para)
        inside = [
            (s - start, e - start, lab) for s, e, lab in ex.spans if lab in labels and start <= s and e <= end
        ]
        spans = [doc.char_span(s, e, lab, alignment_mode="expand") for s, e, lab in inside]
        gold = filter_spans([s for s in spans if s is not None and s.text.strip()])
        doc.ents = with_rehearsal(doc, gold, base_doc, rehearse)
        docbin.add(doc)
        words += len(doc)
    return docbin, words


def _run_loop(nlp: Language, out: Path, limit: float, started: float, report: Report) -> tuple[str, int]:
    """spaCy's loop with a per-epoch progress line; returns (how it stopped, epochs seen)."""
    state = _Progress()

    def step(info: dict[str, Any] | None) -> None:
        if info is not None and (line := state.line(info, time.monotonic() - started)):
            report(line)
        if time.monotonic() - started > limit:
            raise _Stop

    _HOOK["step"] = step
    out.mkdir(parents=True, exist_ok=True)
    try:
        spacy_train(nlp, out, stdout=io.StringIO(), stderr=io.StringIO())
        return "finished", state.epoch
    except _Stop:
        report("time is up: keeping the best model so far")
        return "time", state.epoch
    except KeyboardInterrupt:
        report("interrupted: keeping the best model so far")
        return "interrupted", state.epoch
    finally:
        _HOOK.pop("step", None)


@dataclass
class _Progress:
    """How far the training loop has got: epochs seen and the best dev entity F1."""

    epoch: int = 0
    best: float = 0.0

    def line(self, info: dict[str, Any], seconds: float) -> str | None:
        """The progress line of one of spaCy's evaluations, or None for one that ends no
        epoch: the one after the first update (step 0), and a second in the same epoch (the
        evaluation interval is the epoch's batches only roughly). Each epoch shows once."""
        f1 = float(info["other_scores"].get("ents_f") or 0.0)
        self.best = max(self.best, f1)
        epoch = info["epoch"] + 1
        if info["step"] == 0 or epoch == self.epoch:
            return None
        self.epoch = epoch
        loss = info["losses"].get("ner", 0.0)
        return (
            f"epoch {epoch}: loss {loss:.1f}, dev entity F1 {f1:.3f} (best {self.best:.3f}), {seconds:.0f} s"
        )


def _write_meta(
    output: Path, base: str, data: TrainingData, options: TrainOptions, stopped: str, rehearsed: list[str]
) -> None:
    path = output / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["name"] = "annotator_trained"
    meta[META_KEY] = {
        "base": base,
        "labels": data.labels,
        "train_articles": [ex.article_id for ex in data.train],
        "dev_articles": [ex.article_id for ex in data.dev],
        "seed": options.seed,
        "status": options.status,
        "annotator": options.annotator,
        "stopped": stopped,
        "rehearsed": rehearsed,
    }
    path.write_text(json.dumps(meta, indent=2), encoding="utf-8")


def compare(base: str, trained: str, dev: list[Example]) -> dict[str, dict[str, Any]]:
    """Per-label scores of the base and the trained suggestions on the dev articles."""
    from annotator.core.suggest.pipeline import pipeline_named

    texts = [ex.text for ex in dev]
    gold = [ex.spans for ex in dev]
    labels = sorted({label for spans in gold for _, _, label in spans})
    out: dict[str, dict[str, Any]] = {}
    for name, model in (("base", base), ("trained", trained)):
        pred = score.suggested_spans(pipeline_named(model), texts)
        out[name] = score.per_label(texts, gold, pred, labels)
    return out

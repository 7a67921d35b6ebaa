"""``annotator train``: what it learns from, its errors, and a short real training run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.ingest import import_sources
from annotator.core.suggest import load_pipeline
from annotator.core.train import TrainingError, TrainOptions, gather, train_project
from annotator.core.train.runner import META_KEY

WIKIGOLD = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "wikigold.jsonl"


def _labelled(project, tmp_path: Path, n: int, keep=("ACTOR", "LOCATION")) -> None:
    """Import ``n`` Wikigold documents as articles the annotator 'ana' marked done."""
    tasks = [json.loads(line) for line in WIKIGOLD.read_text(encoding="utf-8").splitlines()[:n]]
    for task in tasks:
        task["spans"] = [s for s in task["spans"] if s["label"] in keep]
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(json.dumps(t) for t in tasks) + "\n", encoding="utf-8")
    import_sources(project, [str(path)], fmt="jsonl", annotator="ana")


def test_gather_splits_finished_articles(project, tmp_path):
    _labelled(project, tmp_path, 12)
    data = gather(project, dev=0.25, seed=1)
    assert data.labels == ["ACTOR", "LOCATION"]
    assert (len(data.train), len(data.dev)) == (9, 3)
    assert {ex.article_id for ex in data.train}.isdisjoint(ex.article_id for ex in data.dev)
    assert data.counts["ACTOR"] > 0 and data.counts["LOCATION"] > 0
    assert gather(project, dev=0.25, seed=1).dev[0].article_id == data.dev[0].article_id


def test_fewer_than_ten_finished_articles_is_refused(project, tmp_path):
    _labelled(project, tmp_path, 9)
    with pytest.raises(TrainingError, match="at least 10 articles marked done; this project has 9"):
        gather(project)


def test_another_annotators_articles_do_not_count(project, tmp_path):
    _labelled(project, tmp_path, 12)
    with pytest.raises(TrainingError, match="by bob; this project has 0"):
        gather(project, annotator="bob")


def test_a_label_without_examples_is_named(project, tmp_path):
    _labelled(project, tmp_path, 12, keep=("ACTOR",))
    with pytest.raises(TrainingError, match="has a LOCATION span"):
        gather(project)
    assert gather(project, labels=["ACTOR"]).labels == ["ACTOR"]


def test_quote_and_casualty_do_not_train_the_entity_model(project, tmp_path):
    _labelled(project, tmp_path, 12)
    with pytest.raises(TrainingError, match="QUOTE is not an entity label"):
        gather(project, labels=["QUOTE"])
    with pytest.raises(TrainingError, match="unknown label 'PLACE'"):
        gather(project, labels=["PLACE"])


def test_a_base_that_does_not_load_names_what_was_tried(project, tmp_path):
    _labelled(project, tmp_path, 12)
    with pytest.raises(
        TrainingError, match=r"cannot load --base 'no_such_model': tried an installed package"
    ):
        train_project(project, TrainOptions(base="no_such_model", output=tmp_path / "m"))


def test_cli_reports_errors_in_one_line(project_path, tmp_path):
    runner = CliRunner()
    runner.invoke(cli, ["init", str(project_path)])
    result = runner.invoke(cli, ["train", str(project_path), "--output", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert "error: training needs at least 10 articles marked done" in result.output


@pytest.mark.slow
def test_training_saves_a_loadable_model_and_makes_it_the_projects(project, tmp_path):
    _labelled(project, tmp_path, 12)
    lines: list[str] = []
    result = train_project(project, TrainOptions(max_epochs=2, seed=3), report=lines.append)
    assert any(line.startswith("epoch 1:") for line in lines)
    assert result.output.parent.name == f"{project.path.stem}-models"
    assert project.get_meta("model") == str(result.output.resolve())
    nlp = spacy.load(result.output)
    assert {"ACTOR", "LOCATION"} <= set(nlp.get_pipe("ner").labels)
    assert nlp.pipe_names[:3] == ["tok2vec", "tagger", "parser"]  # sourced, still tagging and parsing
    doc = nlp("The minister met reporters in Paris on Monday.")
    assert doc[1].tag_ and doc[1].dep_
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["Monday"]  # rehearsed, not forgotten
    meta = json.loads((result.output / "meta.json").read_text())
    assert meta[META_KEY]["base"] == result.base
    assert "DATE" in meta[META_KEY]["rehearsed"]
    assert len(meta[META_KEY]["dev_articles"]) == result.n_dev
    assert set(result.scores["base"]) == set(result.scores["trained"]) >= {"ACTOR", "LOCATION"}
    pipeline = load_pipeline(None, project)
    assert pipeline.model_name == str(result.output.resolve())


@pytest.mark.slow
def test_ctrl_c_keeps_the_best_model_so_far(project, tmp_path):
    _labelled(project, tmp_path, 12)
    raised = []

    def report(line: str) -> None:
        if line.startswith("epoch 2:") and not raised:
            raised.append(line)
            raise KeyboardInterrupt

    result = train_project(project, TrainOptions(max_epochs=5, output=tmp_path / "m"), report=report)
    assert result.stopped == "interrupted"
    assert spacy.load(tmp_path / "m").get_pipe("ner")
    assert project.get_meta("model") is None  # an explicit --output does not change the project's model


@pytest.mark.slow
def test_ctrl_c_while_scoring_keeps_the_saved_model_as_the_projects(project, tmp_path, monkeypatch):
    """The model is saved before the base and the new model are scored (which takes a while):
    Ctrl+C then, or the window's Stop, must not leave the project on its old model."""
    from annotator.core.train import runner

    _labelled(project, tmp_path, 12)

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "compare", interrupted)
    with pytest.raises(KeyboardInterrupt):
        train_project(project, TrainOptions(max_epochs=1, seed=3), report=lambda _line: None)
    saved = project.get_meta("model")
    assert saved is not None and spacy.load(saved).get_pipe("ner")

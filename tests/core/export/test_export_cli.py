"""``annotator export``: the flags, the report at the end, one-line errors."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold_seeds.jsonl"


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def test_export_prints_the_alignment_report_and_splits(tmp_path):
    project = tmp_path / "p.db"
    assert run("import", project, GOLD, "--annotator", "gold").exit_code == 0
    result = run(
        "export",
        project,
        tmp_path / "out",
        "--format",
        "spacy",
        "--status",
        "done",
        "--annotator",
        "gold",
        "--split",
        "0.6,0.2,0.2",
        "--seed",
        "1",
        "--strict",
    )
    assert result.exit_code == 0, result.output
    assert "alignment report (spacy): 5 article(s)" in result.output and "0 dropped" in result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.spacy")) == [
        "dev.spacy",
        "test.spacy",
        "train.spacy",
    ]
    result = run(
        "export",
        project,
        tmp_path / "all.jsonl",
        "--format",
        "jsonl",
        "--status",
        "all",
        "--include-suggestions",
    )
    assert result.exit_code == 0 and "wrote" in result.output


def test_export_errors_are_one_line(tmp_path):
    project = tmp_path / "p.db"
    run("import", project, GOLD, "--annotator", "gold")
    result = CliRunner().invoke(cli, ["export", str(project), str(tmp_path / "x"), "--split", "0.5,0.6"])
    assert result.exit_code == 1 and result.output.startswith("error: --split '0.5,0.6'")


def test_brat_folder_imports_back_with_format_brat(tmp_path):
    project = tmp_path / "p.db"
    run("import", project, GOLD, "--annotator", "gold")
    assert run("export", project, tmp_path / "brat", "--format", "brat").exit_code == 0
    result = run("import", tmp_path / "q.db", tmp_path / "brat", "--format", "brat", "--annotator", "rt")
    assert result.exit_code == 0 and "5 new article(s)" in result.output
    again = run("export", tmp_path / "q.db", tmp_path / "again.jsonl", "--format", "jsonl")
    first = run("export", project, tmp_path / "first.jsonl", "--format", "jsonl")
    assert again.output.split("\n")[0].split(": ", 1)[1] == first.output.split("\n")[0].split(": ", 1)[1]

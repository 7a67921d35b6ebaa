"""The `annotator` command: help everywhere, one-line errors, stats JSON."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from annotator import __version__
from annotator.cli import cli
from annotator.paths import samples_dir


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


ALL_COMMANDS = cli.list_commands(None)  # imports every command module (they load lazily)


def test_every_command_module_is_in_the_lazy_map():
    """A command module whose names are missing from cli/__init__.py would never load."""
    import importlib
    import pkgutil

    import annotator.cli as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name.endswith(("_cmd", "_cmds")):
            importlib.import_module(f"annotator.cli.{info.name}")
    assert set(cli.commands) == set(ALL_COMMANDS)
    assert {"open", "init", "import", "stats", "suggest", "export", "undo", "redo"} <= set(ALL_COMMANDS)


@pytest.mark.parametrize("command", ALL_COMMANDS)
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_version_imports_neither_spacy_nor_qt_nor_the_store():
    """`annotator --version` (and light commands) must not pay for spaCy's import."""
    code = (
        "import sys\nfrom annotator.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('spacy', 'PySide6', 'annotator.core.store') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]"), out


def test_command_modules_do_not_import_spacy():
    code = (
        "import sys\nfrom annotator.cli import cli\ncli.list_commands(None)\n"
        "print('spacy' in sys.modules, 'PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_init_import_stats(tmp_path):
    project = tmp_path / "p.db"
    assert run("init", project).exit_code == 0
    result = run("import", project, samples_dir())
    assert result.exit_code == 0 and "5 new article(s)" in result.output
    stats = json.loads(run("stats", project, "--json").output)
    assert {"articles", "done", "spans", "suggestions", "annotators"} <= set(stats)
    assert stats["articles"] == 5 and stats["spans"] == {"ACTOR": 0, "LOCATION": 0, "QUOTE": 0, "CASUALTY": 0}


def test_import_creates_project_and_uses_annotator(tmp_path):
    data = tmp_path / "a.jsonl"
    data.write_text(
        json.dumps({"text": "Kyiv", "spans": [{"start": 0, "end": 4, "label": "LOCATION"}]}) + "\n"
    )
    project = tmp_path / "new.db"
    assert run("import", project, data, "--annotator", "ann").exit_code == 0
    stats = json.loads(run("stats", project, "--json").output)
    assert stats["done"] == 1 and stats["annotators"] == {"ann": {"done": 1, "spans": 1}}


def test_init_with_bad_scheme_names_key(tmp_path):
    scheme = tmp_path / "s.json"
    scheme.write_text(json.dumps({"name": "x", "labels": [{"name": "A"}]}))
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p.db"), "--scheme", str(scheme)])
    assert result.exit_code == 1
    assert "labels/0" in result.output and "required property" in result.output
    assert not (tmp_path / "p.db").exists()


def test_init_refuses_existing_project(tmp_path):
    project = tmp_path / "p.db"
    run("init", project)
    result = CliRunner().invoke(cli, ["init", str(project)])
    assert result.exit_code == 1 and "already exists" in result.output


def test_error_is_one_line_without_traceback(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{oops\n')
    proc = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(tmp_path / "p.db"), str(bad)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"error: {bad}:2: not valid JSON: Expecting property name enclosed in double quotes (column 2)"
    ]
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "p.db").exists()  # the failed import created no project


def test_debug_shows_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "annotator", "--debug", "stats", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode != 0 and "Traceback" in proc.stderr


def test_stats_on_missing_project(tmp_path):
    result = CliRunner().invoke(cli, ["stats", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such project" in result.output


def test_the_installed_version_is_the_package_version():
    """One place holds the version (annotator/__init__.py; pyproject reads it)."""
    from importlib.metadata import version

    assert version("news-annotator") == __version__
